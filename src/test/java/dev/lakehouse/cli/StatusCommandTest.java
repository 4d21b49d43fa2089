package dev.lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.monitor.ProgressRecord;
import dev.lakehouse.monitor.ProgressWriter;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.InProcessCli;
import dev.lakehouse.testing.TestLakehouse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `status`: one line per streaming query with its verdict, from what ops.stream_progress holds. */
class StatusCommandTest {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  private static ProgressRecord batch(String query, long batchId, Duration ago, long durationMs) {
    return new ProgressRecord(query, "id-" + query, "run-" + query, batchId, ProgressRecord.Event.BATCH, NOW.minus(ago),
        durationMs, Map.of("triggerExecution", durationMs), 1200L, 400.0, 1500.0, 3456L, 1024L, 0L,
        Instant.parse("2026-11-21T09:58:00Z"), NOW.minus(ago).minusSeconds(4), null);
  }

  private static ProgressRecord terminated(String query, long lastBatchId, Duration ago, String error) {
    return new ProgressRecord(query, "id-" + query, "run-" + query, lastBatchId, ProgressRecord.Event.TERMINATED,
        NOW.minus(ago), null, null, null, null, null, null, null, null, null, null, error);
  }

  @Test
  void printsTheHealthOfEachQueryThatReportedRecently() {
    LakehouseConfig config = TestLakehouse.config("127.0.0.1:9", "monitor.slow-batch=60s");
    Lakehouse lakehouse = TestLakehouse.open(config);
    ProgressWriter writer = new ProgressWriter(lakehouse.spark(), lakehouse.catalog());
    writer.add(batch("ingest.commerce.events", 41, Duration.ofSeconds(12), 900));
    writer.add(batch("ingest.commerce.events", 42, Duration.ofSeconds(10), 800));
    writer.add(batch("refine.silver.commerce_events", 7, Duration.ofSeconds(100), 91_000));
    writer.add(batch("logs.detect.ip", 3, Duration.ofMinutes(40), 500));
    writer.add(batch("finance.score", 9, Duration.ofMinutes(3), 500));
    writer.add(terminated("finance.score", 9, Duration.ofMinutes(2), null));
    writer.add(batch("old.query", 1, Duration.ofDays(3), 500));
    writer.flush();

    ChildJvm.Result result = InProcessCli.execute(config, "status");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        // lag: the newest event committed 4 s before a report 10 s before NOW, plus however long after NOW status ran
        .containsPattern("ingest\\.commerce\\.events +HEALTHY .* +42 +0\\.8s +400\\.0 +1,500\\.0 +2026-11-21T09:58:00Z "
            + "+(1[4-9]|[2-9]\\d|1[01]\\d)\\.\\ds +3,456 +processing")
        .containsPattern("refine\\.silver\\.commerce_events +SLOW .*batch 7 took 91\\.0s \\(threshold 60\\.0s\\)")
        .containsPattern("logs\\.detect\\.ip +STALLED .*no progress for 40m \\(threshold 5m\\)")
        .containsPattern("finance\\.score +STOPPED ")
        .doesNotContain("old.query");

    ChildJvm.Result check = InProcessCli.execute(config, "status", "--since", "10m", "--fail-on-unhealthy");
    assertThat(check.exitCode()).as(check.output()).isEqualTo(1);
    assertThat(check.output()).contains("ingest.commerce.events").doesNotContain("logs.detect.ip");
  }

  @Test
  void saysSoWhenNoQueryReported() {
    LakehouseConfig config = TestLakehouse.config("127.0.0.1:9");
    TestLakehouse.open(config);

    ChildJvm.Result result = InProcessCli.execute(config, "status", "--since", "30m");

    assertThat(result.exitCode()).isZero();
    assertThat(result.output()).contains("No streaming query reported progress since");
  }
}
