package dev.lakehouse.generate;

import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;

/**
 * Orders, one record per order line, the value of {@code commerce.orders}. Checkouts seen in the
 * clickstream become orders first; the rest come from other channels (app, returning customers).
 * During a revenue spike quantities are about ten times the usual.
 */
final class OrderGenerator {
  /**
   * Lines per order on average, so the topic mix can count orders in records: 1.73 for other
   * channels, but a clickstream checkout mostly buys one product, which brings it down to about 1.5.
   */
  static final double MEAN_LINES_PER_ORDER = 1.51;
  private static final WeightedChoice LINES = WeightedChoice.of(0.55, 0.25, 0.12, 0.08);
  private static final WeightedChoice QUANTITY = WeightedChoice.of(0.72, 0.18, 0.06, 0.02, 0.01, 0.01);
  private static final double[] DISCOUNTS = {0, 0.05, 0.1, 0.15, 0.2, 0.25};
  private static final WeightedChoice DISCOUNT = WeightedChoice.of(0.70, 0.10, 0.10, 0.04, 0.04, 0.02);
  private static final String[] PAYMENT_METHODS = {"card", "paypal", "bank_transfer", "gift_card"};
  private static final WeightedChoice PAYMENT_METHOD = WeightedChoice.of(0.55, 0.25, 0.12, 0.08);

  private record Order(String orderId, int user, double discount, String paymentMethod, boolean isSpike) {}

  private final Catalog catalog;
  private final Users users;
  private final Queue<PendingOrder> checkouts;
  private final SplittableRandom random;
  private final AnomalyPlan plan;
  private final Ids orderIds;
  private final JsonWriter json;

  OrderGenerator(Catalog catalog, Users users, Queue<PendingOrder> checkouts, SplittableRandom random,
      TimeFormats time, AnomalyPlan plan) {
    this.catalog = catalog;
    this.users = users;
    this.checkouts = checkouts;
    this.random = random;
    this.plan = plan;
    this.orderIds = new Ids("o-", random);
    this.json = new JsonWriter(time);
  }

  /** Writes every line of the next order. */
  void order(long atMs, List<GeneratedRecord> out) {
    PendingOrder pending = checkouts.isEmpty() ? otherChannelOrder() : checkouts.poll();
    Order order = new Order(orderIds.next(), pending.user(), DISCOUNTS[DISCOUNT.pick(random)],
        PAYMENT_METHODS[PAYMENT_METHOD.pick(random)], plan.revenueSpikesAt(atMs));
    for (int line = 0; line < pending.products().length; line++) {
      out.add(line(order, line + 1, pending.products()[line], atMs));
    }
  }

  private PendingOrder otherChannelOrder() {
    int[] products = new int[LINES.pick(random) + 1];
    for (int line = 0; line < products.length; line++) {
      products[line] = catalog.popularProduct(random);
    }
    return new PendingOrder(users.activeUser(random), products);
  }

  private int quantity(boolean isSpike) {
    int usual = QUANTITY.pick(random) + 1;
    return isSpike ? usual * Sampling.between(random, 8, 12) : usual;
  }

  private GeneratedRecord line(Order order, int lineNo, int product, long atMs) {
    byte[] value = json.begin()
        .field("order_id", order.orderId())
        .field("line_no", lineNo)
        .field("user_id", users.id(order.user()))
        .field("product_id", catalog.id(product))
        .field("quantity", quantity(order.isSpike()))
        .field("unit_price_cents", catalog.priceCents(product))
        .field("discount", order.discount())
        .field("payment_method", order.paymentMethod())
        .field("currency", "EUR")
        .instant("ordered_at", atMs)
        .end();
    return new GeneratedRecord(Topics.COMMERCE_ORDERS, Keys.of(order.orderId()), value, atMs);
  }
}
