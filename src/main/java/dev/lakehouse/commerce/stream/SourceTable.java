package dev.lakehouse.commerce.stream;

import dev.lakehouse.catalog.TableCatalog;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

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
    return orderLines(location.isPresent()
        ? spark.readStream().format("delta").load(location.get())
        : spark.readStream().format("delta").table(name));
  }

  public Dataset<Row> batch(SparkSession spark) {
    return orderLines(location.isPresent() ? spark.read().format("delta").load(location.get()) : spark.read().table(name));
  }

  // silver.commerce_orders keeps money in cents and numbers lines line_no: give the sales query its line_number and
  // revenue (in currency units) when a table has only those
  static Dataset<Row> orderLines(Dataset<Row> rows) {
    List<String> columns = List.of(rows.columns());
    Dataset<Row> out = rows;
    if (columns.contains("line_no") && !columns.contains("line_number")) {
      out = out.withColumn("line_number", functions.col("line_no"));
    }
    if (columns.contains("revenue_cents") && !columns.contains("revenue")) {
      out = out.withColumn("revenue", functions.col("revenue_cents").divide(100.0));
    }
    return out;
  }
}
