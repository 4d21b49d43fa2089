package dev.lakehouse.logs.security;

/**
 * A request's path and query as one lower-case text to match signatures against: percent-decoded up to twice
 * (scanners encode twice to get past filters that decode once), {@code +} a space after the {@code ?}.
 *
 * <p>Decoding is byte-wise: {@code %XX} becomes the character with code XX, so non-ASCII UTF-8 comes out as
 * several Latin-1 characters. The signatures are ASCII, so that is enough, and it never fails; the text is for
 * matching, not for display. Besides {@code %XX} it decodes the evasions that old servers accepted: IIS's
 * {@code %uXXXX} and over-long two-byte UTF-8 of an ASCII character ({@code %c0%ae} is a dot). A {@code %} not
 * followed by two hex digits stays as it is. Only ASCII letters are lower-cased, so indexes never move.
 */
final class UrlText {
  private static final int ROUNDS = 2;

  private UrlText() {}

  /** {@code path?query} decoded and lower-cased; either may be null, and the path may hold a query already. */
  static String matchable(String path, String query) {
    String text = joined(path, query);
    for (int round = 0; round < ROUNDS && needsDecoding(text); round++) {
      text = decodedOnce(text);
    }
    return text;
  }

  // one text with one query: a second query is appended to one the path already holds
  private static String joined(String path, String query) {
    if (query == null) {
      return path == null ? "" : path;
    }
    if (path == null) {
      return "?" + query;
    }
    return path + (path.indexOf('?') < 0 ? '?' : '&') + query;
  }

  // whether a round would change anything: most paths are plain lower-case ASCII and cost no copy
  private static boolean needsDecoding(String text) {
    int plusFrom = queryStart(text);
    for (int at = 0; at < text.length(); at++) {
      char c = text.charAt(at);
      if ((c >= 'A' && c <= 'Z') || (c == '+' && at > plusFrom) || (c == '%' && escapeLength(text, at) > 0)) {
        return true;
      }
    }
    return false;
  }

  private static String decodedOnce(String text) {
    int plusFrom = queryStart(text);
    StringBuilder decoded = new StringBuilder(text.length());
    int at = 0;
    while (at < text.length()) {
      char c = text.charAt(at);
      int length = c == '%' ? escapeLength(text, at) : 0;
      if (length > 0) {
        decoded.append(lowerCase(escaped(text, at, length)));
        at += length;
      } else {
        decoded.append(c == '+' && at > plusFrom ? ' ' : lowerCase(c));
        at++;
      }
    }
    return decoded.toString();
  }

  private static int queryStart(String text) {
    int question = text.indexOf('?');
    return question < 0 ? text.length() : question;
  }

  // how many characters the escape at a '%' spans: 6 for %uXXXX and for an over-long pair, 3 for %XX, else 0
  private static int escapeLength(String text, int at) {
    if (isUnicodeEscape(text, at)) {
      return 6;
    }
    if (byteAt(text, at) < 0) {
      return 0;
    }
    return isOverlongAscii(byteAt(text, at), byteAt(text, at + 3)) ? 6 : 3;
  }

  private static char escaped(String text, int at, int length) {
    if (isUnicodeEscape(text, at)) {
      return (char) ((hexPair(text, at + 2) << 8) | hexPair(text, at + 4));
    }
    int first = byteAt(text, at);
    return length == 3 ? (char) first : (char) (((first & 0x1f) << 6) | (byteAt(text, at + 3) & 0x3f));
  }

  // %u002e: IIS decoded UTF-16 code units written this way
  private static boolean isUnicodeEscape(String text, int at) {
    return at + 5 < text.length()
        && text.charAt(at) == '%'
        && (text.charAt(at + 1) == 'u' || text.charAt(at + 1) == 'U')
        && hexPair(text, at + 2) >= 0
        && hexPair(text, at + 4) >= 0;
  }

  // %c0%ae is '.' and %c0%af is '/' written in two bytes, which strict UTF-8 forbids and lax decoders accepted
  private static boolean isOverlongAscii(int first, int second) {
    return (first == 0xc0 || first == 0xc1) && second >= 0x80 && second <= 0xbf;
  }

  // the byte of a %XX at the given index, or -1 when there is none
  private static int byteAt(String text, int at) {
    return at < text.length() && text.charAt(at) == '%' ? hexPair(text, at + 1) : -1;
  }

  private static int hexPair(String text, int at) {
    if (at + 1 >= text.length()) {
      return -1;
    }
    int high = hexDigit(text.charAt(at));
    int low = hexDigit(text.charAt(at + 1));
    return high < 0 || low < 0 ? -1 : (high << 4) | low;
  }

  // ASCII only: Character.digit would take Arabic-Indic and full-width digits too
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    char lower = lowerCase(c);
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
  }

  private static char lowerCase(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
