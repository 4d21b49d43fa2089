package dev.lakehouse.commerce.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.monitor.BatchPhases;
import dev.lakehouse.ops.DeltaRetries;
import dev.lakehouse.ops.OpsTables;
import dev.lakehouse.ops.PipelineEvent;
import dev.lakehouse.spark.StreamingQueries;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The foreachBatch step of a streaming gold query: splits a micro-batch by the watermark the query
 * tracks ({@link Watermarks}), keeps the late rows in ops.late_events with the watermark they
 * missed, lets the {@link GoldWriter} recompute the gold rows the batch touches, and records the
 * batch (watermarks, late and invalid counts) in ops.pipeline_events.
 *
 * <p>Why not Spark's own watermark: a stateful aggregation after {@code withWatermark} drops rows
 * older than the watermark before any user code sees them (only a count reaches the progress
 * report), and distinct counts of users and sessions are not mergeable across micro-batches
 * without keeping every id. Tracking the watermark here makes the late rows data, and recomputing
 * each touched window or session from the source, without the rows judged late, keeps the distinct
 * counts exact and every write idempotent.
 *
 * <p>A row is late when its event time is older than the watermark before its batch (the newest
 * event time of the earlier batches minus the delay); a batch never judges its own rows against
 * itself, as Spark does not either. Rows missing a required column cannot be placed in a window or
 * a key: they are counted ({@code invalid_rows}) and stay in the source table.
 */
final class LateSplit implements VoidFunction2<Dataset<Row>, Long> {
  static final String LATE = "ops.late_events";

  private final String queryName;
  private final String sourceTable;
  private final String eventColumn;
  private final String keySql;
  private final List<String> required;
  private final Duration delay;
  private final TableCatalog catalog;
  private final GoldWriter writer;
  // the watermark after the last batch this run wrote: the next batch's watermark before, without reading it back from
  // ops.pipeline_events (1.7-1.9 s a batch on 2 cores); a new run reads it there once
  private long lastBatchId = -1;
  private Optional<Instant> lastAfter = Optional.empty();

  LateSplit(String queryName, String sourceTable, String eventColumn, String keySql, List<String> required, Duration delay,
      TableCatalog catalog, GoldWriter writer) {
    this.queryName = queryName;
    this.sourceTable = sourceTable;
    this.eventColumn = eventColumn;
    this.keySql = keySql;
    this.required = required;
    this.delay = delay;
    this.catalog = catalog;
    this.writer = writer;
  }

  @Override
  public void call(Dataset<Row> batch, Long batchId) {
    SparkSession spark = batch.sparkSession();
    Instant started = Instant.now();
    String queryId = StreamingQueries.queryId(spark);
    Dataset<Row> rows = batch.persist();
    try {
      Dataset<Row> usable = rows.where(required.stream().map(c -> col(c).isNotNull()).reduce(Column::and).orElse(lit(true)));
      long input = BatchPhases.time("read the batch", () -> rows.count());
      long invalid = input - usable.count();
      Optional<Instant> before = lastBatchId >= 0 && lastBatchId == batchId - 1 ? lastAfter
          : BatchPhases.time("read the watermark", () -> Watermarks.before(spark, catalog, queryId, batchId));
      Row newest = usable.agg(max(col(eventColumn))).head();
      Watermarks marks = Watermarks.advance(before,
          newest.isNullAt(0) ? Optional.empty() : Optional.of(newest.getTimestamp(0).toInstant()), delay);
      long late = before.isPresent() ? BatchPhases.time("keep late rows", () -> keepLate(spark,
          usable.where(col(eventColumn).lt(lit(before.get()))), before.get(), batchId, started)) : 0;
      long written = input == invalid ? 0 : BatchPhases.time("write " + writer.target(), () -> writer.write(spark, usable, marks, batchId));
      PipelineEvent event = new PipelineEvent(queryName, queryId, batchId, sourceTable, null, writer.target(),
          BatchPhases.time("read version", () -> OpsTables.latestVersion(spark, catalog.location(writer.target()))), input,
          written, 0, marks.json(late, invalid),
          started, Instant.now());
      BatchPhases.time("lineage", () -> new OpsTables(catalog).record(spark, event, "commerce-gold-lineage:" + queryId, batchId));
      BatchPhases.committed(newest.isNullAt(0) ? null : newest.getTimestamp(0).toInstant());
      lastBatchId = batchId;
      lastAfter = marks.after();
    } finally {
      rows.unpersist();
    }
  }

  /** The source rows of the late records of a query, as {@code record_key} values. */
  static Dataset<Row> lateKeys(SparkSession spark, TableCatalog catalog, String queryName) {
    return spark.read().format("delta").load(catalog.location(LATE))
        .where(col("query_name").equalTo(queryName))
        .select(col("record_key").as("_record_key"));
  }

  /** {@code rows} without those the query judged late before (or in this batch). */
  static Dataset<Row> withoutLate(Dataset<Row> rows, String keySql, Dataset<Row> lateKeys) {
    return rows.withColumn("_record_key", expr(keySql))
        .join(lateKeys, KeyedReplace.seq(List.of("_record_key")), "left_anti")
        .drop("_record_key");
  }

  private long keepLate(SparkSession spark, Dataset<Row> late, Instant watermark, long batchId, Instant now) {
    Dataset<Row> records = late
        .select(expr(keySql).as("record_key"), col(eventColumn).as("event_at"), to_json(struct(col("*"))).as("record"))
        .select(sha2(concat_ws("|", lit(queryName), lit(sourceTable), col("record_key")), 256).as("late_id"),
            lit(queryName).as("query_name"), lit(sourceTable).as("source_table"), col("record_key"), col("event_at"),
            lit(Timestamp.from(watermark)).as("watermark_at"),
            lit(watermark.toEpochMilli()).minus(expr("unix_millis(event_at)")).as("lateness_ms"),
            lit(batchId).as("batch_id"), col("record"), lit(Timestamp.from(now)).as("detected_at"))
        .dropDuplicates("late_id")
        .persist();
    try {
      long count = records.count();
      if (count > 0) {
        DeltaRetries.onConflict(() -> DeltaTable.forPath(spark, catalog.location(LATE)).as("l")
            .merge(records.as("n"), "l.late_id = n.late_id")
            .whenNotMatched().insertAll()
            .execute());
      }
      return count;
    } finally {
      records.unpersist();
    }
  }
}
