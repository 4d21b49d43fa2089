package dev.lakehouse.quality.suite;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The check types a rule can name, the keys each takes, and whether it judges single rows. */
enum CheckType {
  COMPLETE("complete", true, List.of("column")),
  COMPLETENESS("completeness", false, List.of("column", "min")),
  UNIQUE("unique", false, List.of("columns")),
  ALLOWED_VALUES("allowed_values", true, List.of("column", "values")),
  RANGE("range", true, List.of("column", "min", "max")),
  PATTERN("pattern", true, List.of("column", "regex")),
  REFERENCES("references", true, List.of("column", "table", "key")),
  FRESHNESS("freshness", false, List.of("column", "max_age")),
  ROW_COUNT("row_count", false, List.of("min", "max")),
  EXPRESSION("expression", true, List.of("expression", "min_fraction"));

  /** Keys every rule may carry, whatever its check. */
  static final List<String> COMMON_KEYS = List.of("id", "check", "level", "action", "description");

  private final String yamlName;
  private final boolean rowLevel;
  private final List<String> parameterKeys;

  CheckType(String yamlName, boolean rowLevel, List<String> parameterKeys) {
    this.yamlName = yamlName;
    this.rowLevel = rowLevel;
    this.parameterKeys = parameterKeys;
  }

  static Optional<CheckType> find(String yamlName) {
    return Arrays.stream(values()).filter(type -> type.yamlName.equals(yamlName)).findFirst();
  }

  static CheckType of(String yamlName) {
    return find(yamlName).orElseThrow(() -> new IllegalArgumentException(
        String.format("Invalid check '%s': known checks are %s", yamlName, names())));
  }

  /** Every check name, in the order the documentation lists them. */
  static String names() {
    return Arrays.stream(values()).map(CheckType::yamlName).collect(Collectors.joining(", "));
  }

  /** The checks whose failing rows can be told apart, and so quarantined. */
  static String rowLevelNames() {
    return Arrays.stream(values()).filter(CheckType::isRowLevel).map(CheckType::yamlName)
        .collect(Collectors.joining(", "));
  }

  String yamlName() {
    return yamlName;
  }

  boolean isRowLevel() {
    return rowLevel;
  }

  /** The keys this check takes besides {@link #COMMON_KEYS}. */
  List<String> parameterKeys() {
    return parameterKeys;
  }
}
