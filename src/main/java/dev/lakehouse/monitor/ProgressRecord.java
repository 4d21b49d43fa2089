package dev.lakehouse.monitor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * One progress report of a streaming query; a row of ops.stream_progress. {@code durationsMs} holds
 * Spark's phases and the query's own ({@code addBatch.<phase>}, {@link BatchPhases});
 * {@code newestEventAt} is the newest event time the batch committed, when the query tells.
 */
public record ProgressRecord(
    String queryName,
    String queryId,
    String runId,
    long batchId,
    Event event,
    Instant progressAt,
    Long batchDurationMs,
    Map<String, Long> durationsMs,
    Long inputRows,
    Double inputRowsPerSecond,
    Double processedRowsPerSecond,
    Long stateRows,
    Long stateMemoryBytes,
    Long rowsDroppedByWatermark,
    Instant watermarkAt,
    Instant newestEventAt,
    String error) {

  /** What the report is about. */
  public enum Event {
    /** A micro-batch ran. */
    BATCH,
    /** No new data: Spark's heartbeat of a waiting query. */
    IDLE,
    /** The run stopped (cleanly, or with {@link #error}). */
    TERMINATED;

    public String text() {
      return name().toLowerCase();
    }

    public static Event of(String text) {
      return valueOf(text.toUpperCase());
    }
  }

  public ProgressRecord {
    durationsMs = durationsMs == null ? null : Map.copyOf(durationsMs);
  }

  /** A micro-batch ran (or, without an addBatch phase, the query only looked for data). */
  public static ProgressRecord of(StreamingQueryProgress p) {
    Map<String, Long> durations = new LinkedHashMap<>(p.durationMs());
    boolean ran = durations.containsKey("addBatch");
    if (ran) {
      BatchPhases.of(p.runId().toString(), p.batchId()).forEach((phase, ms) -> durations.put(BatchPhases.PREFIX + phase, ms));
    }
    Long stateRows = null;
    Long stateBytes = null;
    Long dropped = null;
    for (StateOperatorProgress state : p.stateOperators()) {
      stateRows = (stateRows == null ? 0 : stateRows) + state.numRowsTotal();
      stateBytes = (stateBytes == null ? 0 : stateBytes) + state.memoryUsedBytes();
      dropped = (dropped == null ? 0 : dropped) + state.numRowsDroppedByWatermark();
    }
    String watermark = p.eventTime() == null ? null : p.eventTime().get("watermark");
    return new ProgressRecord(
        nameOf(p.name(), p.id()), p.id().toString(), p.runId().toString(), p.batchId(),
        ran ? Event.BATCH : Event.IDLE, Instant.parse(p.timestamp()), durations.get("triggerExecution"), durations,
        p.numInputRows(), finite(p.inputRowsPerSecond()), finite(p.processedRowsPerSecond()),
        stateRows, stateBytes, dropped, watermark == null ? null : Instant.parse(watermark),
        ran ? BatchPhases.newestEventAt(p.runId().toString(), p.batchId()) : null, null);
  }

  /** The run ended; {@code lastBatchId} is the last batch it reported (-1 before any). */
  public static ProgressRecord terminated(String name, UUID id, UUID runId, long lastBatchId, Instant at, String error) {
    return new ProgressRecord(nameOf(name, id), id.toString(), runId.toString(), lastBatchId, Event.TERMINATED, at,
        null, null, null, null, null, null, null, null, null, null, error);
  }

  public boolean ran() {
    return event == Event.BATCH;
  }

  static String nameOf(String name, UUID id) {
    return name == null || name.isBlank() ? id.toString() : name;
  }

  private static Double finite(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
  }
}
