package dev.lakehouse.commerce;

import static dev.lakehouse.commerce.CommerceFixtures.CHROME;
import static dev.lakehouse.commerce.CommerceFixtures.GOOGLEBOT;
import static dev.lakehouse.commerce.CommerceFixtures.change;
import static dev.lakehouse.commerce.CommerceFixtures.event;
import static dev.lakehouse.commerce.CommerceFixtures.loadProducts;
import static dev.lakehouse.commerce.CommerceFixtures.order;
import static dev.lakehouse.commerce.CommerceFixtures.product;
import static dev.lakehouse.commerce.CommerceFixtures.putInBronze;
import static dev.lakehouse.commerce.CommerceFixtures.refine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.testing.TestLakehouse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The commerce silver layer on real Delta tables: SCD2 products, as-of joins, current stock, bad orders. */
class CommerceSilverTest {
  private static final LocalDate NOV_20 = LocalDate.parse("2026-11-20");
  private static final LocalDate NOV_21 = LocalDate.parse("2026-11-21");

  private static Map<String, Row> byKey(Lakehouse lakehouse, String sql) {
    Map<String, Row> rows = new HashMap<>();
    lakehouse.spark().sql(sql).collectAsList().forEach(r -> rows.put(r.getString(0), r));
    return rows;
  }

  @Test
  void aPriceChangeKeepsHistoryAndEventsAndOrdersJoinTheVersionValidAtTheirTime() throws Exception {
    Lakehouse lakehouse = TestLakehouse.fresh();
    assertThat(loadProducts(lakehouse, NOV_20, product("p-1", "electronics", "Voltra", 1000), product("p-2", "books", "Inkwell", 500)))
        .isEqualTo(new CommerceLoad.Changes(2, 0, 0));
    assertThat(loadProducts(lakehouse, NOV_21, product("p-1", "electronics", "Voltra", 1200), product("p-2", "books", "Inkwell", 500)))
        .isEqualTo(new CommerceLoad.Changes(1, 1, 0));
    // loading the same day again changes nothing; an earlier day is refused
    assertThat(loadProducts(lakehouse, NOV_21, product("p-1", "electronics", "Voltra", 1200), product("p-2", "books", "Inkwell", 500)))
        .isEqualTo(new CommerceLoad.Changes(0, 0, 0));
    assertThatThrownBy(() -> loadProducts(lakehouse, NOV_20, product("p-1", "electronics", "Voltra", 900)))
        .hasMessage("Cannot load silver.commerce_products as of 2026-11-20: it already has versions from 2026-11-21; "
            + "load dates in order (a later date, or the same one again)");

    List<Row> history = lakehouse.spark().sql("SELECT product_id, list_price_cents, CAST(valid_from AS STRING), "
        + "CAST(valid_to AS STRING), is_current FROM silver.commerce_products ORDER BY product_id, valid_from").collectAsList();
    assertThat(history).extracting(Row::toString).containsExactly(
        "[p-1,1000,2026-11-20 00:00:00,2026-11-21 00:00:00,false]",
        "[p-1,1200,2026-11-21 00:00:00,null,true]",
        "[p-2,500,2026-11-20 00:00:00,null,true]");

    putInBronze(lakehouse, "bronze.commerce_events", 0, List.of(
        event("e-1", "view", "s-1", "p-1", "electronics", CHROME, "2026-11-20T23:59:59Z"),
        event("e-2", "view", "s-1", "p-1", "electronics", CHROME, "2026-11-21T00:00:00Z"),
        event("e-3", "view", "s-2", "p-9", "toys", GOOGLEBOT, "2026-11-21T08:00:00Z")));
    putInBronze(lakehouse, "bronze.commerce_orders", 0, List.of(
        order("o-1", 1, "p-1", 2, 1000, 0.1, "2026-11-20T23:59:59Z"),
        order("o-2", 1, "p-1", 1, 1200, 0.0, "2026-11-21T08:00:00Z")));
    refine(lakehouse, "silver.commerce_events", "silver.commerce_orders");

    Map<String, Row> events = byKey(lakehouse,
        "SELECT event_id, brand, list_price_cents, browser, device_class, is_bot FROM silver.commerce_events");
    assertThat(events.get("e-1").toString()).isEqualTo("[e-1,Voltra,1000,Chrome,desktop,false]");
    assertThat(events.get("e-2").toString()).isEqualTo("[e-2,Voltra,1200,Chrome,desktop,false]");
    assertThat(events.get("e-3").toString()).isEqualTo("[e-3,null,null,Googlebot,bot,true]");
    Map<String, Row> orders = byKey(lakehouse,
        "SELECT order_id, category, brand, list_price_cents, revenue_cents FROM silver.commerce_orders");
    assertThat(orders.get("o-1").toString()).isEqualTo("[o-1,electronics,Voltra,1000,1800]");
    assertThat(orders.get("o-2").toString()).isEqualTo("[o-2,electronics,Voltra,1200,1200]");
  }

