package dev.lakehouse.finance.stress;

import java.util.regex.Pattern;

/** The scenario name rule: lower-case letters, digits, '_' and '-'. */
final class ScenarioNames {
  static final Pattern NAME = Pattern.compile("[a-z0-9_-]+");

  private ScenarioNames() {}

  static String checked(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(String.format(
          "Invalid scenario name '%s': use lower-case letters, digits, '_' and '-', e.g. equity_minus_20", name));
    }
    return name;
  }
}
