package dev.lakehouse.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.ops.OpsTables;
import dev.lakehouse.quality.suite.QualitySuite;
import dev.lakehouse.testing.TestLakehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gate on small inline data, with suites declared in the test. */
class QualityGateTest {
  private static final String TABLE = "silver.commerce_events";
  private static final StructType ORDERS = new StructType()
      .add("event_id", DataTypes.StringType)
      .add("event_type", DataTypes.StringType)
      .add("amount", DataTypes.DoubleType);
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  private Lakehouse lakehouse;

  @BeforeEach
  void open() {
    lakehouse = TestLakehouse.fresh();
  }

  private QualityGate gate(String yaml) {
    return new QualityGate(lakehouse.catalog(), Map.of(TABLE, QualitySuite.parse(yaml, "test.yaml")));
  }

  private Dataset<Row> rows(Object[]... values) {
    return lakehouse.spark().createDataFrame(java.util.Arrays.stream(values).map(RowFactory::create).toList(), ORDERS);
  }

  private Dataset<Row> results() {
    return lakehouse.spark().table("ops.quality_results");
  }

  private static final String SUITE = """
      table: silver.commerce_events
      rules:
        - {id: id_complete, check: complete, column: event_id}
        - {id: id_unique, check: unique, columns: [event_id]}
        - {id: type_allowed, check: allowed_values, column: event_type, values: [view, cart], action: quarantine}
        - {id: amount_small, check: range, column: amount, max: 100, level: warning}
      """;

  @Test
  void passingBatchIsPublishedAndRecorded() {
    GateOutcome outcome = gate(SUITE).check(lakehouse.spark(),
        rows(new Object[] {"e1", "view", 5.0}, new Object[] {"e2", "cart", 7.0}), RunKey.gateForBatch(TABLE, 0, NOW));
    assertThat(outcome.publishable().count()).isEqualTo(2);
    assertThat(outcome.outcomes()).allMatch(CheckOutcome::passed);

    assertThat(results().filter("constraint_status = 'Success' AND is_published").count()).isEqualTo(4);
  }

  @Test
  void runsRecordedTogetherTakeOneCommitPerOpsTableAndAFailureIsRecordedBeforeItThrows() {
    QualityGate gate = gate(SUITE);
    long resultsBefore = version("ops.quality_results");
    long metricsBefore = version("ops.quality_metrics");

    assertThatThrownBy(() -> gate.recordingTogether(lakehouse.spark(), () -> {
      gate.check(lakehouse.spark(), rows(new Object[] {"e1", "view", 5.0}), RunKey.gateForBatch(TABLE, 0, NOW));
      gate.check(lakehouse.spark(), rows(new Object[] {"e2", "cart", 7.0}), RunKey.gateForBatch(TABLE, 1, NOW));
      return gate.check(lakehouse.spark(), rows(new Object[] {"e3", "view", 1.0}, new Object[] {"e3", "cart", 2.0}),
          RunKey.gateForBatch(TABLE, 2, NOW));
    })).isInstanceOf(QualityGateException.class).hasMessageContaining("id_unique");

    assertThat(results().select("batch_id").distinct().as(org.apache.spark.sql.Encoders.LONG()).collectAsList())
        .containsExactlyInAnyOrder(0L, 1L, 2L);
    assertThat(results().filter("batch_id = 2 AND constraint_status = 'Failure'").select("rule_id")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList()).containsExactly("id_unique");
    assertThat(version("ops.quality_results")).isEqualTo(resultsBefore + 1);
    assertThat(version("ops.quality_metrics")).isEqualTo(metricsBefore + 1);
  }

  private long version(String table) {
    return OpsTables.latestVersion(lakehouse.spark(), lakehouse.catalog().location(table));
  }

  @Test
  void errorFailureThrowsRecordsAndAlerts() {
    assertThatThrownBy(() -> gate(SUITE).check(lakehouse.spark(),
          rows(new Object[] {"e1", "view", 5.0}, new Object[] {"e1", "cart", 7.0}, new Object[] {null, "view", 1.0}),
        RunKey.gateForBatch(TABLE, 3, NOW)))
        .isInstanceOf(QualityGateException.class)
        .hasMessageStartingWith("Cannot publish silver.commerce_events (batch 3): quality suite failed 2 error checks: id_complete (")
        .hasMessageContaining("id_unique (")
        .hasMessageContaining("see ops.quality_results where run_id = '");
    assertThat(results().filter("constraint_status = 'Failure'").select("rule_id").as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList()).containsExactlyInAnyOrder("id_complete", "id_unique");
    assertThat(results().filter("is_published").count()).isZero();
    Row alert = lakehouse.spark().table("ops.alerts").head();
    assertThat(alert.<String>getAs("rule")).isEqualTo("quality.gate_failed");
    assertThat(alert.<String>getAs("subject")).isEqualTo("silver.commerce_events batch 3");
    assertThat(alert.<String>getAs("severity")).isEqualTo("critical");
  }

  @Test
  void warningIsRecordedAndPublished() {
    GateOutcome outcome = gate(SUITE).check(lakehouse.spark(),
        rows(new Object[] {"e1", "view", 500.0}), RunKey.gateForBatch(TABLE, 0, NOW));
    assertThat(outcome.publishable().count()).isEqualTo(1);
    assertThat(outcome.warnings()).extracting(CheckOutcome::ruleId).containsExactly("amount_small");

    assertThat(results().filter("rule_id = 'amount_small'").head().<String>getAs("check_status")).isEqualTo("Warning");
  }