  @Test
  void outOfOrderInventoryChangesGiveTheLatestStockAndEveryChangeIsKept() throws Exception {
    Lakehouse lakehouse = TestLakehouse.fresh();
    putInBronze(lakehouse, "bronze.commerce_inventory", 0, List.of(
        change("c-1", "p-1", 1, 50, 50, "restock", "2026-11-21T10:00:00Z"),
        change("c-3", "p-1", 3, -2, 45, "sale", "2026-11-21T10:02:00Z"),
        change("c-5", "p-2", 2, -1, 7, "sale", "2026-11-21T09:00:00Z"),
        change("c-4", "p-2", 1, 8, 8, "restock", "2026-11-21T08:00:00Z"),
        change("c-6", "p-2", 3, 0, 6, "adjustment", "2026-11-21T09:00:00Z")));
    refine(lakehouse, "silver.commerce_inventory", "silver.commerce_inventory_changes");
    // late arrivals: an older change of p-1, a duplicate, and an impossible stock
    putInBronze(lakehouse, "bronze.commerce_inventory", 5, List.of(
        change("c-2", "p-1", 2, -3, 47, "sale", "2026-11-21T10:01:00Z"),
        change("c-3", "p-1", 3, -2, 45, "sale", "2026-11-21T10:02:00Z"),
        change("c-7", "p-3", 1, -5, -5, "sale", "2026-11-21T11:00:00Z"),
        "{\"change_id\":\"c-8\",\"product_id\":"));
    refine(lakehouse, "silver.commerce_inventory", "silver.commerce_inventory_changes");

    Map<String, Row> stock = byKey(lakehouse,
        "SELECT product_id, stock_after, sequence, change_id, is_out_of_stock FROM silver.commerce_inventory");
    assertThat(stock).containsOnlyKeys("p-1", "p-2");
    assertThat(stock.get("p-1").toString()).isEqualTo("[p-1,45,3,c-3,false]");
    // same changed_at: the sequence decides
    assertThat(stock.get("p-2").toString()).isEqualTo("[p-2,6,3,c-6,false]");
    assertThat(lakehouse.spark().sql("SELECT change_id FROM silver.commerce_inventory_changes ORDER BY 1")
        .collectAsList()).extracting(r -> r.getString(0)).containsExactly("c-1", "c-2", "c-3", "c-4", "c-5", "c-6");
    // a record both tables reject is held once for each of them
    assertThat(lakehouse.spark().sql("SELECT target_table, rule_id, _kafka_offset FROM ops.quarantine ORDER BY 1, 3")
        .collectAsList()).extracting(Row::toString).containsExactly(
            "[silver.commerce_inventory,quality.stock_not_negative,7]",
            "[silver.commerce_inventory,parse.json,8]",
            "[silver.commerce_inventory_changes,quality.stock_not_negative,7]",
            "[silver.commerce_inventory_changes,parse.json,8]");
  }

