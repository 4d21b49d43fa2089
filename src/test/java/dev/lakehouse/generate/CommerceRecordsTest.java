package dev.lakehouse.generate;

import static dev.lakehouse.generate.GeneratedDay.assertEvery;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CommerceRecordsTest {
  private static final List<String> EVENT_FIELDS = List.of("event_id", "event_type", "user_id", "session_id",
      "product_id", "category", "page", "user_agent", "event_at");

  @Test
  void everyEventParsesWithAllFields() {
    GeneratedDay day = GeneratedDay.clean();
    List<JsonNode> events = day.json(Topics.COMMERCE_EVENTS);
    List<GeneratedRecord> records = day.of(Topics.COMMERCE_EVENTS);
    assertEvery(events, e -> EVENT_FIELDS.stream().allMatch(field -> e.path(field).isTextual()), "has all fields");
    assertEvery(events, e -> e.get("event_id").asText().matches("evt-[0-9a-f]{10}"), "has an evt- id");
    assertEvery(IntStream.range(0, records.size()).boxed().toList(),
        i -> GeneratedDay.text(records.get(i).key()).equals(events.get(i).get("user_id").asText()), "is keyed by user");
    assertThat(distinct(events, e -> e.get("event_id").asText())).isEqualTo(events.size());
  }

  @Test
  void popularProductsGetMostEvents() {
    Map<String, Long> byProduct = countBy(GeneratedDay.clean().json(Topics.COMMERCE_EVENTS), e -> e.get("product_id").asText());
    long total = byProduct.values().stream().mapToLong(Long::longValue).sum();
    long topTenPercent = byProduct.values().stream().sorted((a, b) -> Long.compare(b, a))
        .limit(Catalog.PRODUCTS / 10).mapToLong(Long::longValue).sum();
    assertThat(topTenPercent).isGreaterThan(total * 40 / 100);
    assertThat(byProduct.size()).isGreaterThan(Catalog.PRODUCTS * 8 / 10);
  }

  @Test
  void theFunnelNarrowsFromViewToPurchase() {
    Map<String, Long> byType = countBy(GeneratedDay.clean().json(Topics.COMMERCE_EVENTS), e -> e.get("event_type").asText());
    long total = byType.values().stream().mapToLong(Long::longValue).sum();
    assertThat(byType.get("view")).isGreaterThan(byType.get("click"));
    assertThat(byType.get("click")).isGreaterThan(byType.get("cart"));
    assertThat(byType.get("cart")).isGreaterThan(byType.get("purchase"));
    assertThat(byType.get("purchase") / (double) total).isBetween(0.015, 0.06);
  }

  @Test
  void aSessionBelongsToOneUserAndEndsAfterThirtyQuietMinutes() {
    GeneratedDay day = GeneratedDay.clean();
    List<JsonNode> events = day.json(Topics.COMMERCE_EVENTS);
    List<GeneratedRecord> records = day.of(Topics.COMMERCE_EVENTS);
    Map<String, String> userOfSession = new HashMap<>();
    Map<String, Long> lastAtOfSession = new HashMap<>();
    long violations = 0;
    for (int i = 0; i < events.size(); i++) {
      String session = events.get(i).get("session_id").asText();
      String user = events.get(i).get("user_id").asText();
      Long previousMs = lastAtOfSession.put(session, records.get(i).timestampMs());
      boolean isQuietTooLong = previousMs != null && records.get(i).timestampMs() - previousMs > Session.INACTIVITY_GAP_MS;
      violations += !userOfSession.computeIfAbsent(session, s -> user).equals(user) || isQuietTooLong ? 1 : 0;
    }
    assertThat(violations).isZero();
    assertThat(events.size() / (double) userOfSession.size()).isBetween(4.0, 12.0);
  }

  @Test
  void orderLinesAreNumberedFromOneAndPricedFromTheCatalogue() {
    Map<String, Integer> linesOfOrder = new HashMap<>();
    Map<String, Long> priceOfProduct = new HashMap<>();
    List<JsonNode> lines = GeneratedDay.clean().json(Topics.COMMERCE_ORDERS);
    assertEvery(lines, line -> line.get("line_no").asInt() == linesOfOrder.merge(line.get("order_id").asText(), 1, Integer::sum),
        "is numbered after the previous line of its order");
    assertEvery(lines, line -> line.get("quantity").asInt() > 0, "has a positive quantity");
    assertEvery(lines, line -> List.of("card", "paypal", "bank_transfer", "gift_card").contains(line.get("payment_method").asText()),
        "has a known payment method");
    assertEvery(lines, line -> priceOfProduct.computeIfAbsent(line.get("product_id").asText(),
        p -> line.get("unit_price_cents").asLong()) == line.get("unit_price_cents").asLong(), "has its product's price");
  }

  @Test
  void inventoryKeepsAConsistentStockPerProduct() {
    Map<String, int[]> stockAndSequence = new HashMap<>();
    long stockOuts = 0;
    for (JsonNode change : GeneratedDay.clean().json(Topics.COMMERCE_INVENTORY)) {
      int[] last = stockAndSequence.get(change.get("product_id").asText());
      int stockAfter = change.get("stock_after").asInt();
      assertThat(stockAfter).isNotNegative();
      if (last != null) {
        assertThat(stockAfter).isEqualTo(last[0] + change.get("quantity_delta").asInt());
        assertThat(change.get("sequence").asInt()).isEqualTo(last[1] + 1);
      }
      stockOuts += stockAfter == 0 ? 1 : 0;
      stockAndSequence.put(change.get("product_id").asText(), new int[] {stockAfter, change.get("sequence").asInt()});
    }
    assertThat(stockOuts).isPositive();
  }

  private static Map<String, Long> countBy(List<JsonNode> records, Function<JsonNode, String> key) {
    return records.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }

  private static long distinct(List<JsonNode> records, Function<JsonNode, String> key) {
    return records.stream().map(key).distinct().count();
  }
}
