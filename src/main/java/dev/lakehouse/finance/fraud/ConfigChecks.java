package dev.lakehouse.finance.fraud;

import java.time.Duration;

/** Checks of {@link RuleConfig} values; every message names the field, the value and the rule. */
final class ConfigChecks {
  private ConfigChecks() {}

  static double weight(double weight, String rule) {
    if (!(weight >= 0 && weight <= 1)) {
      throw invalid("weight", weight, rule, "must be in [0, 1]; 0 reports the reason without scoring it");
    }
    return weight;
  }

  static long atLeast(long value, long minimum, String field, String rule) {
    if (value < minimum) {
      throw invalid(field, value, rule, "must be at least " + minimum);
    }
    return value;
  }

  static long atMost(long value, long maximum, String field, String rule) {
    if (value > maximum) {
      throw invalid(field, value, rule, "must be at most " + maximum + " so that card state stays small");
    }
    return value;
  }

  static double positive(double value, String field, String rule) {
    if (!(value > 0 && Double.isFinite(value))) {
      throw invalid(field, value, rule, "must be a positive finite number");
    }
    return value;
  }

  static double nonNegative(double value, String field, String rule) {
    if (!(value >= 0 && Double.isFinite(value))) {
      throw invalid(field, value, rule, "must be a finite number >= 0");
    }
    return value;
  }

  /** A window of whole seconds, at least one: reason codes name it in seconds, minutes or hours. */
  static Duration window(Duration window, String rule) {
    notNull(window, "window", rule);
    if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.getNano() != 0) {
      throw invalid("window", window, rule, "must be a whole number of seconds, at least PT1S");
    }
    return window;
  }

  static <T> T notNull(T value, String field, String rule) {
    if (value == null) {
      throw invalid(field, null, rule, "must be set");
    }
    return value;
  }

  static IllegalArgumentException invalid(String field, Object value, String rule, String requirement) {
    return new IllegalArgumentException(
        String.format("Invalid %s %s for rule %s: %s", field, value, rule, requirement));
  }
}
