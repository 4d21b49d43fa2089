package dev.lakehouse.ops;

import dev.lakehouse.Timings;
import dev.lakehouse.catalog.TableCatalog;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.delta.DeltaLog;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/** Writes to the ops tables (lineage, quarantine); every write is safe to repeat. */
public final class OpsTables {
  public static final String PIPELINE_EVENTS = "ops.pipeline_events";
  public static final String QUARANTINE = "ops.quarantine";

  private static final StructType PIPELINE_EVENT_SCHEMA = new StructType()
      .add("query_name", DataTypes.StringType, false)
      .add("query_id", DataTypes.StringType)
      .add("batch_id", DataTypes.LongType, false)
      .add("source", DataTypes.StringType, false)
      .add("source_offsets", DataTypes.StringType)
      .add("target_table", DataTypes.StringType, false)
      .add("target_version", DataTypes.LongType)
      .add("input_rows", DataTypes.LongType, false)
      .add("output_rows", DataTypes.LongType, false)
      .add("quarantined_rows", DataTypes.LongType, false)
      .add("details", DataTypes.StringType)
      .add("started_at", DataTypes.TimestampType, false)
      .add("finished_at", DataTypes.TimestampType, false)
      .add("event_date", DataTypes.DateType, false);

  private final TableCatalog catalog;

  public OpsTables(TableCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Appends one lineage row exactly once per (appId, version): a batch replayed after a crash
   * writes nothing the second time.
   */
  public void record(SparkSession spark, PipelineEvent event, String appId, long version) {
    Dataset<Row> row = spark.createDataFrame(List.of(RowFactory.create(event.values())), PIPELINE_EVENT_SCHEMA);
    Timings.time("commit " + PIPELINE_EVENTS, () -> row.write()
        .format("delta")
        .mode("append")
        .option("txnAppId", appId)
        .option("txnVersion", version)
        .save(catalog.location(PIPELINE_EVENTS)));
  }

  /**
   * Adds quarantined records that are not there yet (keyed by quarantine_id), so replaying a batch
   * or re-running from a new checkpoint never duplicates them.
   */
  public void quarantine(Dataset<Row> records) {
    Timings.time("merge " + QUARANTINE, () -> DeltaRetries.onConflict(() ->
        DeltaTable.forPath(records.sparkSession(), catalog.location(QUARANTINE))
            .as("q")
            .merge(records.as("r"), "q.quarantine_id = r.quarantine_id")
            .whenNotMatched()
            .insertAll()
            .execute()));
  }

  /**
   * The source offsets recorded by the last batch of a query (by its id, stable across restarts
   * from one checkpoint) before {@code beforeBatch}, or null when it has none (a first run).
   */
  public String lastSourceOffsets(SparkSession spark, String queryId, long beforeBatch) {
    List<Row> rows = spark.read().format("delta").load(catalog.location(PIPELINE_EVENTS))
        .filter(org.apache.spark.sql.functions.col("query_id").equalTo(queryId)
            .and(org.apache.spark.sql.functions.col("batch_id").lt(beforeBatch)))
        .orderBy(org.apache.spark.sql.functions.col("batch_id").desc())
        .select("source_offsets")
        .limit(1)
        .collectAsList();
    return rows.isEmpty() ? null : rows.get(0).getString(0);
  }

  /**
   * The latest version of a Delta table at a location, from the log's cached snapshot brought up to
   * date (a listing of the commits since; reading the history instead took 0.7-0.9 s a streaming
   * batch on 2 cores).
   */
  public static long latestVersion(SparkSession spark, String location) {
    long version = DeltaLog.forTable(spark, location).update(false, Option.empty(), Option.empty()).version();
    if (version < 0) {
      throw new IllegalStateException("No Delta table at " + location + ": its _delta_log holds no commit");
    }
    return version;
  }
}
