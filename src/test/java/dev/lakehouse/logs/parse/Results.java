package dev.lakehouse.logs.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Unwraps parse results in tests, failing with the rejection's reason or the parsed value. */
final class Results {
  private Results() {}

  static <T> T parsedValue(ParseResult<T> result) {
    if (result instanceof ParseResult.Rejected<T> rejected) {
      fail("Expected the line to parse, but it was rejected: " + rejected.ruleId() + ": " + rejected.reason());
    }
    return ((ParseResult.Parsed<T>) result).value();
  }

  static <T> ParseResult.Rejected<T> rejected(ParseResult<T> result) {
    if (result instanceof ParseResult.Parsed<T> parsed) {
      fail("Expected the line to be rejected, but it parsed as " + parsed.value());
    }
    return (ParseResult.Rejected<T>) result;
  }

  /** The rule id of a rejection, after checking that its reason quotes at most 80 characters of the line. */
  static <T> String ruleOf(ParseResult<T> result) {
    ParseResult.Rejected<T> rejected = rejected(result);
    assertThat(rejected.reason()).isNotBlank().hasSizeLessThan(400);
    return rejected.ruleId();
  }
}
