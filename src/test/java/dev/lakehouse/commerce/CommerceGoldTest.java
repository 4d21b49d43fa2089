package dev.lakehouse.commerce;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.testing.TestLakehouse;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/** The daily commerce gold figures, against figures worked out by hand from small inline days. */
class CommerceGoldTest {
  private static final LocalDate NOV_20 = LocalDate.parse("2026-11-20");
  private static final LocalDate NOV_21 = LocalDate.parse("2026-11-21");
  private static final Timestamp PUBLISHED = Timestamp.valueOf("2026-11-22 06:00:00");

  // order lines: (order, line, user, product, category, quantity, revenue, flagged, date)
  private static Dataset<Row> orders(SparkSession spark) {
    return spark.sql("SELECT order_id, line_no, user_id, product_id, category, quantity, revenue_cents, is_flagged, "
        + "CAST(ordered_date AS DATE) AS ordered_date FROM VALUES "
        + "('o-1', 1, 'u-1', 'p-1', 'electronics', 2, 2000L, false, '2026-11-21'), "
        + "('o-1', 2, 'u-1', 'p-2', 'books', 1, 500L, false, '2026-11-21'), "
        + "('o-2', 1, 'u-2', 'p-1', 'electronics', 1, 1000L, false, '2026-11-21'), "
        + "('o-3', 1, 'u-2', 'p-3', NULL, 3, 300L, true, '2026-11-21'), "
        + "('o-4', 1, 'u-3', 'p-2', 'books', 1, 999L, false, '2026-11-20') "
        + "AS t(order_id, line_no, user_id, product_id, category, quantity, revenue_cents, is_flagged, ordered_date)");
  }

  private static Dataset<Row> events(SparkSession spark) {
    return spark.sql("SELECT event_id, event_type, user_id, session_id, category, CAST(event_date AS DATE) AS event_date FROM VALUES "
        + "('e-1', 'view', 'u-1', 's-1', 'books', '2026-11-21'), ('e-2', 'cart', 'u-1', 's-1', 'books', '2026-11-21'), "
        + "('e-3', 'purchase', 'u-1', 's-1', 'books', '2026-11-21'), ('e-4', 'view', 'u-1', 's-1', 'toys', '2026-11-21'), "
        + "('e-5', 'view', 'u-2', 's-2', 'books', '2026-11-21'), ('e-6', 'cart', 'u-2', 's-2', 'books', '2026-11-21'), "
        + "('e-7', 'view', 'u-3', 's-3', 'books', '2026-11-21'), ('e-8', 'click', 'u-3', 's-3', 'books', '2026-11-21'), "
        + "('e-9', 'cart', 'u-4', 's-4', 'toys', '2026-11-21'), ('e-10', 'purchase', 'u-4', 's-4', 'toys', '2026-11-21'), "
        + "('e-11', 'view', 'u-5', NULL, 'toys', '2026-11-21'), ('e-12', 'cart', 'u-5', NULL, 'toys', '2026-11-21'), "
        + "('e-13', 'view', 'u-6', 's-6', 'books', '2026-11-20') "
        + "AS t(event_id, event_type, user_id, session_id, category, event_date)");
  }

  private static Dataset<Row> changes(SparkSession spark) {
    return spark.sql("SELECT change_id, product_id, sequence, quantity_delta, stock_after, reason, "
        + "CAST(changed_at AS TIMESTAMP) AS changed_at, CAST(changed_at AS DATE) AS changed_date FROM VALUES "
        + "('c-1', 'p-1', 1L, 20, 20, 'restock', '2026-11-20 23:00:00'), ('c-2', 'p-1', 2L, -12, 8, 'sale', '2026-11-21 09:00:00'), "
        + "('c-3', 'p-1', 3L, -8, 0, 'sale', '2026-11-21 12:00:00'), ('c-4', 'p-1', 4L, 30, 30, 'restock', '2026-11-21 23:30:00'), "
        + "('c-5', 'p-1', 5L, -1, 29, 'sale', '2026-11-22 01:00:00'), ('c-6', 'p-2', 1L, 5, 5, 'restock', '2026-11-20 10:00:00'), "
        + "('c-7', 'p-3', 1L, 3, 3, 'restock', '2026-11-21 10:00:00'), ('c-8', 'p-3', 2L, -3, 0, 'sale', '2026-11-21 11:00:00'), "
        + "('c-9', 'p-4', 1L, 4, 4, 'restock', '2026-11-22 10:00:00') "
        + "AS t(change_id, product_id, sequence, quantity_delta, stock_after, reason, changed_at)");
  }

