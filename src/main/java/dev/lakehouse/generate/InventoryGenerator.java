package dev.lakehouse.generate;

import java.util.SplittableRandom;

/**
 * Stock movements, the value of {@code commerce.inventory}: mostly sales of popular products, which
 * run them down to zero; an empty (or sometimes a low) product is restocked; now and then a count
 * adjustment. Each product's changes carry an increasing sequence number.
 */
final class InventoryGenerator {
  private static final int LOW_STOCK = 10;

  private final Catalog catalog;
  private final SplittableRandom random;
  private final Ids changeIds;
  private final JsonWriter json;
  private final int[] stock = new int[Catalog.PRODUCTS];
  private final int[] sequence = new int[Catalog.PRODUCTS];

  InventoryGenerator(Catalog catalog, SplittableRandom random, TimeFormats time) {
    this.catalog = catalog;
    this.random = random;
    this.changeIds = new Ids("inv-", random);
    this.json = new JsonWriter(time);
    for (int p = 0; p < Catalog.PRODUCTS; p++) {
      stock[p] = Sampling.between(random, 3, 60);
    }
  }

  GeneratedRecord change(long atMs) {
    int product = catalog.popularProduct(random);
    if (stock[product] == 0 || (stock[product] < LOW_STOCK && Sampling.chance(random, 0.1))) {
      return record(product, Sampling.between(random, 20, 120), "restock", atMs);
    }
    if (Sampling.chance(random, 0.08)) {
      return record(product, adjustment(product), "adjustment", atMs);
    }
    return record(product, -Math.min(stock[product], Sampling.between(random, 1, 3)), "sale", atMs);
  }

  // a recount finds one or two more or fewer, never below zero
  private int adjustment(int product) {
    int delta = Sampling.chance(random, 0.5) ? Sampling.between(random, 1, 2) : -Sampling.between(random, 1, 2);
    return Math.max(delta, -stock[product]);
  }

  private GeneratedRecord record(int product, int delta, String reason, long atMs) {
    stock[product] += delta;
    String productId = catalog.id(product);
    byte[] value = json.begin()
        .field("change_id", changeIds.next())
        .field("product_id", productId)
        .field("sequence", ++sequence[product])
        .field("quantity_delta", delta)
        .field("stock_after", stock[product])
        .field("reason", reason)
        .instant("changed_at", atMs)
        .end();
    return new GeneratedRecord(Topics.COMMERCE_INVENTORY, Keys.of(productId), value, atMs);
  }
}
