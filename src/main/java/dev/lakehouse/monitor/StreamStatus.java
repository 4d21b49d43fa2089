package dev.lakehouse.monitor;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import dev.lakehouse.catalog.TableCatalog;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/** Reading ops.stream_progress back for a health verdict (`status`, the dashboard's operations page). */
public final class StreamStatus {
  private StreamStatus() {}

  /** Per query name (sorted), its latest {@code perQuery} reports since {@code from}, oldest first. */
  public static Map<String, List<ProgressRecord>> latestReports(SparkSession spark, TableCatalog catalog, Instant from,
      int perQuery) {
    List<Row> rows = spark.read().format("delta").load(catalog.location(ProgressWriter.TABLE))
        .filter(col("progress_at").geq(Timestamp.from(from)))
        .withColumn("recency", row_number().over(Window.partitionBy("query_name")
            .orderBy(col("progress_at").desc(), col("batch_id").desc())))
        .filter(col("recency").leq(perQuery))
        .orderBy(col("query_name"), col("recency").desc())
        .collectAsList();
    Map<String, List<ProgressRecord>> byQuery = new TreeMap<>();
    for (Row row : rows) {
      ProgressRecord record = ProgressWriter.record(row);
      byQuery.computeIfAbsent(record.queryName(), name -> new ArrayList<>()).add(record);
    }
    return byQuery;
  }
}
