package dev.lakehouse.commerce;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.commerce.CommerceLoad.Changes;
import dev.lakehouse.refine.RefineJob;
import dev.lakehouse.spark.StreamingQueries;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.streaming.Trigger;

/** Inline commerce data written to real bronze and dimension tables, and refine run to completion. */
final class CommerceFixtures {
  static final String CHROME =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
  static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

  private CommerceFixtures() {}

  /** Appends JSON values to a bronze table as records of partition 0, offsets from {@code firstOffset}. */
  static void putInBronze(Lakehouse lakehouse, String table, long firstOffset, List<String> values) {
    Timestamp now = Timestamp.valueOf("2026-11-21 23:59:00");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      rows.add(RowFactory.create(null, values.get(i).getBytes(StandardCharsets.UTF_8), table.replace("bronze.", "").replace('_', '.'),
          0, firstOffset + i, now, now, Date.valueOf("2026-11-21"), 0L));
    }
    lakehouse.spark().createDataFrame(rows, lakehouse.spark().table(table).schema()).write().format("delta").mode("append")
        .save(lakehouse.catalog().location(table));
  }

  /** Refines the tables one after the other, each to the end of its bronze table. */
  static void refine(Lakehouse lakehouse, String... tables) throws Exception {
    RefineJob job = new RefineJob(lakehouse.config(), lakehouse.catalog());
    for (String table : tables) {
      StreamingQueries.awaitAll(List.of(job.start(lakehouse.spark(), table, Trigger.AvailableNow())), System.out,
          Duration.ofMinutes(5));
    }
  }

  static Row product(String id, String category, String brand, long listPriceCents) {
    return RowFactory.create(id, category, brand, listPriceCents);
  }

  static Changes loadProducts(Lakehouse lakehouse, LocalDate date, Row... products) {
    return new CommerceLoad(lakehouse.catalog()).loadProducts(lakehouse.spark(),
        lakehouse.spark().createDataFrame(List.of(products), CommerceLoad.PRODUCT_ROWS), date);
  }

  static String event(String id, String type, String session, String product, String category, String agent, String at) {
    return String.format("{\"event_id\":\"%s\",\"event_type\":\"%s\",\"user_id\":\"u-1\",\"session_id\":\"%s\","
        + "\"product_id\":\"%s\",\"category\":\"%s\",\"page\":\"/product/%s\",\"user_agent\":\"%s\",\"event_at\":\"%s\"}",
        id, type, session, product, category, product, agent, at);
  }

  static String order(String orderId, int line, String product, int quantity, long priceCents, double discount, String at) {
    return String.format(java.util.Locale.ROOT, "{\"order_id\":\"%s\",\"line_no\":%d,\"user_id\":\"u-1\",\"product_id\":\"%s\","
        + "\"quantity\":%d,\"unit_price_cents\":%d,\"discount\":%s,\"payment_method\":\"card\",\"currency\":\"EUR\","
        + "\"ordered_at\":\"%s\"}", orderId, line, product, quantity, priceCents, Double.toString(discount), at);
  }

  static String change(String id, String product, long sequence, int delta, int stockAfter, String reason, String at) {
    return String.format("{\"change_id\":\"%s\",\"product_id\":\"%s\",\"sequence\":%d,\"quantity_delta\":%d,"
        + "\"stock_after\":%d,\"reason\":\"%s\",\"changed_at\":\"%s\"}", id, product, sequence, delta, stockAfter, reason, at);
  }
}