  @Test
  void rowsFailingAQuarantineRuleAreSetAsideAndTheRestPublished() {
    GateOutcome outcome = gate(SUITE).check(lakehouse.spark(),
        rows(new Object[] {"e1", "view", 5.0}, new Object[] {"e2", "refund", 7.0}), RunKey.gateForBatch(TABLE, 0, NOW));
    assertThat(outcome.publishable().collectAsList()).extracting(r -> r.getString(0)).containsExactly("e1");
    assertThat(outcome.quarantinedRows()).isEqualTo(1);

    Row held = lakehouse.spark().table("ops.quarantine").head();
    assertThat(held.<String>getAs("rule_id")).isEqualTo("quality.type_allowed");
    assertThat(held.<String>getAs("stage")).isEqualTo("quality");
    assertThat(new String((byte[]) held.getAs("raw_value"), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("{\"event_id\":\"e2\",\"event_type\":\"refund\",\"amount\":7.0}");
  }

  @Test
  void metricThatJumpsAgainstAcceptedHistoryIsFlaggedAndOneThatFollowsItIsNot() {
    QualityGate gate = gate("""
        table: silver.commerce_events
        rules:
          - {id: id_complete, check: complete, column: event_id}
        anomalies:
          - {id: size_change, metric: size, strategy: relative_rate_of_change, max_rate_decrease: 0.5, max_rate_increase: 2.0}
        """);
    for (int day = 1; day <= 3; day++) {
      gate.check(lakehouse.spark(), batchOf(10), RunKey.gateForDate(TABLE, LocalDate.of(2026, 11, day), NOW));
    }
    // a broken run that is rejected for another reason must not become the baseline
    assertThatThrownBy(() -> gate.check(lakehouse.spark(), batchWithNullId(100), RunKey.gateForDate(TABLE, LocalDate.of(2026, 11, 4), NOW)))
        .isInstanceOf(QualityGateException.class);

    gate.check(lakehouse.spark(), batchOf(12), RunKey.gateForDate(TABLE, LocalDate.of(2026, 11, 5), NOW));
    assertThatThrownBy(() -> gate.check(lakehouse.spark(), batchOf(40), RunKey.gateForDate(TABLE, LocalDate.of(2026, 11, 6), NOW)))
        .isInstanceOf(QualityGateException.class)
        .hasMessageContaining("size_change (size = 40.0 against 4 accepted runs");
  }

  @Test
  void rejectedBatchLeavesTheTargetVersionUnchanged() {
    String location = lakehouse.catalog().location(TABLE);
    long before = OpsTables.latestVersion(lakehouse.spark(), location);

    assertThatThrownBy(() -> gate(SUITE).check(lakehouse.spark(), rows(new Object[] {null, "view", 1.0}), RunKey.gateForBatch(TABLE, 0, NOW)))
        .isInstanceOf(QualityGateException.class);

    assertThat(OpsTables.latestVersion(lakehouse.spark(), location)).isEqualTo(before);
  }

  @Test
  void referentialRuleQuarantinesUnknownKeysAndFreshnessJudgesTheNewestRow() {
    lakehouse.spark().sql("INSERT INTO silver.commerce_events VALUES ('known', 'view', 'u-1', 's-1', 'p-1', 'books', '/p', 'ua', 'Other', 'other', false, NULL, NULL, "
        + "timestamp'2026-11-21 10:00:00', date'2026-11-21', 't', 0, 0, timestamp'2026-11-21 10:00:01', timestamp'2026-11-21 10:00:02')");
    QualityGate gate = gate("""
        table: silver.commerce_events
        rules:
          - {id: id_known, check: references, column: event_id, table: silver.commerce_events, key: event_id, action: quarantine}
          - {id: recent, check: freshness, column: seen_at, max_age: 1h}
        """);
    StructType schema = new StructType().add("event_id", DataTypes.StringType).add("seen_at", DataTypes.TimestampType);
    Dataset<Row> data = lakehouse.spark().createDataFrame(List.of(
        RowFactory.create("known", java.sql.Timestamp.from(NOW.minusSeconds(600))),
        RowFactory.create("unknown", java.sql.Timestamp.from(NOW.minusSeconds(7200)))), schema);

    GateOutcome outcome = gate.check(lakehouse.spark(), data, RunKey.gateForBatch(TABLE, 0, NOW));
    assertThat(outcome.publishable().collectAsList()).extracting(r -> r.getString(0)).containsExactly("known");
    assertThat(outcome.quarantinedRows()).isEqualTo(1);

    Dataset<Row> stale = lakehouse.spark().createDataFrame(List.of(
        RowFactory.create("known", java.sql.Timestamp.from(NOW.minusSeconds(7200)))), schema);
    assertThatThrownBy(() -> gate.check(lakehouse.spark(), stale, RunKey.gateForBatch(TABLE, 1, NOW)))
        .hasMessageContaining("failed 1 error check: recent (");
  }

  private Dataset<Row> batchOf(int n) {
    return rows(java.util.stream.IntStream.range(0, n).mapToObj(i -> new Object[] {"e" + i, "view", 1.0}).toArray(Object[][]::new));
  }

  private Dataset<Row> batchWithNullId(int n) {
    return rows(java.util.stream.IntStream.range(0, n).mapToObj(i -> new Object[] {i == 0 ? null : "e" + i, "view", 1.0})
        .toArray(Object[][]::new));
  }

}
