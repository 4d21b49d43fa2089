package dev.lakehouse.logs.parse;

import java.io.Serializable;

/**
 * What a parser made of one line: the parsed value, or why the line was rejected. Rejections are data,
 * not exceptions, so a Spark job can route them to {@code ops.quarantine} with their rule id.
 *
 * @param <T> the parsed type
 */
public sealed interface ParseResult<T> extends Serializable permits ParseResult.Parsed, ParseResult.Rejected {

  /** A line that parsed. */
  record Parsed<T>(T value) implements ParseResult<T> {}

  /**
   * A line that did not parse.
   *
   * @param ruleId which rule it broke, e.g. {@code parse.bad_timestamp} (see the package documentation)
   * @param reason what was wrong, quoting at most 80 characters of the line
   */
  record Rejected<T>(String ruleId, String reason) implements ParseResult<T> {}

  /** Whether the line parsed. */
  default boolean isParsed() {
    return this instanceof Parsed;
  }
}
