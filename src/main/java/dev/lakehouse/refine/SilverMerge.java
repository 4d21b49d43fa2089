package dev.lakehouse.refine;

import io.delta.tables.DeltaTable;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.collection.JavaConverters;

/**
 * The insert-only MERGE that publishes refined rows: a key already in the table is left alone, so
 * replaying a batch or a quarantined record never changes or duplicates a row.
 */
final class SilverMerge {
  /**
   * The Delta version after the commit, how many rows it wrote (inserted, or replaced with latest-by:
   * {@code replaced} of them took the place of an earlier row of their key), and
   * how many it was given; {@code executed} is false when the commit did not happen in this call (the
   * transaction was committed before: a replayed batch), and then the counts are unknown (0).
   */
  record Merged(long version, long inserted, long replaced, long sourceRows, boolean executed) {
    /** Rows the MERGE was given but did not write: their key was taken (or held a later row). */
    long notWritten() {
      return executed ? Math.max(0, sourceRows - inserted) : 0;
    }
  }

  private SilverMerge() {}

  /** (s.a, s.b, ...) > (t.a, t.b, ...) in lexicographic order: the incoming row is later. */
  static String isLater(java.util.List<String> columns) {
    String later = "false";
    for (int i = columns.size() - 1; i >= 0; i--) {
      String c = columns.get(i);
      later = "(s." + c + " > t." + c + " OR (s." + c + " = t." + c + " AND " + later + "))";
    }
    return later;
  }

  /** Inserts new keys; with latest-by, also replaces a stored row by a later one (see {@link #isLater}). */
  static Merged insertNew(SparkSession spark, String location, RefineSpec spec, Dataset<Row> rows) {
    DeltaTable table = DeltaTable.forPath(spark, location);
    long before = table.history(1).select("version").head().getLong(0);
    io.delta.tables.DeltaMergeBuilder merge = table.as("t")
        .merge(rows.as("s"), String.join(" AND ", spec.mergeKeys().stream().map(k -> "t." + k + " = s." + k).toList()));
    if (spec.keepsLatest()) {
      merge = merge.whenMatched(isLater(spec.latestBy())).updateAll();
    }
    merge.whenNotMatched().insertAll().execute();
    // one history read gives both the version and the commit's metrics
    Row last = table.history(1).select("version", "operation", "operationMetrics").head();
    Map<String, String> metrics = JavaConverters.mapAsJavaMap(last.getMap(2));
    boolean executed = last.getLong(0) > before && "MERGE".equals(last.getString(1));
    long inserted = executed
        ? Long.parseLong(metrics.getOrDefault("numTargetRowsInserted", "0"))
            + Long.parseLong(metrics.getOrDefault("numTargetRowsUpdated", "0"))
        : 0;
    long replaced = executed ? Long.parseLong(metrics.getOrDefault("numTargetRowsUpdated", "0")) : 0;
    long sourceRows = executed ? Long.parseLong(metrics.getOrDefault("numSourceRows", "0")) : 0;
    return new Merged(last.getLong(0), inserted, replaced, sourceRows, executed);
  }
}
