package dev.lakehouse.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.refine.QuarantineReplay;
import dev.lakehouse.refine.RefineJob;
import dev.lakehouse.spark.StreamingQueries;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.InProcessCli;
import dev.lakehouse.testing.TestLakehouse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class QuarantineReplayTest {
  private static final String SILVER = "silver.commerce_events";

  private static String event(String id, String extra) {
    return "{\"event_id\":\"" + id + "\",\"event_type\":\"view\",\"user_id\":\"u-1\",\"session_id\":\"s-1\","
        + "\"page\":\"/p\",\"event_at\":\"2026-11-21T10:00:00Z\"" + extra + "}";
  }

  private static void putInBronze(Lakehouse lakehouse, List<String> values) {
    StructType schema = lakehouse.spark().table("bronze.commerce_events").schema();
    Timestamp now = Timestamp.valueOf("2026-11-21 10:00:01");
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      rows.add(RowFactory.create(null, values.get(i).getBytes(StandardCharsets.UTF_8), "commerce.events", 0, (long) i, now, now,
          Date.valueOf("2026-11-21"), 0L));
    }
    lakehouse.spark().createDataFrame(rows, schema).write().format("delta").mode("append")
        .save(lakehouse.catalog().location("bronze.commerce_events"));
  }

  private static void refine(Lakehouse lakehouse) throws Exception {
    StreamingQueries.awaitAll(List.of(new RefineJob(lakehouse.config(), lakehouse.catalog())
        .start(lakehouse.spark(), SILVER, Trigger.AvailableNow())), System.out, Duration.ofMinutes(5));
  }

  private static long silverRows(Lakehouse lakehouse) {
    return lakehouse.spark().table(SILVER).count();
  }

  @Test
  void heldRecordsReplayExactlyOnceAfterARelaxedRuleAndAnEdit() throws Exception {
    Lakehouse strict = TestLakehouse.fresh("refine.max-record-bytes=300");
    putInBronze(strict, List.of(
        event("e-1", ""),
        event("e-2", ",\"category\":\"" + "x".repeat(300) + "\""),
        event("e-3", "").substring(0, 40)));
    refine(strict);
    assertThat(silverRows(strict)).isEqualTo(1);
    assertThat(strict.spark().table("ops.quarantine").select("rule_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
        .containsExactlyInAnyOrder("decode.too_large", "parse.json");

    Lakehouse relaxed = TestLakehouse.open(TestLakehouse.with(strict.config(), "refine.max-record-bytes=262144"));
    QuarantineReplay replay = new QuarantineReplay(relaxed.config(), relaxed.catalog());
    QuarantineReplay.Outcome first = replay.replay(relaxed.spark(), SILVER, null);

    assertThat(first.held()).isEqualTo(2);
    assertThat(first.published()).isEqualTo(1);
    assertThat(first.stillFailing()).isEqualTo(1);
    assertThat(silverRows(relaxed)).isEqualTo(2);

    String truncatedId = relaxed.spark().sql("SELECT quarantine_id FROM ops.quarantine WHERE rule_id = 'parse.json'").head().getString(0);
    ChildJvm.Result cli = InProcessCli.execute(relaxed.config(), "quarantine", "replay", "--table", SILVER,
        "--set-value", truncatedId + "=" + event("e-3", ""));

    assertThat(cli.exitCode()).as(cli.output()).isZero();
    assertThat(cli.output()).contains("1 held, 1 published, 0 still failing");
    assertThat(relaxed.spark().table(SILVER).select("event_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
        .containsExactlyInAnyOrder("e-1", "e-2", "e-3");

    QuarantineReplay.Outcome again = replay.replay(relaxed.spark(), SILVER, null);
    assertThat(again.held()).isZero();
    assertThat(silverRows(relaxed)).isEqualTo(3);
    assertThat(relaxed.spark().sql("SELECT count(*) FROM ops.quarantine WHERE replayed_at IS NOT NULL").head().getLong(0)).isEqualTo(2);
    assertThat(relaxed.spark().sql("SELECT count(*) FROM ops.pipeline_events WHERE query_name = 'replay.silver.commerce_events'")
        .head().getLong(0)).isEqualTo(3);
  }

  @Test
  void refineBatchThatFailsItsSuiteIsNotMergedAndStopsWithTheReason() {
    Lakehouse lakehouse = TestLakehouse.fresh();
    putInBronze(lakehouse, List.of(event("e-1", ""), event("e-2", "").replace("\"page\":\"/p\",", "")));
    long before = dev.lakehouse.ops.OpsTables.latestVersion(lakehouse.spark(), lakehouse.catalog().location(SILVER));
    QualityGate gate = new QualityGate(lakehouse.catalog(), java.util.Map.of(SILVER, dev.lakehouse.quality.suite.QualitySuite.parse("""
        table: silver.commerce_events
        rules:
          - {id: page_present, check: complete, column: page}
        """, "test.yaml")));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StreamingQueries.awaitAll(List.of(
            new RefineJob(lakehouse.config(), lakehouse.catalog(), gate).start(lakehouse.spark(), SILVER, Trigger.AvailableNow())),
            System.out, Duration.ofMinutes(5)))
        .hasMessageStartingWith("Cannot publish silver.commerce_events (batch 0): quality suite failed 1 error check: page_present (")
        .hasMessageContaining("see ops.quality_results where run_id = '")
        .hasMessageEndingWith("(query refine.silver.commerce_events stopped)");
    assertThat(dev.lakehouse.ops.OpsTables.latestVersion(lakehouse.spark(), lakehouse.catalog().location(SILVER))).isEqualTo(before);
    assertThat(lakehouse.spark().table("ops.alerts").count()).isEqualTo(1);
  }

  @Test
  void onDemandRunFailsNamingTheBrokenChecks() {
    Lakehouse lakehouse = TestLakehouse.fresh();
    lakehouse.spark().sql("INSERT INTO silver.commerce_events VALUES "
        + "('e-1', 'view', 'u-1', 's-1', 'p-1', 'books', '/p', 'ua', 'Other', 'other', false, NULL, NULL, timestamp'2026-11-21 10:00:00', date'2026-11-21', 't', 0, 0, timestamp'2026-11-21 10:00:01', timestamp'2026-11-21 10:00:02'),"
        + "('e-1', 'view', 'u-2', 's-2', 'p-1', 'books', '/p', 'ua', 'Other', 'other', false, NULL, NULL, timestamp'2026-11-21 11:00:00', date'2026-11-21', 't', 0, 1, timestamp'2026-11-21 11:00:01', timestamp'2026-11-21 11:00:02')");

    ChildJvm.Result result = InProcessCli.execute(lakehouse.config(), "quality", "run", SILVER, "--date", "2026-11-21");

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output()).containsPattern("event_id_unique +error +constraint +FAIL");
    assertThat(result.output()).contains("lakehouse run: Quality suite of silver.commerce_events failed 1 error check: event_id_unique (");
  }
}
