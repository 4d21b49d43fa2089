package dev.lakehouse.commerce.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.spark.StreamingQueries;
import dev.lakehouse.testing.TestLakehouse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;

/**
 * gold.commerce_sales_5m and the revenue anomaly detector over a small Delta table of order lines
 * (the schema silver.commerce_orders will have), streamed in two batches.
 */
class CommerceSalesStreamingTest {
  private static final String ORDERS = "default.test_order_lines";
  private Lakehouse lakehouse;

  private void open() {
    lakehouse = TestLakehouse.fresh("commerce.watermark=10m", "commerce.anomaly-windows=4", "commerce.anomaly-z=3.0");
    lakehouse.spark().sql("DROP TABLE IF EXISTS " + ORDERS);
    lakehouse.spark().sql("CREATE TABLE " + ORDERS + " (order_id STRING, line_number INT, product_id STRING, category STRING, "
        + "quantity INT, unit_price DOUBLE, discount DOUBLE, revenue DOUBLE, ordered_at TIMESTAMP) USING DELTA LOCATION '"
        + lakehouse.config().path("test/order_lines") + "'");
  }

  /**
   * Window k (from 10:00) sells one order of two lines a minute into the window: 2 x p2 at 20.00 and
   * p1 for the rest of the window's revenue.
   */
  private void sell(double[] revenue, int from, int to) {
    List<Row> rows = new ArrayList<>();
    for (int k = from; k < to; k++) {
      Timestamp at = Timestamp.from(RevenueAnomaliesTest.window(k).plusSeconds(60));
      rows.add(RowFactory.create("o" + k, 1, "p1", "shoes", 1, revenue[k] - 40, 0.0, revenue[k] - 40, at));
      rows.add(RowFactory.create("o" + k, 2, "p2", "books", 2, 20.0, 0.0, 40.0, at));
    }
    append(rows);
  }

  private void append(List<Row> rows) {
    lakehouse.spark().createDataFrame(rows, lakehouse.spark().table(ORDERS).schema()).write().format("delta").mode("append")
        .saveAsTable(ORDERS);
  }

  private void stream() throws Exception {
    StreamingQueries.awaitAll(List.of(new CommerceStreams(lakehouse.config(), lakehouse.catalog())
        .startSales(lakehouse.spark(), Trigger.AvailableNow(), ORDERS)), System.out, Duration.ofMinutes(5));
  }

  private List<String> strings(String sql) {
    return lakehouse.spark().sql(sql).collectAsList().stream().map(Row::toString).toList();
  }

  @Test
  void oneSpikeRaisesExactlyOneAlertAcrossBatchesAndReruns() throws Exception {
    open();
    double[] revenue = RevenueAnomaliesTest.cycle(19);
    revenue[8] = 1000;
    // batch 1: 10:00 to 10:59, watermark 10:46 closes the windows up to 10:40, the spike's
    sell(revenue, 0, 12);
    stream();
    // windows 10:20..10:35 sold 98, 102, 99, 101 (median 100) as p1 for revenue - 40 and p2 for 40: the mean of the
    // squared product revenues is 5202.5, the spread 2 sqrt(5202.5) = 144.26 and z 900 / 144.26 = 6.24, critical
    assertThat(strings("SELECT rule, severity, subject, window_start, value, expected_range FROM ops.alerts"))
        .containsExactly("[commerce.revenue_anomaly,critical,revenue,2026-11-21 10:40:00.0,1000.0,[-332.77, 532.77]]");
    // batch 2: 11:00 to 11:31 and a line of 10:30, older than the watermark (10:46)
    sell(revenue, 12, 19);
    append(List.of(RowFactory.create("late1", 1, "p1", "shoes", 5, 100.0, 0.0, 500.0,
        Timestamp.from(Instant.parse("2026-11-21T10:30:30Z")))));
    stream();
    stream();
    new RevenueAnomalyAlerts(lakehouse.catalog(), lakehouse.config().commerceStream())
        .detect(lakehouse.spark(), RevenueAnomaliesTest.window(0), RevenueAnomaliesTest.window(18), Instant.now());
    assertThat(strings("SELECT count(*) FROM ops.alerts WHERE rule = 'commerce.revenue_anomaly'")).containsExactly("[1]");
    // the late line is kept, not counted: every window's revenue is what was sold on time
    assertThat(strings("SELECT record_key, watermark_at FROM ops.late_events WHERE query_name = 'gold.commerce_sales'"))
        .containsExactly("[late1:1,2026-11-21 10:46:00.0]");
    List<String> expected = new ArrayList<>();
    for (int k = 0; k < 19; k++) {
      expected.add(String.format("[%s,%.1f]", Timestamp.from(RevenueAnomaliesTest.window(k)), revenue[k]));
    }
    assertThat(strings("SELECT window_start, sum(revenue) FROM gold.commerce_sales_5m GROUP BY 1 ORDER BY 1")).isEqualTo(expected);
    assertThat(strings("SELECT product_id, revenue, quantity, orders, avg_price FROM gold.commerce_sales_5m "
        + "WHERE window_start = '2026-11-21 10:40:00' ORDER BY 1")).containsExactly("[p1,960.0,1,1,960.0]", "[p2,40.0,2,1,20.0]");
  }

  @Test
  void aSteadySeriesRaisesNone() throws Exception {
    open();
    double[] revenue = RevenueAnomaliesTest.cycle(19);
    sell(revenue, 0, 19);
    stream();
    assertThat(strings("SELECT count(*) FROM gold.commerce_sales_5m")).containsExactly("[38]");
    assertThat(strings("SELECT count(*) FROM ops.alerts")).containsExactly("[0]");
  }

  @Test
  void aSourceWithoutTheOrderLineColumnsIsRefusedByName() {
    open();
    lakehouse.spark().sql("DROP TABLE IF EXISTS default.test_orders_without_lines");
    lakehouse.spark().sql("CREATE TABLE default.test_orders_without_lines (order_id STRING, ordered_at TIMESTAMP) USING DELTA "
        + "LOCATION '" + lakehouse.config().path("test/orders_without_lines") + "'");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CommerceStreams(lakehouse.config(), lakehouse.catalog())
            .startSales(lakehouse.spark(), Trigger.AvailableNow(), "default.test_orders_without_lines"))
        .hasMessage("Cannot stream sales from default.test_orders_without_lines: it has no column line_number, product_id, "
            + "category, quantity, revenue; order lines need " + CommerceStreams.ORDER_LINE_COLUMNS);
  }
}
