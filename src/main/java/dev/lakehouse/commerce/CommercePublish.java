package dev.lakehouse.commerce;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.quality.GatedWrite;
import dev.lakehouse.quality.QualityGate;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes one UTC day of the commerce gold tables behind their quality gates (quality/gold/):
 * publishing a date again replaces that date's rows and nothing else; a gate that fails leaves the
 * table (and the tables after it) as they were.
 */
public final class CommercePublish {
  public static final String SALES = "gold.commerce_sales_daily";
  public static final String FUNNEL = "gold.commerce_funnel_daily";
  public static final String STOCK = "gold.commerce_stock_daily";

  /** Rows written per table. */
  public record Published(LocalDate date, long salesRows, long funnelRows, long stockRows) {}

  private final TableCatalog catalog;
  private final GatedWrite write;

  public CommercePublish(TableCatalog catalog) {
    this(catalog, new QualityGate(catalog));
  }

  public CommercePublish(TableCatalog catalog, QualityGate gate) {
    this.catalog = catalog;
    this.write = new GatedWrite(catalog, gate);
  }

  public Published publish(SparkSession spark, LocalDate date, int lowStockUnits) {
    Timestamp now = Timestamp.from(Instant.now());
    Dataset<Row> sales = CommerceGold.salesDaily(read(spark, "silver.commerce_orders"), date, now);
    Dataset<Row> funnel = CommerceGold.funnelDaily(read(spark, "silver.commerce_events"), date, now);
    Dataset<Row> stock = CommerceGold.stockDaily(read(spark, "silver.commerce_inventory_changes"), date, lowStockUnits, now);
    return new Published(date,
        write.replace(spark, SALES, sales, "sales_date = DATE'" + date + "'", date),
        write.replace(spark, FUNNEL, funnel, "funnel_date = DATE'" + date + "'", date),
        write.replace(spark, STOCK, stock, "stock_date = DATE'" + date + "'", date));
  }

  private Dataset<Row> read(SparkSession spark, String table) {
    return spark.read().format("delta").load(catalog.location(table));
  }
}
