package dev.lakehouse.commerce.stream;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.signum;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Revenue anomalies by a robust z-score: each 5-minute window's revenue against the {@code windows}
 * windows before it, {@code z = (revenue - median) / spread}. A pure transform over a batch frame of
 * window totals; the streaming job calls it in foreachBatch on totals read back from gold, because an
 * unbounded {@code Window.orderBy} does not run on a streaming frame.
 *
 * <p>Why not the mean and standard deviation: the revenue of a window is the sum of a few dozen
 * orders whose values are heavy-tailed (log-normal list prices, a few orders of several units), so
 * one large order moves a window far more than a normal distribution allows, and twelve windows give
 * a noisy standard deviation. On a generated day at demo volume (300,000 records, about 40 orders a
 * window) mean/stddev with {@code |z| > 3} fired about 4.6 false alerts a day. So:
 *
 * <ul>
 *   <li>the baseline is the <b>median</b> of the history, and the spread the <b>median absolute
 *       deviation</b> times 1.4826 (the standard deviation for normal data); neither moves when the
 *       history holds a spike, so the windows after an anomaly are judged against normal traffic;
 *   <li>the spread is at least {@code noiseFloor} times the <b>sampling noise</b> of a window's
 *       revenue: revenue is a compound-Poisson sum of sales, whose variance is the expected sum of
 *       the squared sales, estimated by the mean over the history of {@code revenue_squares} (the sum
 *       of the squared product revenues of a window). A quiet, steady history therefore cannot make a
 *       small deviation huge, and the floor follows the volume: wider at 04:00 than at 20:00, wider
 *       for a small shop than for a large one, with no currency amount to configure. Squares are
 *       summed per product and window, not per sale, which errs towards a wider floor. The factor
 *       (2 by default) allows for the tails of order values, which make a 3-sigma deviation of a sum
 *       of a few dozen sales far more common than for a normal variable.
 * </ul>
 *
 * <p>Windows without sales in the series count as zero revenue. A window is judged only with a full
 * history ({@code windows} windows from the start of the series) and a positive spread. Consecutive
 * anomalous windows on the same side of their medians are one anomaly: {@code is_new_anomaly} marks
 * the first window of such a run, and only it is alerted (the generator's revenue spike fills two
 * windows, 14:00 and 14:05).
 */
public final class RevenueAnomalies {
  /** Scales a median absolute deviation to the standard deviation of normally distributed data. */
  static final double MAD_TO_STDDEV = 1.4826;

  private RevenueAnomalies() {}

  /**
   * One row per 5-minute window from {@code first} to {@code last} (window starts, both included):
   * window_start, window_end, revenue, history_median, history_mad, history_noise, history_spread,
   * z_score (null when not judged), is_anomaly ({@code |z| > threshold}) and is_new_anomaly (an
   * anomaly whose preceding window was not one on the same side).
   *
   * @param totals (window_start, revenue, revenue_squares) rows; windows outside [first, last] are
   *     ignored
   * @param noiseFloor the least spread, as a multiple of sqrt(mean revenue_squares of the history)
   */
  public static Dataset<Row> apply(Dataset<Row> totals, Instant first, Instant last, int windows, double threshold,
      double noiseFloor) {
    WindowSpec series = Window.orderBy("window_start");
    WindowSpec history = series.rowsBetween(-windows, -1);
    // every window of the range, so a window without sales is a zero, not a gap
    Dataset<Row> slots = totals.sparkSession().range(1)
        .select(expr(String.format("explode(sequence(%s, %s, INTERVAL 5 MINUTES))", literal(first), literal(last)))
            .as("window_start"));
    return slots
        .join(totals.select(col("window_start"), col("revenue").cast("double").as("sales"),
            col("revenue_squares").cast("double").as("squares")), "window_start", "left")
        .select(col("window_start"), coalesce(col("sales"), lit(0.0)).as("revenue"),
            coalesce(col("squares"), lit(0.0)).as("revenue_squares"))
        .withColumn("history_windows", count(lit(1)).over(history))
        .withColumn("history", collect_list(col("revenue")).over(history))
        .withColumn("history", expr("array_sort(history)"))
        .withColumn("history_median", median("history"))
        .withColumn("history_deviations", expr("array_sort(transform(history, x -> abs(x - history_median)))"))
        .withColumn("history_mad", median("history_deviations"))
        .withColumn("history_noise", sqrt(avg("revenue_squares").over(history)))
        .withColumn("history_spread", greatest(col("history_mad").multiply(MAD_TO_STDDEV),
            col("history_noise").multiply(noiseFloor)))
        .withColumn("z_score", when(col("history_windows").equalTo(windows).and(col("history_spread").gt(0)),
            col("revenue").minus(col("history_median")).divide(col("history_spread"))))
        .withColumn("is_anomaly", coalesce(abs(col("z_score")).gt(threshold), lit(false)))
        // a run of anomalous windows on the same side of their medians is one anomaly
        .withColumn("continues_anomaly", coalesce(lag(col("is_anomaly"), 1).over(series)
            .and(lag(signum(col("z_score")), 1).over(series).equalTo(signum(col("z_score")))), lit(false)))
        .withColumn("is_new_anomaly", col("is_anomaly").and(col("continues_anomaly").unary_$bang()))
        .withColumn("window_end", expr("window_start + INTERVAL 5 MINUTES"))
        .select("window_start", "window_end", "revenue", "history_median", "history_mad", "history_noise",
            "history_spread", "z_score", "is_anomaly", "is_new_anomaly");
  }

  // the middle of a sorted array, or the mean of its two middle elements
  private static Column median(String sortedArray) {
    return expr(String.format("CASE WHEN size(%1$s) > 0 THEN (element_at(%1$s, CAST(floor((size(%1$s) + 1) / 2) AS INT)) "
        + "+ element_at(%1$s, CAST(ceil((size(%1$s) + 1) / 2) AS INT))) / 2 END", sortedArray));
  }

  private static String literal(Instant instant) {
    return "timestamp_millis(" + instant.toEpochMilli() + "L)";
  }
}
