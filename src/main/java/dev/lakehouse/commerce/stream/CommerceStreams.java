package dev.lakehouse.commerce.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The streaming commerce gold queries (`commerce stream`):
 *
 * <ul>
 *   <li>{@code gold.commerce_behavior} reads silver.commerce_events and keeps
 *       gold.commerce_behavior_5m and gold.commerce_sessions;
 *   <li>{@code gold.commerce_sales} reads order lines (silver.commerce_orders unless another table is
 *       named) and keeps gold.commerce_sales_5m, then judges the revenue of the windows the
 *       watermark closed in the batch and raises {@code commerce.revenue_anomaly} alerts.
 * </ul>
 *
 * <p>Both track an event-time watermark ({@code commerce.watermark} behind the newest event time)
 * and keep later records in ops.late_events instead of counting them ({@link LateSplit}). Each
 * micro-batch recomputes the windows and sessions it touches from the source, without the late
 * records, and MERGEs them ({@link KeyedReplace}); a replayed batch or a rerun writes the same rows.
 */
public final class CommerceStreams {
  public static final String BEHAVIOR_QUERY = "gold.commerce_behavior";
  public static final String SALES_QUERY = "gold.commerce_sales";
  public static final String EVENTS = "silver.commerce_events";
  public static final String ORDERS = "silver.commerce_orders";
  public static final String BEHAVIOR = "gold.commerce_behavior_5m";
  public static final String SESSIONS = "gold.commerce_sessions";
  public static final String SALES = RevenueAnomalyAlerts.SALES;
  public static final String LATE = LateSplit.LATE;
  private static final String ORDER_LINE_KEY = "concat(order_id, ':', line_number)";
  /** The columns of order lines the sales query reads. */
  public static final List<String> ORDER_LINE_COLUMNS =
      List.of("order_id", "line_number", "product_id", "category", "quantity", "revenue", "ordered_at");

  private final LakehouseConfig config;
  private final TableCatalog catalog;

  public CommerceStreams(LakehouseConfig config, TableCatalog catalog) {
    this.config = config;
    this.catalog = catalog;
  }

  /** Starts the behaviour and sessions query over silver.commerce_events. */
  public StreamingQuery startBehavior(SparkSession spark, Trigger trigger) throws TimeoutException {
    SourceTable events = SourceTable.of(catalog, EVENTS);
    LateSplit split = new LateSplit(BEHAVIOR_QUERY, EVENTS, "event_at", "event_id", List.of("event_id", "event_at", "event_type"),
        config.commerceStream().watermark(), catalog, new BehaviorWriter(events));
    return events.stream(spark).writeStream()
        .queryName(BEHAVIOR_QUERY)
        .option("checkpointLocation", config.path("checkpoints/commerce/behavior"))
        .trigger(trigger)
        .foreachBatch(split)
        .start();
  }

  /**
   * Starts the sales and revenue anomaly query over the order lines of {@code ordersTable}; each
   * source table has its own checkpoint.
   */
  public StreamingQuery startSales(SparkSession spark, Trigger trigger, String ordersTable) throws TimeoutException {
    SourceTable orders = sourceOf(spark, ordersTable);
    LateSplit split = new LateSplit(SALES_QUERY, orders.name(), "ordered_at", ORDER_LINE_KEY,
        List.of("order_id", "line_number", "product_id", "ordered_at"), config.commerceStream().watermark(), catalog,
        new SalesWriter(orders, new RevenueAnomalyAlerts(catalog, config.commerceStream())));
    return orders.stream(spark).writeStream()
        .queryName(SALES_QUERY)
        .option("checkpointLocation", config.path("checkpoints/commerce/sales/" + ordersTable.replaceAll("[^A-Za-z0-9_.-]", "_")))
        .trigger(trigger)
        .foreachBatch(split)
        .start();
  }

  /** The order-lines table, or a message saying it is missing (or lacks columns) and what to do. */
  public SourceTable sourceOf(SparkSession spark, String ordersTable) {
    SourceTable orders = SourceTable.of(catalog, ordersTable);
    if (!orders.exists(spark)) {
      throw new IllegalArgumentException(String.format("Cannot stream sales from %s: no such table; declare it in tables/ "
          + "or name an existing Delta table of order lines with --orders-table", ordersTable));
    }
    List<String> columns = List.of(orders.batch(spark).columns());
    List<String> missing = ORDER_LINE_COLUMNS.stream().filter(c -> !columns.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(String.format("Cannot stream sales from %s: it has no column %s; order lines need %s",
          ordersTable, String.join(", ", missing), ORDER_LINE_COLUMNS));
    }
    return orders;
  }

  /** The event-time range of a batch: its first and last 5-minute window starts. */
  private record Span(Instant firstWindow, Instant lastWindow) {
    static Span of(Dataset<Row> batch, String eventColumn) {
      Row r = batch.agg(min(eventColumn), max(eventColumn)).head();
      return new Span(floor(r.getTimestamp(0).toInstant()), floor(r.getTimestamp(1).toInstant()));
    }

    Instant endExclusive() {
      return lastWindow.plusMillis(StreamingGold.WINDOW_MS);
    }

    LocalDate firstDate() {
      return firstWindow.atZone(ZoneOffset.UTC).toLocalDate();
    }

