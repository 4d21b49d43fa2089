package dev.lakehouse.logs.parse;

/**
 * Thrown inside the scanners when a line breaks a rule, and turned into a {@link ParseResult.Rejected}
 * at the public entry point. It carries no stack trace, so rejecting a line costs about as much as
 * returning.
 */
final class Rejection extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int EXCERPT_CHARS = 80;

  private final String ruleId;

  Rejection(String ruleId, String reason) {
    super(reason, null, false, false);
    this.ruleId = ruleId;
  }

  static Rejection noFormat(String reason) {
    return new Rejection(Rules.NO_FORMAT, reason);
  }

  String ruleId() {
    return ruleId;
  }

  /** The rejection as a result, its reason followed by the start of the line. */
  <T> ParseResult<T> of(String line) {
    boolean isBlank = line == null || line.isBlank();
    return new ParseResult.Rejected<>(ruleId, isBlank ? getMessage() : getMessage() + " in line " + excerpt(line));
  }

  /** At most 80 characters of the text, quoted, with "..." when cut. */
  static String excerpt(String text) {
    if (text.length() <= EXCERPT_CHARS) {
      return "'" + text + "'";
    }
    return "'" + text.substring(0, EXCERPT_CHARS - 3) + "...'";
  }
}
