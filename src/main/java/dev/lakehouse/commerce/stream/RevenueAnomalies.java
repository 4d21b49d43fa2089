package dev.lakehouse.commerce.stream;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Revenue anomalies by z-score: each 5-minute window's revenue against the mean and sample standard
 * deviation of the {@code windows} windows before it. A pure transform over a batch frame of window
 * totals; the streaming job calls it in foreachBatch on totals read back from gold, because an
 * unbounded {@code Window.orderBy} does not run on a streaming frame.
 *
 * <p>Windows without sales in the series count as zero revenue. A window is judged only with a full
 * history ({@code windows} windows from the start of the series) and a history that varies: when
 * every window before it had the same revenue the z-score is undefined and nothing is flagged.
 */
public final class RevenueAnomalies {
  private RevenueAnomalies() {}

  /**
   * One row per 5-minute window from {@code first} to {@code last} (window starts, both included):
   * window_start, window_end, revenue, history_mean, history_stddev, z_score (null when not judged)
   * and is_anomaly ({@code |z| > threshold}).
   *
   * @param totals (window_start, revenue) rows; windows outside [first, last] are ignored
   */
  public static Dataset<Row> apply(Dataset<Row> totals, Instant first, Instant last, int windows, double threshold) {
    WindowSpec history = Window.orderBy("window_start").rowsBetween(-windows, -1);
    // every window of the range, so a window without sales is a zero, not a gap
    Dataset<Row> slots = totals.sparkSession().range(1)
        .select(expr(String.format("explode(sequence(%s, %s, INTERVAL 5 MINUTES))", literal(first), literal(last)))
            .as("window_start"));
    return slots
        .join(totals.select(col("window_start"), col("revenue").cast("double").as("sales")), "window_start", "left")
        .select(col("window_start"), coalesce(col("sales"), lit(0.0)).as("revenue"))
        .withColumn("history_windows", count(lit(1)).over(history))
        .withColumn("history_mean", avg("revenue").over(history))
        .withColumn("history_stddev", stddev_samp("revenue").over(history))
        .withColumn("z_score", when(col("history_windows").equalTo(windows).and(col("history_stddev").gt(0)),
            col("revenue").minus(col("history_mean")).divide(col("history_stddev"))))
        .withColumn("is_anomaly", coalesce(abs(col("z_score")).gt(threshold), lit(false)))
        .withColumn("window_end", expr("window_start + INTERVAL 5 MINUTES"))
        .select("window_start", "window_end", "revenue", "history_mean", "history_stddev", "z_score", "is_anomaly");
  }

  private static String literal(Instant instant) {
    return "timestamp_millis(" + instant.toEpochMilli() + "L)";
  }
}
