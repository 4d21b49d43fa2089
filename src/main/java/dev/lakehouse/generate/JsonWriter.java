package dev.lakehouse.generate;

import java.nio.charset.StandardCharsets;

/**
 * Writes one flat JSON object into a reused buffer, faster than a tree or a mapper. Field names are
 * trusted constants; string values are escaped.
 */
final class JsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder buffer = new StringBuilder(512);
  private final TimeFormats time;

  JsonWriter(TimeFormats time) {
    this.time = time;
  }

  JsonWriter begin() {
    buffer.setLength(0);
    buffer.append('{');
    return this;
  }

  JsonWriter field(String name, String value) {
    name(name);
    if (value == null) {
      buffer.append("null");
    } else {
      quoted(value);
    }
    return this;
  }

  JsonWriter field(String name, long value) {
    name(name);
    buffer.append(value);
    return this;
  }

  JsonWriter field(String name, double value) {
    name(name);
    buffer.append(value);
    return this;
  }

  JsonWriter field(String name, boolean value) {
    name(name);
    buffer.append(value);
    return this;
  }

  /** An ISO-8601 UTC instant with milliseconds, e.g. {@code "2026-11-21T10:15:30.123Z"}. */
  JsonWriter instant(String name, long epochMs) {
    name(name);
    buffer.append('"');
    time.appendIso(buffer, epochMs);
    buffer.append('"');
    return this;
  }

  byte[] end() {
    buffer.append('}');
    return buffer.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void name(String name) {
    if (buffer.length() > 1) {
      buffer.append(',');
    }
    buffer.append('"').append(name).append("\":");
  }

  private void quoted(String value) {
    buffer.append('"');
    for (int i = 0; i < value.length(); i++) {
      escaped(value.charAt(i));
    }
    buffer.append('"');
  }

  private void escaped(char c) {
    if (c == '"' || c == '\\') {
      buffer.append('\\').append(c);
    } else if (c < 0x20) {
      buffer.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
    } else {
      buffer.append(c);
    }
  }
}
