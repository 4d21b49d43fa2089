package dev.lakehouse.logs.parse;

/** The rule ids of rejected lines; the package documentation says what each means. */
final class Rules {
  static final String EMPTY = "parse.empty";
  static final String NO_FORMAT = "parse.no_format";
  static final String BAD_TIMESTAMP = "parse.bad_timestamp";
  static final String BAD_STATUS = "parse.bad_status";
  static final String BAD_REQUEST_LINE = "parse.bad_request_line";
  static final String JSON = "parse.json";
  static final String MISSING_FIELD = "parse.missing_field.";
  static final String TYPE = "parse.type.";

  private Rules() {}

  /** The line with trailing white space (a newline, a carriage return) removed; empty lines are rejected. */
  static String trimmedEnd(String line) {
    int end = line == null ? 0 : line.length();
    while (end > 0 && line.charAt(end - 1) <= ' ') {
      end--;
    }
    if (end == 0) {
      throw new Rejection(EMPTY, "Invalid line: it is " + (line == null ? "null" : "empty or blank"));
    }
    return end == line.length() ? line : line.substring(0, end);
  }
}
