package dev.lakehouse;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.spark.Sessions;
import org.apache.spark.sql.SparkSession;

/** A process's view of the lakehouse: its config, its session, and every declared table registered. */
public record Lakehouse(LakehouseConfig config, TableCatalog catalog, SparkSession spark) {

  /** Builds (or reuses) the session and registers every declared table in it. */
  public static Lakehouse open(LakehouseConfig config, String appName) {
    TableCatalog catalog = TableCatalog.load(config);
    SparkSession spark = Sessions.session(config, appName);
    catalog.registerAll(spark);
    return new Lakehouse(config, catalog, spark);
  }
}
