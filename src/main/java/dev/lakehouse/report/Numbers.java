package dev.lakehouse.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers as the report shows them ({@link #display}), as data attributes carry them ({@link #raw}) and as SVG
 * coordinates ({@link #coordinate}). All in {@link Locale#ROOT}, whatever the JVM's default locale.
 */
final class Numbers {
  private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);
  private static final MathContext SMALL_FRACTION_DIGITS = new MathContext(3, RoundingMode.HALF_UP);

  private Numbers() {}

  /** Whether a value is missing from a chart: null, NaN or infinite. */
  static boolean isMissing(Number value) {
    return value == null || !Double.isFinite(value.doubleValue());
  }

  /**
   * For reading: thousands separators, at most two decimals ({@code 1,234,567.89}); a fraction below one keeps
   * three significant digits ({@code 0.00123}). Whole types (long, int, BigInteger) are exact. Null and NaN are
   * {@code n/a}.
   */
  static String display(Number value) {
    if (value == null) {
      return "n/a";
    }
    if (isWhole(value)) {
      return pattern(0).format(value);
    }
    return display(value.doubleValue());
  }

  static String display(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "∞" : "-∞";
    }
    if (value != 0 && Math.abs(value) < 1) {
      return BigDecimal.valueOf(value).round(SMALL_FRACTION_DIGITS).stripTrailingZeros().toPlainString();
    }
    DecimalFormat format = pattern(0);
    format.setMaximumFractionDigits(2);
    return format.format(value == 0 ? 0.0 : value);
  }

  /** With exactly {@code decimals} fraction digits and thousands separators, for axis ticks. */
  static String display(BigDecimal value, int decimals) {
    return pattern(decimals).format(value);
  }

  /**
   * The exact number for a data attribute: no separators, no exponent, no trailing zeros ({@code 1000000},
   * {@code 0.1}, {@code -2.5}); {@code NaN}, {@code Infinity} and {@code -Infinity} as Java spells them.
   */
  static String raw(Number value) {
    if (isWhole(value)) {
      return value.toString();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }
    double number = value.doubleValue();
    if (!Double.isFinite(number)) {
      return Double.toString(number);
    }
    if (number == 0) {
      return "0";
    }
    String shortest = value instanceof Float ? Float.toString(value.floatValue()) : Double.toString(number);
    return new BigDecimal(shortest).stripTrailingZeros().toPlainString();
  }

  /** An SVG coordinate or length: at most two decimals, no trailing zeros, never {@code -0}. */
  static String coordinate(double value) {
    String text = String.format(Locale.ROOT, "%.2f", value);
    if (text.indexOf('.') >= 0) {
      text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return text.equals("-0") ? "0" : text;
  }

  private static boolean isWhole(Number value) {
    return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger || value instanceof AtomicLong || value instanceof AtomicInteger;
  }

  private static DecimalFormat pattern(int decimals) {
    DecimalFormat format = new DecimalFormat("#,##0", SYMBOLS);
    format.setRoundingMode(RoundingMode.HALF_UP);
    format.setMinimumFractionDigits(decimals);
    format.setMaximumFractionDigits(decimals);
    return format;
  }
}
