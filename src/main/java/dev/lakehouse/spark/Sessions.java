package dev.lakehouse.spark;

import dev.lakehouse.Timings;
import dev.lakehouse.catalog.LakehouseCatalog;
import dev.lakehouse.config.LakehouseConfig;
import org.apache.spark.sql.SparkSession;

/** The only place a SparkSession is built: Delta enabled (with the lakehouse's catalog), UTC, settings from the config. */
public final class Sessions {
  private static final java.util.Set<org.apache.spark.SparkContext> REPORTING =
      java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

  private Sessions() {}

  /**
   * Returns the process's session, creating it on first use. Under spark-submit the master and
   * resources come from spark-submit; locally they come from {@code spark.master}.
   */
  public static SparkSession session(LakehouseConfig config, String appName) {
    SparkSession.Builder builder = SparkSession.builder()
        .appName(appName)
        // the read-only guard does nothing until a read-only SQL endpoint arms it (serve/sql/SqlEndpoint)
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension," + ReadOnlyGuard.class.getName())
        // Delta's catalog, entering the lakehouse's declared tables on first use
        .config("spark.sql.catalog.spark_catalog", LakehouseCatalog.class.getName())
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", config.spark().shufflePartitions())
        .config("spark.ui.enabled", config.spark().uiEnabled())
        .config("spark.sql.warehouse.dir", config.home() + "/warehouse")
        .config("spark.databricks.delta.schema.autoMerge.enabled", false)
        .config("spark.databricks.delta.snapshotPartitions", config.spark().shufflePartitions());
    if (config.spark().setsMaster()) {
      builder.master(config.spark().master());
    }
    SparkSession spark = builder.getOrCreate();
    if (Timings.requested()) {
      reportJobs(spark);
    }
    return spark;
  }

  private static synchronized void reportJobs(SparkSession spark) {
    if (REPORTING.add(spark.sparkContext())) {
      spark.sparkContext().addSparkListener(new JobTimings());
    }
  }
}
