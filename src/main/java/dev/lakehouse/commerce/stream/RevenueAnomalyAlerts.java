package dev.lakehouse.commerce.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import dev.lakehouse.alerts.Alert;
import dev.lakehouse.alerts.AlertStore;
import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Judges the revenue of 5-minute windows in gold.commerce_sales_5m by {@link RevenueAnomalies} and
 * raises {@code commerce.revenue_anomaly} in ops.alerts for each new anomaly: the first window of a
 * run of anomalous windows, however the run is split over batches (the window before the first one
 * judged is judged again to know whether a run continues). The alert id is derived from the window,
 * so judging a window again (a replayed batch, a rerun) raises nothing new.
 */
public final class RevenueAnomalyAlerts {
  public static final String RULE = "commerce.revenue_anomaly";
  public static final String SUBJECT = "revenue";
  static final String SALES = "gold.commerce_sales_5m";

  private final TableCatalog catalog;
  private final LakehouseConfig.CommerceStream settings;

  public RevenueAnomalyAlerts(TableCatalog catalog, LakehouseConfig.CommerceStream settings) {
    this.catalog = catalog;
    this.settings = settings;
  }

  /**
   * Judges the windows starting from {@code first} to {@code last} (5-minute aligned, both included)
   * against their preceding windows and alerts the new anomalies among them.
   *
   * @return the windows alerted (window_start, window_end, revenue, history_median, history_spread, z_score, ...)
   */
  public List<Row> detect(SparkSession spark, Instant first, Instant last, Instant now) {
    Dataset<Row> sales = spark.read().format("delta").load(catalog.location(SALES));
    Row start = sales.agg(min("window_start")).head();
    if (start.isNullAt(0) || last.isBefore(first)) {
      return List.of();
    }
    Instant seriesStart = start.getTimestamp(0).toInstant();
    // the window before the first is judged too, with its own full history, to tell a new anomaly from a continued one
    Instant historyStart = first.minusMillis((settings.anomalyWindows() + 1L) * StreamingGold.WINDOW_MS);
    Instant from = historyStart.isAfter(seriesStart) ? historyStart : seriesStart;
    if (last.isBefore(from)) {
      return List.of();
    }
    Dataset<Row> totals = StreamingGold.revenueTotals(sales
        .where(col("window_start").between(lit(from), lit(last))));
    List<Row> anomalies = RevenueAnomalies.apply(totals, from, last, settings.anomalyWindows(), settings.anomalyZ(),
            settings.anomalyNoiseFloor())
        .where(col("is_new_anomaly").and(col("window_start").geq(lit(first))))
        .orderBy("window_start")
        .collectAsList();
    List<Alert> alerts = new ArrayList<>();
    for (Row r : anomalies) {
      alerts.add(alert(r, now));
    }
    new AlertStore(catalog).raise(spark, alerts);
    return anomalies;
  }

  private Alert alert(Row r, Instant now) {
    Instant start = r.getTimestamp(r.fieldIndex("window_start")).toInstant();
    double revenue = r.getDouble(r.fieldIndex("revenue"));
    double median = r.getDouble(r.fieldIndex("history_median"));
    double spread = r.getDouble(r.fieldIndex("history_spread"));
    double z = r.getDouble(r.fieldIndex("z_score"));
    double threshold = settings.anomalyZ();
    return new Alert("commerce", RULE, Math.abs(z) >= 2 * threshold ? "critical" : "warning", SUBJECT,
        String.format("Revenue %.2f in the 5 minutes from %s is %.1f spreads %s the median of the %d windows "
                + "before it (%.2f, spread %.2f); see %s", revenue, start, Math.abs(z), z > 0 ? "above" : "below",
            settings.anomalyWindows(), median, spread, SALES),
        revenue, String.format("[%.2f, %.2f]", median - threshold * spread, median + threshold * spread),
        start, start.plusMillis(StreamingGold.WINDOW_MS), now);
  }
}