  @Test
  void badOrdersAreQuarantinedOrFlaggedWithTheirReason() throws Exception {
    Lakehouse lakehouse = TestLakehouse.fresh();
    loadProducts(lakehouse, NOV_21, product("p-1", "electronics", "Voltra", 1000), product("p-2", "books", "Inkwell", 500));
    putInBronze(lakehouse, "bronze.commerce_inventory", 0, List.of(change("c-1", "p-1", 1, 9, 9, "restock", "2026-11-21T01:00:00Z")));
    putInBronze(lakehouse, "bronze.commerce_orders", 0, List.of(
        order("o-good", 1, "p-1", 3, 1999, 0.05, "2026-11-21T10:00:00Z"),
        order("o-neg-qty", 1, "p-1", -1, 1000, 0.0, "2026-11-21T10:00:00Z"),
        order("o-zero-qty", 1, "p-1", 0, 1000, 0.0, "2026-11-21T10:00:00Z"),
        order("o-neg-price", 1, "p-1", 1, -1000, 0.0, "2026-11-21T10:00:00Z"),
        order("o-discount", 1, "p-1", 1, 1000, 1.5, "2026-11-21T10:00:00Z"),
        order("o-discount", 2, "p-1", 1, 1000, -0.1, "2026-11-21T10:00:00Z"),
        order("o-unknown", 1, "p-9", 1, 1000, 0.0, "2026-11-21T10:00:00Z"),
        order("o-unstocked", 1, "p-2", 2, 500, 0.0, "2026-11-21T10:00:00Z"),
        "{\"order_id\":\"o-broken\",\"line_no\":1,\"quantity\":\"two\"}"));
    // refine --available-now runs the inventory before orders (lakehouse.refine.after)
    refine(lakehouse, "silver.commerce_inventory", "silver.commerce_orders");

    Map<String, Row> orders = byKey(lakehouse, "SELECT order_id, revenue_cents, flags, is_flagged FROM silver.commerce_orders");
    assertThat(orders).containsOnlyKeys("o-good", "o-unknown", "o-unstocked");
    // 3 x 19.99 x 0.95 = 56.9715 -> 56.97
    assertThat(orders.get("o-good").toString()).isEqualTo("[o-good,5697,WrappedArray(),false]");
    assertThat(orders.get("o-unknown").toString()).isEqualTo("[o-unknown,1000,WrappedArray(unknown_product, no_stock_record),true]");
    assertThat(orders.get("o-unstocked").toString()).isEqualTo("[o-unstocked,1000,WrappedArray(no_stock_record),true]");
    Map<Long, String> quarantined = new HashMap<>();
    lakehouse.spark().sql("SELECT _kafka_offset, rule_id, reason FROM ops.quarantine WHERE target_table = 'silver.commerce_orders'")
        .collectAsList().forEach(r -> quarantined.put(r.getLong(0), r.getString(1) + ": " + r.getString(2)));
    assertThat(quarantined).containsOnlyKeys(1L, 2L, 3L, 4L, 5L, 8L);
    assertThat(quarantined.get(1L)).startsWith("quality.quantity_positive: rule quantity_positive failed:");
    assertThat(quarantined.get(2L)).startsWith("quality.quantity_positive: ");
    assertThat(quarantined.get(3L)).startsWith("quality.unit_price_not_negative: ");
    assertThat(quarantined.get(4L)).startsWith("quality.discount_in_unit_interval: ");
    assertThat(quarantined.get(5L)).startsWith("quality.discount_in_unit_interval: ");
    assertThat(quarantined.get(8L)).startsWith("parse.type.quantity: field 'quantity' is not a valid int");
    // the flags are also visible as the suite's warnings
    assertThat(lakehouse.spark().sql("SELECT rule_id, constraint_status FROM ops.quality_results "
        + "WHERE table_name = 'silver.commerce_orders' AND rule_id IN ('product_known', 'product_stocked') ORDER BY 1")
        .collectAsList()).extracting(Row::toString).containsExactly("[product_known,Failure]", "[product_stocked,Failure]");
  }
}
