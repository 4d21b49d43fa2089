package dev.lakehouse.monitor;

import java.time.Instant;
import java.util.Map;

/** Progress reports for tests, named for what is special about them. */
final class Reports {
  static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  private Reports() {}

  /** A micro-batch at T0 + {@code second} that took {@code durationMs} with the given rates. */
  static ProgressRecord batch(String query, long batchId, int second, long durationMs, double inPerSecond,
      double processedPerSecond) {
    return new ProgressRecord(query, "id-" + query, "run-" + query, batchId, ProgressRecord.Event.BATCH,
        T0.plusSeconds(second), durationMs, Map.of("triggerExecution", durationMs, "addBatch", durationMs - 1), 100L,
        inPerSecond, processedPerSecond, 12L, 4096L, 0L, T0.plusSeconds(second - 120), null, null);
  }

  /** A quick micro-batch at T0 + {@code second} (1 s long) that committed events up to {@code lagSeconds} before its end. */
  static ProgressRecord lagging(String query, long batchId, int second, int lagSeconds) {
    return new ProgressRecord(query, "id-" + query, "run-" + query, batchId, ProgressRecord.Event.BATCH,
        T0.plusSeconds(second), 1000L, Map.of("triggerExecution", 1000L, "addBatch", 900L), 100L,
        100.0, 500.0, null, null, null, null, T0.plusSeconds(second + 1 - lagSeconds), null);
  }

  static ProgressRecord quickBatch(String query, long batchId, int second) {
    return batch(query, batchId, second, 800, 100, 500);
  }

  static ProgressRecord idle(String query, long nextBatchId, int second) {
    return new ProgressRecord(query, "id-" + query, "run-" + query, nextBatchId, ProgressRecord.Event.IDLE,
        T0.plusSeconds(second), 2L, Map.of("triggerExecution", 2L, "latestOffset", 1L), 0L, null, null, null, null, null,
        null, null, null);
  }

  static ProgressRecord terminated(String query, long lastBatchId, int second, String error) {
    return new ProgressRecord(query, "id-" + query, "run-" + query, lastBatchId, ProgressRecord.Event.TERMINATED,
        T0.plusSeconds(second), null, null, null, null, null, null, null, null, null, null, error);
  }
}
