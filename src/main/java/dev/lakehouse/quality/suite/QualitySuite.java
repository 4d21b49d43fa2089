package dev.lakehouse.quality.suite;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The quality suite of one table, read from {@code quality/<layer>/<domain>_<entity>.yaml}: rules
 * checked on every batch (each becomes one Deequ {@code Check}, see {@link DeequChecks}) and
 * anomaly rules on the history of the table's metrics. The format is documented in
 * {@code quality/README.md}.
 *
 * @param source where the suite was read from, for messages (e.g. {@code quality/silver/commerce_events.yaml})
 */
public record QualitySuite(
    String table, String description, List<QualityRule> rules, List<AnomalyRule> anomalies, String source) {

  public QualitySuite {
    Objects.requireNonNull(table, "table");
    rules = List.copyOf(rules);
    anomalies = List.copyOf(anomalies);
  }

  /**
   * Reads and validates a suite; the first problem stops it.
   *
   * @throws InvalidQualitySuiteException naming the file, the rule and the problem
   */
  public static QualitySuite parse(String yamlText, String source) {
    return SuiteParser.parse(yamlText, source);
  }

  /** Rules that judge single rows (complete, allowed_values, range, pattern, references, expression). */
  public List<QualityRule> rowLevelRules() {
    return rules.stream().filter(QualityRule::isRowLevel).toList();
  }

  /** Rules of check {@code references}: the caller joins each referenced table to add {@link QualityRule#referenceFlag()}. */
  public List<QualityRule> referenceRules() {
    return rules.stream().filter(rule -> rule.type() == CheckType.REFERENCES).toList();
  }

  /** Row-level rules whose failing rows go to quarantine. */
  public List<QualityRule> quarantineRules() {
    return rules.stream().filter(rule -> rule.action() == RuleAction.QUARANTINE).toList();
  }

  /** The same suite with only its row_count rules and no anomaly rules: what can be judged on no rows. */
  public QualitySuite onlyRowCounts() {
    return new QualitySuite(table, description,
        rules.stream().filter(rule -> rule.type() == CheckType.ROW_COUNT).toList(), List.of(), source);
  }

  public Optional<QualityRule> rule(String id) {
    return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
  }
}
