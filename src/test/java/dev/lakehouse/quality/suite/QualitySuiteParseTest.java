package dev.lakehouse.quality.suite;

import static dev.lakehouse.quality.suite.Suites.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class QualitySuiteParseTest {

  @Test
  void aSuiteKeepsItsTableDescriptionSourceAndRulesInFileOrder() {
    QualitySuite suite = QualitySuite.parse("""
        table: silver.commerce_orders
        description: Orders after refine
        rules:
          - id: order_id_complete
            check: complete
            column: order_id
            description: every order has an id
          - {id: order_id_unique, check: unique, columns: [order_id]}
        """, Suites.SOURCE);

    assertThat(suite.table()).isEqualTo("silver.commerce_orders");
    assertThat(suite.description()).isEqualTo("Orders after refine");
    assertThat(suite.source()).isEqualTo(Suites.SOURCE);
    assertThat(suite.rules()).extracting(QualityRule::id).containsExactly("order_id_complete", "order_id_unique");
    assertThat(suite.rules().get(0).description()).isEqualTo("every order has an id");
    assertThat(suite.anomalies()).isEmpty();
  }

  @Test
  void levelDefaultsToErrorAndActionFollowsTheLevel() {
    QualityRule error = rule("{id: a, check: complete, column: order_id}");
    QualityRule warning = rule("{id: a, check: complete, column: order_id, level: warning}");

    assertThat(error.level()).isEqualTo(RuleLevel.ERROR);
    assertThat(error.action()).isEqualTo(RuleAction.FAIL);
    assertThat(error.description()).isNull();
    assertThat(warning.level()).isEqualTo(RuleLevel.WARNING);
    assertThat(warning.action()).isEqualTo(RuleAction.WARN);
  }

  @Test
  void quarantineIsKeptForEitherLevel() {
    assertThat(rule("{id: a, check: complete, column: order_id, action: quarantine}").action())
        .isEqualTo(RuleAction.QUARANTINE);
    assertThat(rule("{id: a, check: complete, column: order_id, level: warning, action: quarantine}").action())
        .isEqualTo(RuleAction.QUARANTINE);
  }

  @Test
  void complete() {
    QualityRule rule = rule("{id: a, check: complete, column: order_id}");

    assertThat(rule.check()).isEqualTo("complete");
    assertThat(rule.params()).containsExactly(entry("column", "order_id"));
    assertThat(rule.isRowLevel()).isTrue();
  }

  @Test
  void completeness() {
    QualityRule rule = rule("{id: a, check: completeness, column: coupon_code, min: 0.95}");

    assertThat(rule.params()).containsExactly(entry("column", "coupon_code"), entry("min", 0.95));
    assertThat(rule.isRowLevel()).isFalse();
  }

  @Test
  void completenessTakesAWholeNumberAsAFraction() {
    assertThat(rule("{id: a, check: completeness, column: c, min: 1}").params()).containsEntry("min", 1.0);
  }

  @Test
  void unique() {
    QualityRule rule = rule("{id: a, check: unique, columns: [order_id, line_no]}");

    assertThat(rule.params()).containsExactly(entry("columns", List.of("order_id", "line_no")));
    assertThat(rule.columns()).containsExactly("order_id", "line_no");
    assertThat(rule.column()).isEqualTo("order_id");
    assertThat(rule.isRowLevel()).isFalse();
  }

  @Test
  void allowedValuesKeepTheirYamlTypes() {
    QualityRule rule = rule("{id: a, check: allowed_values, column: status, values: [paid, '7', 3, 2.5, true]}");

    assertThat(rule.params()).containsExactly(entry("column", "status"), entry("values", List.of("paid", "7", 3L, 2.5, true)));
    assertThat(rule.isRowLevel()).isTrue();
  }

  @Test
  void allowedValuesThatLookLikeYaml11BooleansStayText() {
    assertThat(rule("{id: a, check: allowed_values, column: answer, values: [yes, no, on, off]}").params())
        .containsEntry("values", List.of("yes", "no", "on", "off"));
  }

  @Test
  void rangeWithBothBoundsOrOne() {
    assertThat(rule("{id: a, check: range, column: quantity, min: 1, max: 1000}").params())
        .containsExactly(entry("column", "quantity"), entry("min", 1L), entry("max", 1000L));
    assertThat(rule("{id: a, check: range, column: price, min: 0.5}").params())
        .containsExactly(entry("column", "price"), entry("min", 0.5));
    assertThat(rule("{id: a, check: range, column: ordered_at, max: '2030-01-01'}").params())
        .containsExactly(entry("column", "ordered_at"), entry("max", "2030-01-01"));
  }

  @Test
  void pattern() {
    QualityRule rule = rule("{id: a, check: pattern, column: page, regex: '^/\\d+$', level: warning}");

    assertThat(rule.params()).containsExactly(entry("column", "page"), entry("regex", "^/\\d+$"));
    assertThat(rule.level()).isEqualTo(RuleLevel.WARNING);
  }

  @Test
  void references() {
    QualityRule rule = rule("{id: product_known, check: references, column: product_id, table: silver.commerce_products, key: product_id}");

    assertThat(rule.params()).containsExactly(
        entry("column", "product_id"), entry("table", "silver.commerce_products"), entry("key", "product_id"));
    assertThat(rule.referencedTable()).isEqualTo("silver.commerce_products");
    assertThat(rule.referencedKey()).isEqualTo("product_id");
    assertThat(rule.referenceFlag()).isEqualTo("_ref_ok_product_known");
  }

  @Test
  void freshness() {
    QualityRule rule = rule("{id: a, check: freshness, column: ordered_at, max_age: 1h30m}");

    assertThat(rule.params()).containsExactly(entry("column", "ordered_at"), entry("max_age", "1h30m"));
    assertThat(rule.maxAgeSeconds()).isEqualTo(5_400L);
    assertThat(rule.isRowLevel()).isFalse();
  }

  @Test
  void durationsInEveryUnit() {
    assertThat(Durations.seconds("90s")).hasValue(90);
    assertThat(Durations.seconds("30m")).hasValue(1_800);
    assertThat(Durations.seconds("2h")).hasValue(7_200);
    assertThat(Durations.seconds("1d")).hasValue(86_400);
    assertThat(Durations.seconds("1d12h")).hasValue(129_600);
    assertThat(Durations.seconds("0h")).isEmpty();
    assertThat(Durations.seconds("2 hours")).isEmpty();
    assertThat(Durations.seconds("2")).isEmpty();
  }

  @Test
  void rowCount() {
    assertThat(rule("{id: a, check: row_count, min: 1, max: 10000000}").params())
        .containsExactly(entry("min", 1L), entry("max", 10_000_000L));
    assertThat(rule("{id: a, check: row_count, max: 5}").params()).containsExactly(entry("max", 5L));
    assertThat(rule("{id: a, check: row_count, min: 1}").isRowLevel()).isFalse();
  }

  @Test
  void expressionDefaultsToEveryRow() {
    assertThat(rule("{id: a, check: expression, expression: 'revenue >= 0'}").params())
        .containsExactly(entry("expression", "revenue >= 0"), entry("min_fraction", 1.0));
    assertThat(rule("{id: a, check: expression, expression: 'revenue >= 0', min_fraction: 0.99}").params())
        .containsEntry("min_fraction", 0.99);
  }

  @Test
  void rowLevelAndReferenceRulesAreSelected() {
    QualitySuite suite = Suites.withRules(
        "{id: a, check: complete, column: order_id}",
        "{id: b, check: unique, columns: [order_id]}",
        "{id: c, check: references, column: product_id, table: silver.commerce_products, key: product_id, action: quarantine}",
        "{id: d, check: row_count, min: 1}",
        "{id: e, check: expression, expression: 'x > 0'}");

    assertThat(suite.rowLevelRules()).extracting(QualityRule::id).containsExactly("a", "c", "e");
    assertThat(suite.referenceRules()).extracting(QualityRule::id).containsExactly("c");
    assertThat(suite.quarantineRules()).extracting(QualityRule::id).containsExactly("c");
    assertThat(suite.rule("d")).hasValueSatisfying(rule -> assertThat(rule.check()).isEqualTo("row_count"));
  }

  @Test
  void anomaliesWithAndWithoutColumn() {
    QualitySuite suite = QualitySuite.parse("""
        table: silver.commerce_orders
        anomalies:
          - {id: row_count_change, metric: size, strategy: relative_rate_of_change, max_rate_decrease: 0.5, max_rate_increase: 2.0, level: warning}
          - {id: amount_mean_drift, metric: mean, column: amount_cents, strategy: online_normal, upper_deviation_factor: 3.0, lower_deviation_factor: 3}
        """, Suites.SOURCE);

    AnomalyRule size = suite.anomalies().get(0);
    AnomalyRule mean = suite.anomalies().get(1);
    assertThat(size).isEqualTo(new AnomalyRule("row_count_change", "size", null, "relative_rate_of_change",
        RuleLevel.WARNING, java.util.Map.of("max_rate_decrease", 0.5, "max_rate_increase", 2.0)));
    assertThat(mean.column()).isEqualTo("amount_cents");
    assertThat(mean.level()).isEqualTo(RuleLevel.ERROR);
    assertThat(mean.params()).containsExactly(entry("lower_deviation_factor", 3.0), entry("upper_deviation_factor", 3.0));
  }
}
