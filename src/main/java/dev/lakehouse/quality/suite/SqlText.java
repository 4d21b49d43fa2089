package dev.lakehouse.quality.suite;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** Spark SQL literals and display text for the values of a rule. */
final class SqlText {
  private SqlText() {}

  /** A Spark SQL literal: numbers as written, booleans as TRUE/FALSE, anything else as a quoted string. */
  static String literal(Object value) {
    if (value instanceof Number number) {
      return number(number);
    }
    if (value instanceof Boolean bool) {
      return bool ? "TRUE" : "FALSE";
    }
    return string(String.valueOf(value));
  }

  /**
   * A quoted Spark SQL string literal. Spark's parser reads backslash escapes inside literals
   * (spark.sql.parser.escapedStringLiterals=false, the default), so backslashes are doubled.
   */
  static String string(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** A number without a trailing ".0" or exponent: 1, 0.95, 10000000. */
  static String number(Number number) {
    if (number instanceof Double || number instanceof Float) {
      return BigDecimal.valueOf(number.doubleValue()).stripTrailingZeros().toPlainString();
    }
    return number.toString();
  }

  /** A value as people read it: numbers as in {@link #number}, text unquoted. */
  static String display(Object value) {
    return value instanceof Number number ? number(number) : String.valueOf(value);
  }

  static String literals(List<?> values) {
    return values.stream().map(SqlText::literal).collect(Collectors.joining(", "));
  }

  static String displays(List<?> values) {
    return values.stream().map(SqlText::display).collect(Collectors.joining(", "));
  }
}
