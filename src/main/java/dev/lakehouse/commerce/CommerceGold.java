package dev.lakehouse.commerce;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The daily gold figures of the commerce domain, as pure transforms over silver rows. Each takes the
 * day and the publishing time as parameters and reads nothing else.
 */
public final class CommerceGold {
  /** How many products and categories the daily sales list. */
  public static final int TOP = 5;

  private CommerceGold() {}

  /**
   * One row for {@code date} (gold.commerce_sales_daily) from order lines (columns of
   * silver.commerce_orders); a day without orders gives zeros.
   */
  public static Dataset<Row> salesDaily(Dataset<Row> orders, LocalDate date, Timestamp publishedAt) {
    Dataset<Row> day = orders.filter(col("ordered_date").equalTo(lit(Date.valueOf(date))))
        .withColumn("category", coalesce(col("category"), lit("unknown")));
    Dataset<Row> totals = day.agg(
        coalesce(sum("revenue_cents"), lit(0L)).as("revenue_cents"),
        countDistinct("order_id").as("orders"),
        count(lit(1)).as("order_lines"),
        coalesce(sum("quantity").cast("bigint"), lit(0L)).as("units"),
        countDistinct("user_id").as("customers"),
        count(when(col("is_flagged"), lit(1))).as("flagged_lines"));
    // the best sellers by revenue, ties by id, as ordered arrays of structs
    Dataset<Row> products = top(day.groupBy("product_id")
        .agg(sum("revenue_cents").as("revenue_cents"), sum("quantity").cast("bigint").as("units")), "product_id",
        java.util.List.of("product_id", "revenue_cents", "units"), "top_products");
    Dataset<Row> categories = top(day.groupBy("category")
        .agg(sum("revenue_cents").as("revenue_cents"), countDistinct("order_id").as("orders")), "category",
        java.util.List.of("category", "revenue_cents", "orders"), "top_categories");
    return totals.crossJoin(products).crossJoin(categories)
        .select(
            lit(Date.valueOf(date)).as("sales_date"),
            col("revenue_cents"),
            col("orders"),
            col("order_lines"),
            col("units"),
            col("customers"),
            when(col("orders").gt(0), col("revenue_cents").cast("double").divide(col("orders"))).as("average_order_value_cents"),
            col("flagged_lines"),
            col("top_products"),
            col("top_categories"),
            lit(publishedAt).as("published_at"));
  }

  /** The first {@link #TOP} rows by revenue (ties by {@code id}) as one array column, empty when there are none. */
  private static Dataset<Row> top(Dataset<Row> totals, String id, java.util.List<String> fields, String name) {
    Dataset<Row> ranked = totals
        .withColumn("_rank", row_number().over(Window.orderBy(col("revenue_cents").desc(), col(id))))
        .filter(col("_rank").leq(TOP));
    String shape = fields.stream().map(f -> "'" + f + "', x." + f).collect(java.util.stream.Collectors.joining(", "));
    return ranked.agg(expr("sort_array(collect_list(struct(_rank, " + String.join(", ", fields) + ")))").as("_ranked"))
        .select(expr("transform(_ranked, x -> named_struct(" + shape + "))").as(name));
  }

  /**
   * Rows of gold.commerce_funnel_daily for {@code date} from behaviour events (columns of
   * silver.commerce_events): per category, sessions that viewed, then also carted, then also bought.
   */
  public static Dataset<Row> funnelDaily(Dataset<Row> events, LocalDate date, Timestamp publishedAt) {
    Dataset<Row> steps = events.filter(col("event_date").equalTo(lit(Date.valueOf(date))))
        .filter(col("event_type").isin("view", "cart", "purchase"))
        .withColumn("session", coalesce(col("session_id"), col("user_id")))
        .withColumn("category", coalesce(col("category"), lit("unknown")))
        // what each session did in each category that day
        .groupBy("category", "session")
        .agg(
            max(col("event_type").equalTo("view")).as("viewed"),
            max(col("event_type").equalTo("cart")).as("carted"),
            max(col("event_type").equalTo("purchase")).as("bought"))
        .filter(col("viewed"));
    Column carted = col("carted");
    Column bought = col("carted").and(col("bought"));
    return steps.groupBy("category")
        .agg(
            count(lit(1)).as("viewing_sessions"),
            count(when(carted, lit(1))).as("carting_sessions"),
            count(when(bought, lit(1))).as("purchasing_sessions"))
        .select(
            lit(Date.valueOf(date)).as("funnel_date"),
            col("category"),
            col("viewing_sessions"),
            col("carting_sessions"),
            col("purchasing_sessions"),
            col("carting_sessions").divide(col("viewing_sessions")).as("view_to_cart_rate"),
            when(col("carting_sessions").gt(0), col("purchasing_sessions").divide(col("carting_sessions")))
                .as("cart_to_purchase_rate"),
            col("purchasing_sessions").divide(col("viewing_sessions")).as("view_to_purchase_rate"),
            lit(publishedAt).as("published_at"));
  }

  /**
   * Rows of gold.commerce_stock_daily for {@code date} from inventory changes (columns of
   * silver.commerce_inventory_changes): every product with a change by the end of the day.
   */
  public static Dataset<Row> stockDaily(Dataset<Row> changes, LocalDate date, int lowStockUnits, Timestamp publishedAt) {
    Timestamp dayEnd = Timestamp.from(date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    Timestamp dayStart = Timestamp.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    Dataset<Row> upToDayEnd = changes.filter(col("changed_at").lt(lit(dayEnd)));
    // the stock at the end of the day is left by the product's latest change before midnight
    Dataset<Row> ending = upToDayEnd
        .withColumn("_latest", row_number().over(Window.partitionBy("product_id")
            .orderBy(col("changed_at").desc(), col("sequence").desc())))
        .filter(col("_latest").equalTo(1))
        .select(col("product_id"), col("stock_after").as("stock_units"));
    Dataset<Row> during = upToDayEnd.filter(col("changed_at").geq(lit(dayStart)))
        .groupBy("product_id")
        .agg(
            min("stock_after").as("_min_during"),
            count(lit(1)).as("changes"),
            sum(when(col("reason").equalTo("sale"), col("quantity_delta").multiply(-1)).otherwise(0)).cast("bigint").as("units_sold"),
            sum(when(col("reason").equalTo("restock"), col("quantity_delta")).otherwise(0)).cast("bigint").as("units_restocked"),
            count(when(col("stock_after").equalTo(0), lit(1))).as("stock_outs"));
    return ending.join(during, "product_id", "left")
        .select(
            lit(Date.valueOf(date)).as("stock_date"),
            col("product_id"),
            col("stock_units"),
            coalesce(col("_min_during"), col("stock_units")).as("min_stock_units"),
            coalesce(col("changes"), lit(0L)).as("changes"),
            coalesce(col("units_sold"), lit(0L)).as("units_sold"),
            coalesce(col("units_restocked"), lit(0L)).as("units_restocked"),
            coalesce(col("stock_outs"), lit(0L)).as("stock_outs"),
            col("stock_units").leq(0).as("is_out_of_stock"),
            col("stock_units").gt(0).and(col("stock_units").leq(lowStockUnits)).as("is_low_stock"),
            lit(lowStockUnits).as("low_stock_units"),
            lit(publishedAt).as("published_at"));
  }
}
