package dev.lakehouse.monitor;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.window;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.testing.Poll;
import dev.lakehouse.testing.TestLakehouse;
import java.time.Duration;
import java.util.List;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;

/** The monitor Lakehouse.open installs, hearing a real stateful streaming query. */
class StreamMonitorTest {

  @Test
  void everyBatchIsRecordedAndASlowEpisodeIsAlertedOnce() throws Exception {
    // every batch takes longer than 1 ms: one episode that lasts as long as the query
    // every batch commits events an hour old: its lag is above a minute and grows
    Lakehouse lakehouse = TestLakehouse.fresh("monitor.slow-batch=1ms", "monitor.write-interval=200ms",
        "monitor.max-lag=1m", "monitor.behind-batches=2");
    java.time.Instant newestEvent = java.time.Instant.now().minus(Duration.ofHours(1));
    SparkSession spark = lakehouse.spark();
    String name = "test.rate_counts_" + System.nanoTime();

    StreamingQuery query = spark.readStream().format("rate").option("rowsPerSecond", 200).load()
        .withWatermark("timestamp", "2 seconds")
        .groupBy(window(col("timestamp"), "1 second"))
        .count()
        .writeStream()
        .queryName(name)
        .outputMode("update")
        .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (rows, batchId) -> {
          BatchPhases.time("count the windows", rows::count);
          BatchPhases.committed(newestEvent);
        })
        .option("checkpointLocation", lakehouse.config().path("checkpoints/" + name))
        .trigger(Trigger.ProcessingTime("100 milliseconds"))
        .start();
    try {
      Poll.until("4 batches of " + name + " in ops.stream_progress", Duration.ofMinutes(3),
          () -> count(spark, "query_name = '" + name + "' and event = 'batch'") >= 4);
    } finally {
      query.stop();
    }
    Poll.until("the termination of " + name + " in ops.stream_progress", Duration.ofMinutes(1),
        () -> count(spark, "query_name = '" + name + "' and event = 'terminated'") == 1);

    List<Row> batches = spark.sql("select batch_id, batch_duration_ms, durations_ms['triggerExecution'], input_rows, "
        + "processed_rows_per_second, state_rows, watermark_at, query_id, run_id, durations_ms['addBatch.count the windows'], "
        + "durations_ms['addBatch'], newest_event_at from ops.stream_progress "
        + "where query_name = '" + name + "' and event = 'batch' order by batch_id").collectAsList();
    assertThat(batches).extracting(r -> r.getLong(0)).doesNotHaveDuplicates();
    assertThat(batches).allSatisfy(r -> {
      assertThat(r.getLong(1)).isPositive().isEqualTo(r.getLong(2));
      assertThat(r.getString(7)).isEqualTo(query.id().toString());
      assertThat(r.getString(8)).isEqualTo(query.runId().toString());
      // the foreachBatch's own phase, timed on the stream's thread, joined to its batch's report
      assertThat(r.isNullAt(9)).as("addBatch.count the windows of batch " + r.getLong(0)).isFalse();
      assertThat(r.getLong(9)).isNotNegative().isLessThanOrEqualTo(r.getLong(10));
      assertThat(r.getTimestamp(11).toInstant()).isEqualTo(newestEvent.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    });
    assertThat(batches).anySatisfy(r -> {
      assertThat(r.getLong(3)).isPositive();
      assertThat(r.getDouble(4)).isPositive();
      assertThat(r.getLong(5)).as("state rows of the windowed count").isPositive();
      assertThat(r.getTimestamp(6).toInstant()).as("watermark").isAfter(java.time.Instant.parse("2020-01-01T00:00:00Z"));
    });

    List<Row> alerts = spark.sql("select domain, severity, value, expected_range, message from ops.alerts "
        + "where rule = 'stream.slow_batch' and subject = '" + name + "'").collectAsList();
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).getString(0)).isEqualTo("platform");
    assertThat(alerts.get(0).getString(3)).isEqualTo("<= 0.001 s");
    assertThat(alerts.get(0).getString(4)).startsWith("Query " + name + ": batch ").contains("(threshold 1ms)");

    List<Row> behind = spark.sql("select value, expected_range, message from ops.alerts "
        + "where rule = 'stream.falling_behind' and subject = '" + name + "'").collectAsList();
    assertThat(behind).as("one episode of an end-to-end lag above monitor.max-lag that keeps growing").hasSize(1);
    assertThat(behind.get(0).getDouble(0)).isGreaterThan(3600);
    assertThat(behind.get(0).getString(1)).isEqualTo("<= 60 s end-to-end lag");
    assertThat(behind.get(0).getString(2)).startsWith("Query " + name + " is falling behind: end-to-end lag ")
        .contains("above 60.0s and not shrinking over the last 2 batches");
  }

  @Test
  void oneMonitorPerSessionAndStorageRoot() {
    Lakehouse first = TestLakehouse.fresh();
    StreamMonitor installed = StreamMonitor.of(first.spark()).orElseThrow();

    assertThat(Lakehouse.open(first.config(), "again")).isNotNull();
    assertThat(StreamMonitor.of(first.spark())).containsSame(installed);

    Lakehouse other = TestLakehouse.fresh();
    assertThat(StreamMonitor.of(other.spark()).orElseThrow()).isNotSameAs(installed);
  }

  private static long count(SparkSession spark, String where) {
    return spark.sql("select count(*) from ops.stream_progress where " + where).first().getLong(0);
  }
}
