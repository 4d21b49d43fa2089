package dev.lakehouse.commerce.stream;

import static org.apache.spark.sql.functions.col;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.ops.OpsTables;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The event-time watermark a streaming gold query tracks itself: before a micro-batch, the newest
 * event time of the earlier batches minus the allowed delay; after it, the same including the batch.
 * Empty before the first rows. Each batch's watermarks are kept in its ops.pipeline_events row
 * (details {@code watermark_before_ms}, {@code watermark_after_ms}), so a replayed batch finds the
 * watermark its first attempt used and judges the same rows late.
 */
public record Watermarks(Optional<Instant> before, Optional<Instant> after) {

  /** The watermarks once a batch whose newest event time is {@code newest} has been read. */
  public static Watermarks advance(Optional<Instant> before, Optional<Instant> newest, Duration delay) {
    Optional<Instant> candidate = newest.map(t -> t.minus(delay));
    Optional<Instant> after = before.isEmpty() ? candidate
        : candidate.filter(c -> c.isAfter(before.get())).or(() -> before);
    return new Watermarks(before, after);
  }

  /** The watermark after the last batch of a query (by id) before {@code batchId}, if any. */
  public static Optional<Instant> before(SparkSession spark, TableCatalog catalog, String queryId, long batchId) {
    List<Row> rows = spark.read().format("delta").load(catalog.location(OpsTables.PIPELINE_EVENTS))
        .where(col("query_id").equalTo(queryId).and(col("batch_id").lt(batchId)))
        .orderBy(col("batch_id").desc())
        .selectExpr("CAST(get_json_object(details, '$.watermark_after_ms') AS BIGINT)")
        .limit(1)
        .collectAsList();
    return rows.isEmpty() || rows.get(0).isNullAt(0) ? Optional.empty() : Optional.of(Instant.ofEpochMilli(rows.get(0).getLong(0)));
  }

  /** The details JSON of a batch's lineage row. */
  String json(long lateRows, long invalidRows) {
    return String.format("{\"watermark_before_ms\":%s,\"watermark_after_ms\":%s,\"late_rows\":%d,\"invalid_rows\":%d}",
        before.map(t -> Long.toString(t.toEpochMilli())).orElse("null"),
        after.map(t -> Long.toString(t.toEpochMilli())).orElse("null"), lateRows, invalidRows);
  }
}
