package dev.lakehouse.quality;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a suite run checks: which table, in which role (gate before publishing, on demand, replay),
 * which micro-batch or date partition, and the reference time freshness rules measure against.
 */
public record RunKey(String table, String runKind, Long batchId, LocalDate partitionDate, Instant referenceTime) {
  public static final String GATE = "gate";
  public static final String ON_DEMAND = "on_demand";
  public static final String REPLAY = "replay";

  public static RunKey gateForBatch(String table, long batchId, Instant referenceTime) {
    return new RunKey(table, GATE, batchId, null, referenceTime);
  }

  public static RunKey gateForDate(String table, LocalDate date, Instant referenceTime) {
    return new RunKey(table, GATE, null, date, referenceTime);
  }

  /** "batch 3", "2026-11-21" or "all rows", for messages. */
  public String scope() {
    if (batchId != null) {
      return "batch " + batchId;
    }
    return partitionDate != null ? partitionDate.toString() : "all rows";
  }
}
