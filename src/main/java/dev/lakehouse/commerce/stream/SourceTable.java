package dev.lakehouse.commerce.stream;

import dev.lakehouse.catalog.TableCatalog;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A Delta table a streaming gold query reads: a declared table at its catalog location, or any
 * Delta table the session knows by name (e.g. one another team declares later, or a test's table).
 */
public record SourceTable(String name, Optional<String> location) {

  public static SourceTable of(TableCatalog catalog, String name) {
    return new SourceTable(name, catalog.find(name).map(d -> catalog.location(d.name())));
  }

  /** Whether the table exists yet in this session (declared tables always do). */
  public boolean exists(SparkSession spark) {
    return location.isPresent() || spark.catalog().tableExists(name);
  }

  public Dataset<Row> stream(SparkSession spark) {
    return location.isPresent()
        ? spark.readStream().format("delta").load(location.get())
        : spark.readStream().format("delta").table(name);
  }

  public Dataset<Row> batch(SparkSession spark) {
    return location.isPresent() ? spark.read().format("delta").load(location.get()) : spark.read().table(name);
  }
}
