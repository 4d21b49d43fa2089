package dev.lakehouse.quality.suite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One rule of a quality suite, as declared in {@code quality/<layer>/<domain>_<entity>.yaml}.
 *
 * <p>{@code params} holds the check's own keys as written in the file, with values normalised by
 * the parser: text as {@code String}, whole numbers as {@code Long}, other numbers as {@code Double},
 * lists as {@code List}. Defaults are filled in ({@code min_fraction} of an {@code expression} is 1.0).
 * Rules come from {@link QualitySuite#parse}, which validates them; this record does not repeat that.
 */
public record QualityRule(
    String id, String check, RuleLevel level, RuleAction action, String description, Map<String, Object> params) {

  private static final String REFERENCE_FLAG_PREFIX = "_ref_ok_";

  public QualityRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(action, "action");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** Whether the check judges each row on its own, so that failing rows can be quarantined. */
  public boolean isRowLevel() {
    return type().isRowLevel();
  }

  /**
   * Spark SQL boolean that is TRUE for a row that passes this row-level rule and FALSE for a row that
   * breaks it; it is never NULL, so {@code NOT (predicate)} selects exactly the failing rows. A null
   * value in the rule's column passes, except for {@code complete}. For {@code references} the
   * predicate reads the boolean column {@link #referenceFlag()}, which the caller adds by joining the
   * referenced table (a NULL flag counts as not found). For {@code expression} a row on which the
   * expression is NULL fails.
   *
   * @throws UnsupportedOperationException for rules whose check is not row-level
   */
  public String rowPredicate() {
    return switch (type()) {
      case COMPLETE -> column() + " IS NOT NULL";
      case ALLOWED_VALUES -> nullOr(column() + " IN (" + SqlText.literals(values()) + ")");
      case RANGE -> nullOr(rangeCondition());
      case PATTERN -> nullOr(column() + " RLIKE " + SqlText.string(text("regex")));
      case REFERENCES -> nullOr("COALESCE(" + referenceFlag() + ", FALSE)");
      case EXPRESSION -> "COALESCE((" + text("expression") + "), FALSE)";
      default -> throw new UnsupportedOperationException(String.format(
          "Cannot give a row predicate for rule '%s': check '%s' is not row-level (row-level checks: %s)",
          id, check, CheckType.rowLevelNames()));
    };
  }

  /** The boolean column a caller adds for a {@code references} rule: TRUE when the value exists in the referenced table. */
  public String referenceFlag() {
    return REFERENCE_FLAG_PREFIX + id;
  }

  /** One line saying what the rule demands, e.g. {@code event_type in [view, click, cart, purchase]}. */
  public String describe() {
    return switch (type()) {
      case COMPLETE -> column() + " is not null";
      case COMPLETENESS -> "completeness of " + column() + " >= " + SqlText.display(params.get("min"));
      case UNIQUE -> (columns().size() == 1 ? column() : "(" + String.join(", ", columns()) + ")") + " is unique";
      case ALLOWED_VALUES -> column() + " in [" + SqlText.displays(values()) + "]";
      case RANGE -> column() + bounds();
      case PATTERN -> column() + " matches " + text("regex");
      case REFERENCES -> column() + " exists in " + referencedTable() + "." + referencedKey();
      case FRESHNESS -> "max(" + column() + ") no older than " + text("max_age");
      case ROW_COUNT -> "row count" + bounds();
      case EXPRESSION -> text("expression") + " holds on " + fractionText() + " rows";
    };
  }

  /** The column the rule reads; for {@code unique}, the first key column; null for {@code row_count} and {@code expression}. */
  public String column() {
    if (params.containsKey("column")) {
      return (String) params.get("column");
    }
    return columns().isEmpty() ? null : columns().get(0);
  }

  /** The columns the rule reads: the key columns of {@code unique}, else the one column, else none. */
  @SuppressWarnings("unchecked")
  public List<String> columns() {
    if (params.containsKey("columns")) {
      return (List<String>) params.get("columns");
    }
    return params.containsKey("column") ? List.of((String) params.get("column")) : List.of();
  }

  /** The table a {@code references} rule looks values up in. */
  public String referencedTable() {
    return referencesOnly("table");
  }

  /** The column of {@link #referencedTable()} that holds the known values. */
  public String referencedKey() {
    return referencesOnly("key");
  }

  /** The condition a {@code freshness} rule counts rows on: at least one row must satisfy it. */
  String freshnessCondition(long referenceTimeEpochSeconds) {
    long oldestAllowed = referenceTimeEpochSeconds - maxAgeSeconds();
    return column() + " >= TIMESTAMP_SECONDS(" + oldestAllowed + ")";
  }

  long maxAgeSeconds() {
    return Durations.seconds(text("max_age")).orElseThrow(() -> new IllegalStateException(
        String.format("Cannot read max_age '%s' of rule '%s'", params.get("max_age"), id)));
  }

  CheckType type() {
    return CheckType.of(check);
  }

  Double doubleParam(String key) {
    Object value = params.get(key);
    return value == null ? null : ((Number) value).doubleValue();
  }

  Long longParam(String key) {
    Object value = params.get(key);
    return value == null ? null : ((Number) value).longValue();
  }

  private String nullOr(String condition) {
    return "(" + column() + " IS NULL OR " + condition + ")";
  }

  private String rangeCondition() {
    Object min = params.get("min");
    Object max = params.get("max");
    if (min != null && max != null) {
      return "(" + column() + " >= " + SqlText.literal(min) + " AND " + column() + " <= " + SqlText.literal(max) + ")";
    }
    return min != null ? column() + " >= " + SqlText.literal(min) : column() + " <= " + SqlText.literal(max);
  }

  private String bounds() {
    Object min = params.get("min");
    Object max = params.get("max");
    if (min != null && max != null) {
      return " in [" + SqlText.display(min) + ", " + SqlText.display(max) + "]";
    }
    return min != null ? " >= " + SqlText.display(min) : " <= " + SqlText.display(max);
  }

  private String fractionText() {
    double fraction = doubleParam("min_fraction");
    return fraction >= 1.0 ? "all" : ">= " + SqlText.display(fraction) + " of";
  }

  @SuppressWarnings("unchecked")
  private List<Object> values() {
    return (List<Object>) params.get("values");
  }

  private String text(String key) {
    return (String) params.get(key);
  }

  private String referencesOnly(String key) {
    if (type() != CheckType.REFERENCES) {
      throw new UnsupportedOperationException(String.format(
          "Cannot give the referenced %s of rule '%s': its check is '%s', not 'references'", key, id, check));
    }
    return text(key);
  }
}
