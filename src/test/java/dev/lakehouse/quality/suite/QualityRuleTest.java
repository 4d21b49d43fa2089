package dev.lakehouse.quality.suite;

import static dev.lakehouse.quality.suite.Suites.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.junit.jupiter.api.Test;

/** The row predicate is what quarantine filters on and what Deequ counts; describe() is what people read. */
class QualityRuleTest {

  @Test
  void complete() {
    QualityRule rule = rule("{id: a, check: complete, column: order_id}");

    assertThat(rule.rowPredicate()).isEqualTo("order_id IS NOT NULL");
    assertThat(rule.describe()).isEqualTo("order_id is not null");
  }

  @Test
  void allowedValuesQuoteTextAndLeaveNumbers() {
    QualityRule rule = rule("{id: a, check: allowed_values, column: event_type, values: [view, click, cart, purchase]}");

    assertThat(rule.rowPredicate()).isEqualTo("(event_type IS NULL OR event_type IN ('view', 'click', 'cart', 'purchase'))");
    assertThat(rule.describe()).isEqualTo("event_type in [view, click, cart, purchase]");
    assertThat(rule("{id: a, check: allowed_values, column: code, values: [1, 2.5, \"it's\"]}").rowPredicate())
        .isEqualTo("(code IS NULL OR code IN (1, 2.5, 'it\\'s'))");
  }

  @Test
  void rangeWithBothBoundsOrOne() {
    QualityRule both = rule("{id: a, check: range, column: quantity, min: 1, max: 1000}");

    assertThat(both.rowPredicate()).isEqualTo("(quantity IS NULL OR (quantity >= 1 AND quantity <= 1000))");
    assertThat(both.describe()).isEqualTo("quantity in [1, 1000]");
    assertThat(rule("{id: a, check: range, column: price, min: 0.5}").rowPredicate())
        .isEqualTo("(price IS NULL OR price >= 0.5)");
    assertThat(rule("{id: a, check: range, column: ordered_at, max: '2030-01-01'}").rowPredicate())
        .isEqualTo("(ordered_at IS NULL OR ordered_at <= '2030-01-01')");
    assertThat(rule("{id: a, check: range, column: price, max: 99.9}").describe()).isEqualTo("price <= 99.9");
  }

  @Test
  void patternEscapesBackslashesForSparkSqlLiterals() {
    QualityRule rule = rule("{id: a, check: pattern, column: page, regex: '^/\\d+$'}");

    assertThat(rule.rowPredicate()).isEqualTo("(page IS NULL OR page RLIKE '^/\\\\d+$')");
    assertThat(rule.describe()).isEqualTo("page matches ^/\\d+$");
  }

  @Test
  void referencesReadTheFlagTheCallerJoins() {
    QualityRule rule = rule("{id: product_known, check: references, column: product_id, table: silver.commerce_products, key: product_id}");

    assertThat(rule.rowPredicate()).isEqualTo("(product_id IS NULL OR COALESCE(_ref_ok_product_known, FALSE))");
    assertThat(rule.describe()).isEqualTo("product_id exists in silver.commerce_products.product_id");
  }

  @Test
  void expressionFailsRowsOnWhichItIsNull() {
    QualityRule all = rule("{id: a, check: expression, expression: 'revenue >= 0'}");

    assertThat(all.rowPredicate()).isEqualTo("COALESCE((revenue >= 0), FALSE)");
    assertThat(all.describe()).isEqualTo("revenue >= 0 holds on all rows");
    assertThat(rule("{id: a, check: expression, expression: 'revenue >= 0', min_fraction: 0.99}").describe())
        .isEqualTo("revenue >= 0 holds on >= 0.99 of rows");
  }

  @Test
  void aggregateChecksDescribeThemselves() {
    assertThat(rule("{id: a, check: completeness, column: session_id, min: 0.95}").describe())
        .isEqualTo("completeness of session_id >= 0.95");
    assertThat(rule("{id: a, check: unique, columns: [event_id]}").describe()).isEqualTo("event_id is unique");
    assertThat(rule("{id: a, check: unique, columns: [order_id, line_no]}").describe()).isEqualTo("(order_id, line_no) is unique");
    assertThat(rule("{id: a, check: freshness, column: event_at, max_age: 2h}").describe())
        .isEqualTo("max(event_at) no older than 2h");
    assertThat(rule("{id: a, check: row_count, min: 1, max: 10000000}").describe()).isEqualTo("row count in [1, 10000000]");
    assertThat(rule("{id: a, check: row_count, min: 1}").describe()).isEqualTo("row count >= 1");
  }

  @Test
  void aggregateChecksHaveNoRowPredicate() {
    assertThatThrownBy(() -> rule("{id: fresh, check: freshness, column: event_at, max_age: 2h}").rowPredicate())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("Cannot give a row predicate for rule 'fresh': check 'freshness' is not row-level "
            + "(row-level checks: complete, allowed_values, range, pattern, references, expression)");
  }

  @Test
  void freshnessCountsRowsNewerThanTheReferenceTimeMinusTheAge() {
    QualityRule rule = rule("{id: a, check: freshness, column: event_at, max_age: 2h}");

    assertThat(rule.freshnessCondition(1_700_000_000L)).isEqualTo("event_at >= TIMESTAMP_SECONDS(1699992800)");
  }

  @Test
  void everyRowPredicateIsValidSparkSql() {
    QualitySuite suite = Suites.withRules(
        "{id: a, check: complete, column: order_id}",
        "{id: b, check: allowed_values, column: status, values: [\"it's\", 'back\\slash', 3]}",
        "{id: c, check: range, column: quantity, min: 1, max: 1000}",
        "{id: d, check: pattern, column: page, regex: '^/(a|b)\\d*[''\"]$'}",
        "{id: e, check: references, column: product_id, table: silver.commerce_products, key: product_id}",
        "{id: f, check: expression, expression: 'revenue >= 0 AND currency IN (''EUR'', ''USD'')'}");

    for (QualityRule rule : suite.rowLevelRules()) {
      CatalystSqlParser$.MODULE$.parseExpression(rule.rowPredicate());
    }
    assertThat(suite.rowLevelRules()).hasSize(6);
  }
}
