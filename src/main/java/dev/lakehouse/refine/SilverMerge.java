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
  /** The Delta version the commit produced and how many rows it inserted. */
  record Merged(long version, long inserted) {}

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
    io.delta.tables.DeltaMergeBuilder merge = table.as("t")
        .merge(rows.as("s"), String.join(" AND ", spec.mergeKeys().stream().map(k -> "t." + k + " = s." + k).toList()));
    if (spec.keepsLatest()) {
      merge = merge.whenMatched(isLater(spec.latestBy())).updateAll();
    }
    merge.whenNotMatched().insertAll().execute();
    // one history read gives both the version and the commit's metrics
    Row last = table.history(1).select("version", "operation", "operationMetrics").head();
    Map<String, String> metrics = JavaConverters.mapAsJavaMap(last.getMap(2));
    long inserted = "MERGE".equals(last.getString(1))
        ? Long.parseLong(metrics.getOrDefault("numTargetRowsInserted", "0"))
            + Long.parseLong(metrics.getOrDefault("numTargetRowsUpdated", "0"))
        : 0;
    return new Merged(last.getLong(0), inserted);
  }
}
