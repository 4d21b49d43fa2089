package dev.lakehouse;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.monitor.StreamMonitor;
import dev.lakehouse.spark.Sessions;
import org.apache.spark.sql.SparkSession;

/** A process's view of the lakehouse: its config, its session, and the declared tables open in it. */
public record Lakehouse(LakehouseConfig config, TableCatalog catalog, SparkSession spark) {

  /**
   * Builds (or reuses) the session, opens the declared tables in it (each is entered on first use,
   * see {@link TableCatalog#openIn}) and installs the stream monitor (every streaming query's
   * progress goes to ops.stream_progress).
   */
  public static Lakehouse open(LakehouseConfig config, String appName) {
    TableCatalog declared = Timings.time("read table declarations", () -> TableCatalog.load(config));
    SparkSession spark = Timings.time("spark session", () -> Sessions.session(config, appName));
    TableCatalog catalog = Timings.time("open table catalog", () -> declared.openIn(spark));
    StreamMonitor.install(spark, catalog);
    return new Lakehouse(config, catalog, spark);
  }
}
