package dev.lakehouse.quality.suite;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ages written as a number and a unit, or several: {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d}, {@code 1h30m}. */
final class Durations {
  private static final Pattern WHOLE = Pattern.compile("(?:\\d+[smhd])+");
  private static final Pattern PART = Pattern.compile("(\\d+)([smhd])");

  private Durations() {}

  /** The duration in seconds, or empty when the text is not a duration greater than zero. */
  static OptionalLong seconds(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      return OptionalLong.empty();
    }
    try {
      long total = 0;
      Matcher part = PART.matcher(text);
      while (part.find()) {
        total = Math.addExact(total, Math.multiplyExact(Long.parseLong(part.group(1)), unitSeconds(part.group(2))));
      }
      return total > 0 ? OptionalLong.of(total) : OptionalLong.empty();
    } catch (ArithmeticException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static long unitSeconds(String unit) {
    return switch (unit) {
      case "s" -> 1L;
      case "m" -> 60L;
      case "h" -> 3_600L;
      default -> 86_400L;
    };
  }
}