    LocalDate lastDate() {
      return lastWindow.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** A target condition keeping the windows of the span, for {@link KeyedReplace}. */
    String windowPrune(String dateColumn) {
      return String.format("%%1$s.%s BETWEEN DATE'%s' AND DATE'%s' AND %%1$s.window_start >= timestamp_millis(%dL) "
          + "AND %%1$s.window_start < timestamp_millis(%dL)", dateColumn, firstDate(), lastDate(), firstWindow.toEpochMilli(),
          endExclusive().toEpochMilli());
    }
  }

  static Instant floor(Instant t) {
    return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), StreamingGold.WINDOW_MS) * StreamingGold.WINDOW_MS);
  }

  /** Recomputes the behaviour windows and the sessions a batch of events touches. */
  private final class BehaviorWriter implements GoldWriter {
    private final SourceTable events;

    BehaviorWriter(SourceTable events) {
      this.events = events;
    }

    @Override
    public String target() {
      return BEHAVIOR;
    }

    @Override
    public long write(SparkSession spark, Dataset<Row> batch, Watermarks marks, long batchId) {
      Span span = Span.of(batch, "event_at");
      Timestamp now = Timestamp.from(Instant.now());
      Dataset<Row> lateKeys = LateSplit.lateKeys(spark, catalog, BEHAVIOR_QUERY);
      // the windows touched, recomputed from every event of silver in them except the late ones
      Dataset<Row> windows = batch.select(StreamingGold.windowStart(col("event_at")).as("window_start")).distinct();
      Dataset<Row> inWindows = LateSplit.withoutLate(events.batch(spark)
          .where(col("event_date").between(lit(span.firstDate()), lit(span.lastDate()))
              .and(col("event_at").geq(lit(span.firstWindow())))
              .and(col("event_at").lt(lit(span.endExclusive()))))
          .withColumn("window_start", StreamingGold.windowStart(col("event_at")))
          .join(windows, KeyedReplace.seq(List.of("window_start")), "left_semi")
          .drop("window_start"), "event_id", lateKeys);
      Dataset<Row> behavior = StreamingGold.behavior5m(inWindows).withColumn("updated_at", lit(now)).persist();
      // the sessions touched, from their events of the day before to the day after (sessions are shorter than a day)
      Dataset<Row> sessionIds = batch.where(col("session_id").isNotNull()).select("session_id").distinct();
      Dataset<Row> ofSessions = LateSplit.withoutLate(events.batch(spark)
          .where(col("event_date").between(lit(span.firstDate().minusDays(1)), lit(span.lastDate().plusDays(1))))
          .join(sessionIds, KeyedReplace.seq(List.of("session_id")), "left_semi"), "event_id", lateKeys);
      Dataset<Row> sessions = StreamingGold.sessions(ofSessions).withColumn("updated_at", lit(now)).persist();
      try {
        KeyedReplace.replace(spark, catalog.location(BEHAVIOR), behavior, windows, "window_start",
            List.of("window_start", "event_type", "category"), span.windowPrune("behavior_date"));
        KeyedReplace.replace(spark, catalog.location(SESSIONS), sessions, sessionIds, "session_id", List.of("session_id"),
            String.format("%%1$s.session_date BETWEEN DATE'%s' AND DATE'%s'", span.firstDate().minusDays(1), span.lastDate()));
        return behavior.count() + sessions.count();
      } finally {
        behavior.unpersist();
        sessions.unpersist();
      }
    }
  }

  /** Recomputes the sales windows a batch of order lines touches, then judges the windows it closed. */
  private final class SalesWriter implements GoldWriter {
    private final SourceTable orders;
    private final RevenueAnomalyAlerts anomalies;

    SalesWriter(SourceTable orders, RevenueAnomalyAlerts anomalies) {
      this.orders = orders;
      this.anomalies = anomalies;
    }

    @Override
    public String target() {
      return SALES;
    }

    @Override
    public long write(SparkSession spark, Dataset<Row> batch, Watermarks marks, long batchId) {
      Span span = Span.of(batch, "ordered_at");
      Dataset<Row> windows = batch.select(StreamingGold.windowStart(col("ordered_at")).as("window_start")).distinct();
      Dataset<Row> lines = LateSplit.withoutLate(orders.batch(spark)
          .where(col("ordered_at").geq(lit(span.firstWindow())).and(col("ordered_at").lt(lit(span.endExclusive())))
              .and(col("order_id").isNotNull()).and(col("line_number").isNotNull()).and(col("product_id").isNotNull()))
          .withColumn("window_start", StreamingGold.windowStart(col("ordered_at")))
          .join(windows, KeyedReplace.seq(List.of("window_start")), "left_semi")
          .drop("window_start"), ORDER_LINE_KEY, LateSplit.lateKeys(spark, catalog, SALES_QUERY));
      Dataset<Row> sales = StreamingGold.sales5m(lines).withColumn("updated_at", lit(Timestamp.from(Instant.now()))).persist();
      try {
        KeyedReplace.replace(spark, catalog.location(SALES), sales, windows, "window_start", List.of("window_start", "product_id"),
            span.windowPrune("sales_date"));
        judgeClosedWindows(spark, marks);
        return sales.count();
      } finally {
        sales.unpersist();
      }
    }

    // the windows the watermark closed in this batch: ending after the watermark before it, at or before the one after
    private void judgeClosedWindows(SparkSession spark, Watermarks marks) {
      if (marks.after().isEmpty()) {
        return;
      }
      Instant last = floor(marks.after().get()).minusMillis(StreamingGold.WINDOW_MS);
      Instant first = marks.before().map(CommerceStreams::floor).orElse(Instant.EPOCH);
      anomalies.detect(spark, first, last, Instant.now());
    }
  }
}
