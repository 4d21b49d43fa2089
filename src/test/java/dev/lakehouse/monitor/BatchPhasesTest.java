package dev.lakehouse.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.testing.TestLakehouse;
import java.time.Instant;
import java.util.UUID;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.Test;

/** Phases of a micro-batch, found by the local properties Spark sets on a stream's thread (set here by hand). */
class BatchPhasesTest {

  @Test
  void onlyTheOutermostPhaseCountsAndTheNewestCommittedEventTimeIsKept() {
    SparkContext context = TestLakehouse.fresh().spark().sparkContext();
    String run = UUID.randomUUID().toString();
    String retried = UUID.randomUUID().toString();
    try {
      inBatch(context, run, 7L);
      long answer = BatchPhases.time("merge", () -> BatchPhases.time("inner step", () -> 6L * 7));
      BatchPhases.time("lineage", () -> { });
      BatchPhases.time("lineage", () -> { });
      BatchPhases.committed(Instant.parse("2026-12-07T10:00:05Z"));
      BatchPhases.committed(Instant.parse("2026-12-07T10:00:01Z"));
      BatchPhases.committed(null);
      // the same batch again after a restart: a new run, timed apart
      inBatch(context, retried, 7L);
      BatchPhases.time("merge", () -> { });

      assertThat(answer).isEqualTo(42);
      assertThat(BatchPhases.of(run, 7)).containsOnlyKeys("merge", "lineage");
      assertThat(BatchPhases.of(run, 7).values()).allSatisfy(ms -> assertThat(ms).isNotNegative());
      assertThat(BatchPhases.newestEventAt(run, 7)).isEqualTo(Instant.parse("2026-12-07T10:00:05Z"));
      assertThat(BatchPhases.of(retried, 7)).containsOnlyKeys("merge");
      assertThat(BatchPhases.newestEventAt(retried, 7)).isNull();
      assertThat(BatchPhases.of(run, 8)).isEmpty();
    } finally {
      inBatch(context, null, null);
    }
    // outside a micro-batch the work runs and nothing is kept
    assertThat(BatchPhases.time("not in a batch", () -> "ran")).isEqualTo("ran");
    BatchPhases.committed(Instant.now());
    assertThat(BatchPhases.of(run, 7)).containsOnlyKeys("merge", "lineage");
  }

  @Test
  void aRunKeepsItsLatestBatchesOnly() {
    SparkContext context = TestLakehouse.fresh().spark().sparkContext();
    String run = UUID.randomUUID().toString();
    try {
      for (long batch = 0; batch < BatchPhases.KEPT_BATCHES + 5; batch++) {
        inBatch(context, run, batch);
        BatchPhases.time("write", () -> { });
      }
    } finally {
      inBatch(context, null, null);
    }
    assertThat(BatchPhases.of(run, 4)).isEmpty();
    assertThat(BatchPhases.of(run, 5)).containsOnlyKeys("write");
    assertThat(BatchPhases.of(run, BatchPhases.KEPT_BATCHES + 4)).containsOnlyKeys("write");
  }

  // what StreamExecution and MicroBatchExecution set on their thread; null clears them
  private static void inBatch(SparkContext context, String runId, Long batchId) {
    context.setLocalProperty("sql.streaming.queryId", runId == null ? null : "query-of-" + runId);
    context.setLocalProperty("spark.jobGroup.id", runId);
    context.setLocalProperty("streaming.sql.batchId", batchId == null ? null : batchId.toString());
  }
}