  @Test
  void salesAddUpRevenueOrdersAverageAndTheBestSellers() {
    Lakehouse lakehouse = TestLakehouse.fresh();
    Row sales = CommerceGold.salesDaily(orders(lakehouse.spark()), NOV_21, PUBLISHED).collectAsList().get(0);
    assertThat(sales.<Long>getAs("revenue_cents")).isEqualTo(3800L);
    assertThat(sales.<Long>getAs("orders")).isEqualTo(3L);
    assertThat(sales.<Long>getAs("order_lines")).isEqualTo(4L);
    assertThat(sales.<Long>getAs("units")).isEqualTo(7L);
    assertThat(sales.<Long>getAs("customers")).isEqualTo(2L);
    assertThat(sales.<Long>getAs("flagged_lines")).isEqualTo(1L);
    assertThat(sales.<Double>getAs("average_order_value_cents")).isCloseTo(3800 / 3.0, within(1e-9));
    assertThat(sales.getList(sales.fieldIndex("top_products"))).extracting(Object::toString)
        .containsExactly("[p-1,3000,3]", "[p-2,500,1]", "[p-3,300,3]");
    assertThat(sales.getList(sales.fieldIndex("top_categories"))).extracting(Object::toString)
        .containsExactly("[electronics,3000,2]", "[books,500,1]", "[unknown,300,1]");

    Row empty = CommerceGold.salesDaily(orders(lakehouse.spark()), LocalDate.parse("2026-11-25"), PUBLISHED).head();
    assertThat(empty.<Long>getAs("revenue_cents")).isZero();
    assertThat(empty.<Long>getAs("orders")).isZero();
    assertThat((Object) empty.getAs("average_order_value_cents")).isNull();
    assertThat(empty.getList(empty.fieldIndex("top_products"))).isEmpty();
  }

  @Test
  void theFunnelKeepsOnlySessionsThatPassedEveryEarlierStep() {
    Lakehouse lakehouse = TestLakehouse.fresh();
    List<Row> funnel = CommerceGold.funnelDaily(events(lakehouse.spark()), NOV_21, PUBLISHED)
        .select("category", "viewing_sessions", "carting_sessions", "purchasing_sessions", "view_to_cart_rate",
            "cart_to_purchase_rate", "view_to_purchase_rate")
        .orderBy("category").collectAsList();
    // books: s-1 viewed, carted, bought; s-2 viewed and carted; s-3 viewed. toys: s-1 viewed; u-5 (no
    // session) viewed and carted; s-4 carted and bought without a view, so it is not in the funnel
    assertThat(funnel).extracting(Row::toString).containsExactly(
        "[books,3,2,1," + 2 / 3.0 + ",0.5," + 1 / 3.0 + "]",
        "[toys,2,1,0,0.5,0.0,0.0]");
  }

  @Test
  void stockAtTheEndOfTheDayWithStockOutsAndLowStock() {
    Lakehouse lakehouse = TestLakehouse.fresh();
    List<Row> stock = CommerceGold.stockDaily(changes(lakehouse.spark()), NOV_21, 10, PUBLISHED)
        .select("product_id", "stock_units", "min_stock_units", "changes", "units_sold", "units_restocked", "stock_outs",
            "is_out_of_stock", "is_low_stock")
        .orderBy("product_id").collectAsList();
    assertThat(stock).extracting(Row::toString).containsExactly(
        "[p-1,30,0,3,20,30,1,false,false]",
        "[p-2,5,5,0,0,0,0,false,true]",
        "[p-3,0,0,2,3,3,1,true,false]");
  }

