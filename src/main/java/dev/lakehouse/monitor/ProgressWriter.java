package dev.lakehouse.monitor;

import dev.lakehouse.catalog.TableCatalog;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Buffers progress reports in memory and appends them to ops.stream_progress in one commit per
 * {@link #flush}. {@link #add} only queues, so the listener thread never waits on a write.
 *
 * <p>Each flush is one blind Delta append, which needs no read of the table's state (an idempotent
 * append with {@code txnAppId} would reconstruct it at every flush, seconds on a busy machine). A
 * flush whose commit succeeded but was reported as failed writes its reports again on the next
 * flush: a report may then appear twice, with the same query, run and batch id.
 */
public final class ProgressWriter {
  public static final String TABLE = "ops.stream_progress";
  /** Reports kept when the table cannot be written; beyond this the oldest are dropped. */
  static final int MAX_PENDING = 100_000;

  static final StructType SCHEMA = new StructType()
      .add("query_name", DataTypes.StringType, false)
      .add("query_id", DataTypes.StringType, false)
      .add("run_id", DataTypes.StringType, false)
      .add("batch_id", DataTypes.LongType, false)
      .add("event", DataTypes.StringType, false)
      .add("progress_at", DataTypes.TimestampType, false)
      .add("batch_duration_ms", DataTypes.LongType)
      .add("durations_ms", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
      .add("input_rows", DataTypes.LongType)
      .add("input_rows_per_second", DataTypes.DoubleType)
      .add("processed_rows_per_second", DataTypes.DoubleType)
      .add("state_rows", DataTypes.LongType)
      .add("state_memory_bytes", DataTypes.LongType)
      .add("rows_dropped_by_watermark", DataTypes.LongType)
      .add("watermark_at", DataTypes.TimestampType)
      .add("newest_event_at", DataTypes.TimestampType)
      .add("error", DataTypes.StringType)
      .add("progress_date", DataTypes.DateType, false);

  private final SparkSession spark;
  private final TableCatalog catalog;
  private final ConcurrentLinkedQueue<ProgressRecord> queued = new ConcurrentLinkedQueue<>();
  private List<ProgressRecord> unwritten = new ArrayList<>();

  public ProgressWriter(SparkSession spark, TableCatalog catalog) {
    this.spark = spark;
    // the table is entered (created on a new storage root) by the first flush, so a command without streams never pays for it
    this.catalog = catalog;
  }

  /** Queues a report for the next flush; never blocks. */
  public void add(ProgressRecord record) {
    queued.add(record);
  }

  /**
   * Appends what is queued in one commit; returns the rows written. On failure the same rows are
   * tried again by the next flush (new reports wait behind them; at most {@link #MAX_PENDING} are
   * kept) and the error is thrown.
   */
  public synchronized int flush() {
    if (unwritten.isEmpty()) {
      for (ProgressRecord r; (r = queued.poll()) != null; ) {
        unwritten.add(r);
      }
    }
    for (int over = queued.size() - MAX_PENDING; over > 0; over--) {
      queued.poll();
    }
    if (unwritten.isEmpty()) {
      return 0;
    }
    List<Row> rows = unwritten.stream().map(ProgressWriter::row).toList();
    spark.createDataFrame(rows, SCHEMA).write()
        .format("delta")
        .mode("append")
        // a table created before newest_event_at was declared gains the column
        .option("mergeSchema", "true")
        .save(catalog.location(TABLE));
    int written = unwritten.size();
    unwritten = new ArrayList<>();
    return written;
  }

  /** Whether reports are waiting to be written. */
  public synchronized boolean hasPending() {
    return !unwritten.isEmpty() || !queued.isEmpty();
  }

  static Row row(ProgressRecord r) {
    return RowFactory.create(r.queryName(), r.queryId(), r.runId(), r.batchId(), r.event().text(),
        Timestamp.from(r.progressAt()), r.batchDurationMs(), r.durationsMs(), r.inputRows(), r.inputRowsPerSecond(),
        r.processedRowsPerSecond(), r.stateRows(), r.stateMemoryBytes(), r.rowsDroppedByWatermark(),
        timestamp(r.watermarkAt()), timestamp(r.newestEventAt()), r.error(), Date.valueOf(r.progressAt().atZone(ZoneOffset.UTC).toLocalDate()));
  }

  /** The reverse of {@link #row}, for reading the table back. */
  public static ProgressRecord record(Row row) {
    return new ProgressRecord(row.getAs("query_name"), row.getAs("query_id"), row.getAs("run_id"),
        row.<Long>getAs("batch_id"), ProgressRecord.Event.of(row.getAs("event")),
        row.<Timestamp>getAs("progress_at").toInstant(), row.getAs("batch_duration_ms"),
        row.isNullAt(row.fieldIndex("durations_ms")) ? null : row.getJavaMap(row.fieldIndex("durations_ms")),
        row.getAs("input_rows"), row.getAs("input_rows_per_second"), row.getAs("processed_rows_per_second"),
        row.getAs("state_rows"), row.getAs("state_memory_bytes"), row.getAs("rows_dropped_by_watermark"),
        instant(row.getAs("watermark_at")),
        List.of(row.schema().fieldNames()).contains("newest_event_at") ? instant(row.getAs("newest_event_at")) : null,
        row.getAs("error"));
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
