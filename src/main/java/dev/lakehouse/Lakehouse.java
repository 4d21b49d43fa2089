package dev.lakehouse;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.monitor.StreamMonitor;
import dev.lakehouse.spark.Sessions;
import org.apache.spark.sql.SparkSession;

/** A process's view of the lakehouse: its config, its session, and every declared table registered. */
public record Lakehouse(LakehouseConfig config, TableCatalog catalog, SparkSession spark) {

  /**
   * Builds (or reuses) the session, registers every declared table in it and installs the stream
   * monitor (every streaming query's progress goes to ops.stream_progress).
   */
  public static Lakehouse open(LakehouseConfig config, String appName) {
    TableCatalog catalog = TableCatalog.load(config);
    SparkSession spark = Sessions.session(config, appName);
    catalog.registerAll(spark);
    StreamMonitor.install(spark, catalog);
    return new Lakehouse(config, catalog, spark);
  }
}
