package dev.lakehouse.generate;

import java.util.SplittableRandom;

/**
 * Card holders, about 800: each has a home country, one or two cards, one or two devices, a few
 * merchant categories they use, and their own spending level (the mu of a log-normal amount).
 */
final class Customers {
  static final int CUSTOMERS = 800;
  private static final double ACTIVITY_EXPONENT = 0.6;
  // typical amount per merchant category, as the log of euros
  private static final double[] LOG_TYPICAL_EUROS = {3.55, 4.79, 5.52, 3.40, 4.09, 2.70, 5.70};
  private static final double[] CATEGORY_POPULARITY = {0.35, 0.07, 0.06, 0.20, 0.15, 0.15, 0.02};

  private final String[] ids = new String[CUSTOMERS];
  private final int[] homes = new int[CUSTOMERS];
  private final String[][] cards = new String[CUSTOMERS][];
  private final String[][] devices = new String[CUSTOMERS][];
  private final double[] spendingLevels = new double[CUSTOMERS];
  private final double[] spreads = new double[CUSTOMERS];
  private final WeightedChoice[] habits = new WeightedChoice[CUSTOMERS];
  private final int[] customerByRank;
  private final WeightedChoice activity = WeightedChoice.zipf(CUSTOMERS, ACTIVITY_EXPONENT);

  Customers(SplittableRandom world) {
    int nextCard = 0;
    int nextDevice = 0;
    for (int c = 0; c < CUSTOMERS; c++) {
      ids[c] = Ids.numbered("c-", c, 5);
      homes[c] = Geography.homeCountry(world);
      cards[c] = numbered("card-", nextCard, Sampling.between(world, 1, 2));
      nextCard += cards[c].length;
      devices[c] = numbered("dev-", nextDevice, Sampling.between(world, 1, 2));
      nextDevice += devices[c].length;
      spendingLevels[c] = 0.4 * world.nextGaussian();
      spreads[c] = 0.5 + 0.4 * world.nextDouble();
      habits[c] = habits(world);
    }
    customerByRank = Shuffle.permutation(CUSTOMERS, world);
  }

  int activeCustomer(SplittableRandom random) {
    return customerByRank[activity.pick(random)];
  }

  String id(int customer) {
    return ids[customer];
  }

  int home(int customer) {
    return homes[customer];
  }

  /** Mostly the first card, which is the one in the wallet. */
  String card(int customer, SplittableRandom random) {
    String[] owned = cards[customer];
    return owned.length == 1 || Sampling.chance(random, 0.8) ? owned[0] : owned[1];
  }

  String device(int customer, SplittableRandom random) {
    String[] owned = devices[customer];
    return owned.length == 1 || Sampling.chance(random, 0.85) ? owned[0] : owned[1];
  }

  int usualCategory(int customer, SplittableRandom random) {
    return habits[customer].pick(random);
  }

  /** A category the customer never pays in; every customer skips at least two. */
  int unusualCategory(int customer, SplittableRandom random) {
    int category;
    do {
      category = random.nextInt(Merchants.CATEGORIES.length);
    } while (usesCategory(customer, category));
    return category;
  }

  /** An amount drawn from the customer's own habit in that category. */
  long amountCents(int customer, int category, SplittableRandom random) {
    double mu = LOG_TYPICAL_EUROS[category] + spendingLevels[customer];
    double euros = Sampling.logNormal(random, mu, spreads[customer]);
    return Math.max(50, Math.round(euros * 100));
  }

  /** The customer's median amount in that category. */
  long typicalCents(int customer, int category) {
    return Math.round(Math.exp(LOG_TYPICAL_EUROS[category] + spendingLevels[customer]) * 100);
  }

  private boolean usesCategory(int customer, int category) {
    // a habit that never picks a category has a zero-width slot in the cumulative weights
    return habits[customer].weightOf(category) > 0;
  }

  // three to five categories, weighted by how common they are and by personal taste
  private static WeightedChoice habits(SplittableRandom world) {
    int[] order = Shuffle.permutation(Merchants.CATEGORIES.length, world);
    int used = Sampling.between(world, 3, 5);
    double[] weights = new double[Merchants.CATEGORIES.length];
    for (int i = 0; i < used; i++) {
      weights[order[i]] = CATEGORY_POPULARITY[order[i]] * Sampling.logNormal(world, 0, 0.5);
    }
    return WeightedChoice.of(weights);
  }

  private static String[] numbered(String prefix, int first, int count) {
    String[] ids = new String[count];
    for (int i = 0; i < count; i++) {
      ids[i] = Ids.numbered(prefix, first + i, 6);
    }
    return ids;
  }
}
