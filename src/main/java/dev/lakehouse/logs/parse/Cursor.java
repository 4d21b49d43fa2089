package dev.lakehouse.logs.parse;

/**
 * A position in one line, read left to right. Reading methods consume what they return; those that
 * expect something reject the line with {@code parse.no_format} when it is not there.
 */
final class Cursor {
  private final String line;
  private int at;

  Cursor(String line) {
    this.line = line;
  }

  int position() {
    return at;
  }

  void moveTo(int position) {
    at = position;
  }

  boolean atEnd() {
    return at >= line.length();
  }

  /** Whether the next character is {@code c}. */
  boolean isAt(char c) {
    return at < line.length() && line.charAt(at) == c;
  }

  /** Whether the next character is a digit. */
  boolean isAtDigit() {
    return at < line.length() && isDigit(line.charAt(at));
  }

  /** Consumes {@code c} if it is next. */
  boolean skip(char c) {
    if (isAt(c)) {
      at++;
      return true;
    }
    return false;
  }

  /** Consumes {@code c}, or rejects the line naming what should have come. */
  void expect(char c, String where) {
    if (!skip(c)) {
      throw Rejection.noFormat("Invalid " + found() + " at column " + (at + 1) + ": expected '" + c + "' " + where);
    }
  }

  /** Up to the next space or the end; may be empty. */
  String token() {
    int end = line.indexOf(' ', at);
    return upTo(end < 0 ? line.length() : end);
  }

  /** Up to {@code c}, which is consumed; rejects the line if there is none. */
  String until(char c, String what) {
    int end = line.indexOf(c, at);
    if (end < 0) {
      throw Rejection.noFormat("Invalid " + what + ": no closing '" + c + "'");
    }
    String text = upTo(end);
    at++;
    return text;
  }

  /** Everything left. */
  String rest() {
    return upTo(line.length());
  }

  /**
   * A string in double quotes with {@code \"} and {@code \\} unescaped (Apache and nginx escape both;
   * other escapes such as {@code \x16} stay as written). Rejects the line if the quotes are missing.
   */
  String quoted(String what) {
    expect('"', "before the " + what);
    int close = closingQuote();
    if (close < 0) {
      throw Rejection.noFormat("Invalid " + what + ": no closing '\"'");
    }
    return quotedUpTo(close);
  }

  /** The index of the next unescaped {@code "}, or -1; does not move. */
  int closingQuote() {
    int quote = line.indexOf('"', at);
    while (quote >= 0 && isEscaped(quote)) {
      quote = line.indexOf('"', quote + 1);
    }
    return quote;
  }

  // after an odd number of backslashes (\" is an escaped backslash and a quote)
  private boolean isEscaped(int index) {
    int backslashes = 0;
    while (index - backslashes - 1 >= at && line.charAt(index - backslashes - 1) == '\\') {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  /** The text from here to {@code close} (a quote, consumed) with its escapes undone. */
  String quotedUpTo(int close) {
    String text = upTo(close);
    at++;
    return text.indexOf('\\') < 0 ? text : unescaped(text);
  }

  String line() {
    return line;
  }

  private String upTo(int end) {
    String text = line.substring(at, end);
    at = end;
    return text;
  }

  private String found() {
    return atEnd() ? "end of line" : "character '" + line.charAt(at) + "'";
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String unescaped(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
      boolean isEscape = c == '\\' && (next == '"' || next == '\\');
      out.append(isEscape ? text.charAt(++i) : c);
    }
    return out.toString();
  }
}
