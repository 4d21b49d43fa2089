package dev.lakehouse.report;

/**
 * Appends HTML and SVG markup; every text and attribute value goes through {@link #escape}, so nothing a
 * caller passes can open a tag. Output is also well-formed XML where the caller closes what it opens.
 */
final class Markup {
  private static final char REPLACEMENT = '\uFFFD';

  private final StringBuilder out = new StringBuilder(8192);

  /** {@code <tag name="value" ...>}; attributes come as name, value pairs and a null value leaves one out. */
  Markup open(String tag, String... attributes) {
    out.append('<').append(tag);
    attributes(attributes);
    out.append('>');
    return this;
  }

  /** {@code <tag name="value" .../>}, for SVG shapes. */
  Markup shape(String tag, String... attributes) {
    out.append('<').append(tag);
    attributes(attributes);
    out.append("/>");
    return this;
  }

  Markup close(String tag) {
    out.append("</").append(tag).append('>');
    return this;
  }

  /** An element holding only escaped text. */
  Markup element(String tag, String text, String... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  Markup text(String text) {
    out.append(escape(text));
    return this;
  }

  /** Markup written by this package, never caller text. */
  Markup raw(String markup) {
    out.append(markup);
    return this;
  }

  Markup newline() {
    out.append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /**
   * Text safe in HTML text, in quoted attributes and in XML: the five markup characters become entities,
   * and characters XML does not allow (control characters, lone surrogates, U+FFFE and U+FFFF) become U+FFFD.
   * Null is the empty string.
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        escaped.append(c).append(text.charAt(++i));
      } else {
        escaped.append(escape(c));
      }
    }
    return escaped.toString();
  }

  private static String escape(char c) {
    switch (c) {
      case '&': return "&amp;";
      case '<': return "&lt;";
      case '>': return "&gt;";
      case '"': return "&quot;";
      case '\'': return "&#39;";
      default: return isAllowedInXml(c) ? String.valueOf(c) : String.valueOf(REPLACEMENT);
    }
  }

  private static boolean isAllowedInXml(char c) {
    boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    return !control && !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
  }

  private void attributes(String[] attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("Invalid attributes: expected name, value pairs but got " + attributes.length
          + " strings");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
      }
    }
  }
}