  @Test
  void publishingADateAgainReplacesThatDateOnly() {
    Lakehouse lakehouse = TestLakehouse.fresh();
    SparkSession spark = lakehouse.spark();
    append(lakehouse, "silver.commerce_orders", orders(spark).withColumn("ordered_at", col("ordered_date").cast("timestamp")));
    append(lakehouse, "silver.commerce_events", events(spark).withColumn("event_at", col("event_date").cast("timestamp")));
    append(lakehouse, "silver.commerce_inventory_changes", changes(spark));
    CommercePublish publish = new CommercePublish(lakehouse.catalog());
    // p-2 ends both days low (5 units), p-3 ends the 21st out of stock: one alert per product and day
    assertThat(publish.publish(spark, NOV_20, 10)).isEqualTo(new CommercePublish.Published(NOV_20, 1, 1, 2, 1));
    assertThat(publish.publish(spark, NOV_21, 10)).isEqualTo(new CommercePublish.Published(NOV_21, 1, 2, 3, 2));
    List<Row> before = gold(lakehouse, NOV_20);

    append(lakehouse, "silver.commerce_orders", orders(spark).filter(col("order_id").equalTo("o-2"))
        .withColumn("order_id", lit("o-5")).withColumn("ordered_at", col("ordered_date").cast("timestamp")));
    assertThat(publish.publish(spark, NOV_21, 10).stockAlerts()).as("the same stock condition is alerted once").isZero();

    assertThat(gold(lakehouse, NOV_20)).isEqualTo(before);
    assertThat(spark.sql("SELECT rule, severity, subject, CAST(window_start AS DATE) FROM ops.alerts "
        + "WHERE domain = 'commerce' ORDER BY 4, 3").collectAsList()).extracting(Row::toString).containsExactly(
        "[commerce.low_stock,warning,p-2,2026-11-20]", "[commerce.low_stock,warning,p-2,2026-11-21]",
        "[commerce.stock_out,critical,p-3,2026-11-21]");
    assertThat(spark.sql("SELECT sales_date, revenue_cents, orders FROM gold.commerce_sales_daily ORDER BY 1").collectAsList())
        .extracting(Row::toString).containsExactly("[2026-11-20,999,1]", "[2026-11-21,4800,4]");
    assertThat(spark.sql("SELECT count(*) FROM gold.commerce_stock_daily WHERE stock_date = DATE'2026-11-21'").head().getLong(0))
        .isEqualTo(3);
    assertThat(spark.sql("SELECT count(*) FROM ops.quality_results WHERE table_name LIKE 'gold.commerce_%' "
        + "AND rule_level = 'error' AND constraint_status = 'Failure'").head().getLong(0)).isZero();
  }

  private static List<Row> gold(Lakehouse lakehouse, LocalDate date) {
    List<Row> rows = new ArrayList<>();
    rows.addAll(lakehouse.spark().sql("SELECT * FROM gold.commerce_sales_daily WHERE sales_date = DATE'" + date + "'").collectAsList());
    rows.addAll(lakehouse.spark().sql("SELECT * FROM gold.commerce_funnel_daily WHERE funnel_date = DATE'" + date + "'")
        .orderBy("category").collectAsList());
    rows.addAll(lakehouse.spark().sql("SELECT * FROM gold.commerce_stock_daily WHERE stock_date = DATE'" + date + "'")
        .orderBy("product_id").collectAsList());
    return rows;
  }

  /** Appends {@code partial} to a silver table; columns it lacks get null, or a placeholder where the table needs a value. */
  private static void append(Lakehouse lakehouse, String table, Dataset<Row> partial) {
    List<String> given = Arrays.asList(partial.columns());
    List<Column> columns = new ArrayList<>();
    for (StructField field : lakehouse.spark().table(table).schema().fields()) {
      Column value = given.contains(field.name()) ? col(field.name()) : placeholder(field);
      columns.add(value.cast(field.dataType()).as(field.name()));
    }
    partial.select(columns.toArray(Column[]::new)).write().format("delta").mode("append")
        .save(lakehouse.catalog().location(table));
  }

  private static Column placeholder(StructField field) {
    if (field.nullable()) {
      return lit(null);
    }
    if (field.dataType() instanceof org.apache.spark.sql.types.ArrayType) {
      return org.apache.spark.sql.functions.array();
    }
    if (field.dataType().equals(DataTypes.StringType)) {
      return lit("test");
    }
    if (field.dataType().equals(DataTypes.TimestampType)) {
      return lit(PUBLISHED);
    }
    return field.dataType().equals(DataTypes.BooleanType) ? lit(false) : lit(0);
  }
}
