package dev.lakehouse.quality.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeequChecksTest {
  private static final long REFERENCE_TIME = 1_700_000_000L;

  private static final QualitySuite EVERY_CHECK = Suites.withRules(
      "{id: order_id_complete, check: complete, column: order_id}",
      "{id: coupon_mostly_present, check: completeness, column: coupon_code, min: 0.95, level: warning}",
      "{id: order_line_unique, check: unique, columns: [order_id, line_no]}",
      "{id: status_allowed, check: allowed_values, column: status, values: [placed, paid], action: quarantine}",
      "{id: quantity_range, check: range, column: quantity, min: 1, max: 1000}",
      "{id: page_pattern, check: pattern, column: page, regex: '^/', level: warning}",
      "{id: product_known, check: references, column: product_id, table: silver.commerce_products, key: product_id}",
      "{id: fresh, check: freshness, column: ordered_at, max_age: 2h}",
      "{id: has_rows, check: row_count, min: 1, max: 10000000}",
      "{id: revenue_not_negative, check: expression, expression: 'revenue >= 0', min_fraction: 0.99}");

  @Test
  void oneCheckPerRuleNamedByItsIdWithOneConstraint() {
    List<Check> checks = DeequChecks.of(EVERY_CHECK, REFERENCE_TIME);

    assertThat(checks).extracting(Check::description).containsExactly("order_id_complete", "coupon_mostly_present",
        "order_line_unique", "status_allowed", "quantity_range", "page_pattern", "product_known", "fresh", "has_rows",
        "revenue_not_negative");
    assertThat(checks).allSatisfy(check -> assertThat(check.constraints().size()).isEqualTo(1));
  }

  @Test
  void levelsMapOntoDeequLevels() {
    List<Check> checks = DeequChecks.of(EVERY_CHECK, REFERENCE_TIME);

    assertThat(checks).extracting(Check::level).containsExactly(CheckLevel.Error(), CheckLevel.Warning(),
        CheckLevel.Error(), CheckLevel.Error(), CheckLevel.Error(), CheckLevel.Warning(), CheckLevel.Error(),
        CheckLevel.Error(), CheckLevel.Error(), CheckLevel.Error());
  }

  @Test
  void deequsOwnConstraintsWhereOneFits() {
    List<Check> checks = DeequChecks.of(EVERY_CHECK, REFERENCE_TIME);

    assertThat(constraint(checks.get(0))).contains("Completeness(order_id");
    assertThat(constraint(checks.get(1))).contains("Completeness(coupon_code");
    assertThat(constraint(checks.get(2))).contains("Uniqueness(List(order_id, line_no)");
    assertThat(constraint(checks.get(8))).contains("Size(");
  }

  @Test
  void rowLevelRulesCountTheirOwnRowPredicate() {
    List<Check> checks = DeequChecks.of(EVERY_CHECK, REFERENCE_TIME);

    for (int i : new int[] {3, 4, 5, 6, 9}) {
      assertThat(constraint(checks.get(i))).as(checks.get(i).description())
          .contains("Compliance(" + EVERY_CHECK.rules().get(i).describe() + "," + EVERY_CHECK.rules().get(i).rowPredicate());
    }
  }

  @Test
  void freshnessCountsRowsNewerThanTheReferenceTimeMinusTheAge() {
    Check fresh = DeequChecks.of(EVERY_CHECK, REFERENCE_TIME).get(7);

    assertThat(constraint(fresh)).contains("Compliance(max(ordered_at) no older than 2h,ordered_at >= TIMESTAMP_SECONDS(1699992800)");
  }

  @Test
  void theSuiteOfCommerceEventsMapsToChecks() {
    QualitySuite suite = QualitySuites.forTable("silver.commerce_events").orElseThrow();

    assertThat(DeequChecks.of(suite, REFERENCE_TIME)).hasSameSizeAs(suite.rules());
  }

  private static String constraint(Check check) {
    return check.constraints().head().toString();
  }
}
