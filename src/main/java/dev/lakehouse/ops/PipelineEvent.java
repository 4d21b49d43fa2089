package dev.lakehouse.ops;

import java.sql.Timestamp;
import java.time.Instant;

/** One lineage record: what one micro-batch read and what it wrote; a row of ops.pipeline_events. */
public record PipelineEvent(
    String queryName,
    String queryId,
    long batchId,
    String source,
    String sourceOffsets,
    String targetTable,
    Long targetVersion,
    long inputRows,
    long outputRows,
    long quarantinedRows,
    String details,
    Instant startedAt,
    Instant finishedAt) {

  Object[] values() {
    return new Object[] {
      queryName, queryId, batchId, source, sourceOffsets, targetTable, targetVersion,
      inputRows, outputRows, quarantinedRows, details,
      Timestamp.from(startedAt), Timestamp.from(finishedAt),
      java.sql.Date.valueOf(startedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate())
    };
  }
}
