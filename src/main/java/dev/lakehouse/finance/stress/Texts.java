package dev.lakehouse.finance.stress;

import java.math.BigDecimal;
import java.util.Locale;

/** How numbers read in details and messages: exact decimals from the double's own text, amounts to the cent. */
final class Texts {
  private Texts() {}

  /** -0.2 -> "-20%", 0.05 -> "+5%", -0.075 -> "-7.5%". */
  static String signedPercent(double fraction) {
    return (fraction >= 0 ? "+" : "") + percent(fraction);
  }

  /** 0.99 -> "99%", 0.975 -> "97.5%". */
  static String percent(double fraction) {
    return decimal(BigDecimal.valueOf(fraction).movePointRight(2)) + "%";
  }

  /** 2.0 -> "2", 1.5 -> "1.5". */
  static String number(double value) {
    return decimal(BigDecimal.valueOf(value));
  }

  /** A currency amount to the cent: -5500.0 -> "-5500.00". */
  static String amount(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String decimal(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
