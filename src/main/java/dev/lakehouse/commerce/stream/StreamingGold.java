package dev.lakehouse.commerce.stream;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.window;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The pure transforms behind the streaming commerce gold tables. Each takes the source rows of the
 * keys it is asked to (re)compute and returns their complete gold rows, without the {@code
 * updated_at} the job adds; no I/O, no clock.
 */
public final class StreamingGold {
  /** Length of the gold windows; windows start at multiples of it since the epoch. */
  public static final String WINDOW = "5 minutes";
  public static final long WINDOW_MS = 5 * 60 * 1000L;
  /** Category of events that name none, so the window key has no null. */
  public static final String NO_CATEGORY = "unknown";

  private StreamingGold() {}

  /** The start of the 5-minute window an event time falls in. */
  public static Column windowStart(Column eventAt) {
    return window(eventAt, WINDOW).getField("start");
  }

  /**
   * gold.commerce_behavior_5m: per 5-minute window, event type and category, the events, distinct
   * users and distinct sessions, from rows of silver.commerce_events.
   */
  public static Dataset<Row> behavior5m(Dataset<Row> events) {
    // an event belongs to the window its event time falls in; a missing category is its own group
    return events
        .groupBy(window(col("event_at"), WINDOW).as("window"), col("event_type"),
            coalesce(col("category"), lit(NO_CATEGORY)).as("category"))
        .agg(count(lit(1)).as("events"),
            countDistinct("user_id").as("unique_users"),
            countDistinct("session_id").as("unique_sessions"))
        .select(col("window.start").as("window_start"), col("window.end").as("window_end"),
            col("window.start").cast("date").as("behavior_date"), col("event_type"), col("category"),
            col("events"), col("unique_users"), col("unique_sessions"));
  }

  /**
   * gold.commerce_sessions: one row per session_id of the given events (all of each session's events
   * are expected): first and last activity, duration, page views, distinct products viewed, the
   * event types in event-time order and whether the session purchased. Events without a session are
   * left out.
   */
  public static Dataset<Row> sessions(Dataset<Row> events) {
    return events
        .where(col("session_id").isNotNull())
        .groupBy(col("session_id"))
        .agg(expr("min_by(user_id, struct(event_at, event_id))").as("user_id"),
            min("event_at").as("first_event_at"),
            max("event_at").as("last_event_at"),
            count(lit(1)).as("events"),
            expr("count_if(event_type = 'view')").as("page_views"),
            expr("count(DISTINCT CASE WHEN event_type = 'view' THEN product_id END)").as("products_viewed"),
            // sorting structs orders by event time first, then by event_id for events of the same instant
            expr("transform(array_sort(collect_list(struct(event_at, event_id, event_type))), e -> e.event_type)")
                .as("event_sequence"),
            expr("max(event_type = 'purchase')").as("is_converted"))
        .select(col("session_id"), col("user_id"), col("first_event_at").cast("date").as("session_date"),
            col("first_event_at"), col("last_event_at"),
            expr("unix_millis(last_event_at) - unix_millis(first_event_at)").as("duration_ms"),
            col("events"), col("page_views"), col("products_viewed"), col("event_sequence"), col("is_converted"));
  }

  /**
   * gold.commerce_sales_5m: per 5-minute window and product, revenue, units, distinct orders and the
   * average price paid per unit, from order lines (order_id, line_number, product_id, category,
   * quantity, unit_price, discount, revenue, ordered_at).
   */
  public static Dataset<Row> sales5m(Dataset<Row> lines) {
    return lines
        .groupBy(window(col("ordered_at"), WINDOW).as("window"), col("product_id"))
        .agg(expr("max_by(category, ordered_at)").as("category"),
            sum(col("revenue").cast("double")).as("revenue"),
            sum(col("quantity").cast("long")).as("quantity"),
            countDistinct("order_id").as("orders"))
        .select(col("window.start").as("window_start"), col("window.end").as("window_end"),
            col("window.start").cast("date").as("sales_date"), col("product_id"), col("category"),
            coalesce(col("revenue"), lit(0.0)).as("revenue"), coalesce(col("quantity"), lit(0L)).as("quantity"),
            col("orders"), expr("revenue / nullif(quantity, 0)").as("avg_price"));
  }

  /**
   * Revenue per window over all products, from gold.commerce_sales_5m rows: (window_start, revenue,
   * revenue_squares), the last the sum of the squared revenues of the window's products, which
   * measures how much of the window's revenue rests on a few large sales.
   */
  public static Dataset<Row> revenueTotals(Dataset<Row> sales) {
    return sales.groupBy(col("window_start"))
        .agg(sum(col("revenue")).as("revenue"), sum(col("revenue").multiply(col("revenue"))).as("revenue_squares"));
  }
}
