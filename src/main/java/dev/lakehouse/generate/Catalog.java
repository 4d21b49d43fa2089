package dev.lakehouse.generate;

import java.util.SplittableRandom;

/**
 * The shop's products: about 500 over 10 categories, each with a fixed log-normal list price, and
 * a Zipf popularity (s = 1.1) over a shuffled ranking so the best sellers are spread over the ids.
 */
final class Catalog {
  static final int PRODUCTS = 500;
  static final String[] CATEGORIES = {
      "electronics", "books", "fashion", "home", "garden", "toys", "sports", "beauty", "grocery", "automotive"};
  // median list price per category, as the log of euros
  private static final double[] LOG_PRICE_EUROS = {4.6, 2.8, 3.6, 3.7, 3.5, 3.1, 3.6, 3.0, 1.8, 3.9};
  private static final double POPULARITY_EXPONENT = 1.1;

  private final String[] ids = new String[PRODUCTS];
  private final int[] categories = new int[PRODUCTS];
  private final long[] priceCents = new long[PRODUCTS];
  private final int[] productByRank;
  private final WeightedChoice popularity = WeightedChoice.zipf(PRODUCTS, POPULARITY_EXPONENT);

  Catalog(SplittableRandom world) {
    for (int p = 0; p < PRODUCTS; p++) {
      ids[p] = Ids.numbered("p-", p, 4);
      categories[p] = world.nextInt(CATEGORIES.length);
      priceCents[p] = listPriceCents(world, categories[p]);
    }
    productByRank = Shuffle.permutation(PRODUCTS, world);
  }

  /** A product drawn by popularity: the top 10% get about 70% of the draws. */
  int popularProduct(SplittableRandom random) {
    return productByRank[popularity.pick(random)];
  }

  String id(int product) {
    return ids[product];
  }

  String category(int product) {
    return CATEGORIES[categories[product]];
  }

  long priceCents(int product) {
    return priceCents[product];
  }

  // prices end in .99, as shops like them
  private static long listPriceCents(SplittableRandom world, int category) {
    long euros = Math.round(Sampling.logNormal(world, LOG_PRICE_EUROS[category], 0.6));
    return Math.max(1, euros) * 100 - 1;
  }
}
