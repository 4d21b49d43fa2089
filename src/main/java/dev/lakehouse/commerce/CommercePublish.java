package dev.lakehouse.commerce;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.lakehouse.Timings;
import dev.lakehouse.alerts.Alert;
import dev.lakehouse.alerts.AlertStore;
import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.quality.GatedWrite;
import dev.lakehouse.quality.QualityGate;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
  /** Alert rule of a product that ended the day with no stock. */
  public static final String STOCK_OUT = "commerce.stock_out";
  /** Alert rule of a product that ended the day with 1 to commerce.low-stock-units units. */
  public static final String LOW_STOCK = "commerce.low_stock";

  /** Rows written per table. */
  public record Published(LocalDate date, long salesRows, long funnelRows, long stockRows, int stockAlerts) {}

  private final TableCatalog catalog;
  private final QualityGate gate;
  private final GatedWrite write;

  public CommercePublish(TableCatalog catalog) {
    this(catalog, new QualityGate(catalog));
  }

  public CommercePublish(TableCatalog catalog, QualityGate gate) {
    this.catalog = catalog;
    this.gate = gate;
    this.write = new GatedWrite(catalog, gate);
  }

  public Published publish(SparkSession spark, LocalDate date, int lowStockUnits) {
    Timestamp now = Timestamp.from(Instant.now());
    Dataset<Row> sales = Timings.time("plan sales", () -> CommerceGold.salesDaily(read(spark, "silver.commerce_orders"), date, now));
    Dataset<Row> funnel = Timings.time("plan funnel", () -> CommerceGold.funnelDaily(read(spark, "silver.commerce_events"), date, now));
    Dataset<Row> stock = Timings.time("plan stock", () ->
        CommerceGold.stockDaily(read(spark, "silver.commerce_inventory_changes"), date, lowStockUnits, now));
    // the three suites' results and metrics go to the ops tables in one commit each
    long[] rows = gate.recordingTogether(spark, () -> new long[] {
        write.replace(spark, SALES, sales, GatedWrite.onDate("sales_date", date), date),
        write.replace(spark, FUNNEL, funnel, GatedWrite.onDate("funnel_date", date), date),
        write.replace(spark, STOCK, stock, GatedWrite.onDate("stock_date", date), date)});
    long salesRows = rows[0];
    long funnelRows = rows[1];
    long stockRows = rows[2];
    int alerts = Timings.time("stock alerts", () -> raiseStockAlerts(spark, date, lowStockUnits));
    return new Published(date, salesRows, funnelRows, stockRows, alerts);
  }

  // one alert per product and day that ended out of stock (critical) or low (warning); a re-run raises nothing new
  private int raiseStockAlerts(SparkSession spark, LocalDate date, int lowStockUnits) {
    Instant dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant dayEnd = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant now = Instant.now();
    List<Alert> alerts = new ArrayList<>();
    for (Row r : read(spark, STOCK).where(col("stock_date").equalTo(lit(java.sql.Date.valueOf(date))))
        .where(col("is_out_of_stock").or(col("is_low_stock")))
        .select("product_id", "stock_units", "stock_outs", "is_out_of_stock").orderBy("product_id").collectAsList()) {
      boolean out = r.getBoolean(3);
      String product = r.getString(0);
      int units = r.getInt(1);
      alerts.add(new Alert("commerce", out ? STOCK_OUT : LOW_STOCK, out ? "critical" : "warning", product,
          out ? String.format("%s ended %s out of stock (%d stock-out(s) during the day); see %s", product, date,
              r.getLong(2), STOCK)
              : String.format("%s ended %s with %d unit(s), at or below commerce.low-stock-units %d; see %s", product,
                  date, units, lowStockUnits, STOCK),
          (double) units, "> " + lowStockUnits, dayStart, dayEnd, now));
    }
    return new AlertStore(catalog).raise(spark, alerts).size();
  }

  private Dataset<Row> read(SparkSession spark, String table) {
    return spark.read().format("delta").load(catalog.location(table));
  }
}
