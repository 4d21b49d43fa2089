package dev.lakehouse.generate;

import java.util.SplittableRandom;

/** Small distributions the generators draw from. */
final class Sampling {
  private Sampling() {}

  static boolean chance(SplittableRandom random, double probability) {
    return random.nextDouble() < probability;
  }

  static <T> T oneOf(SplittableRandom random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  /** An integer in [low, high], both included. */
  static int between(SplittableRandom random, int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  static double logNormal(SplittableRandom random, double mu, double sigma) {
    return Math.exp(mu + sigma * random.nextGaussian());
  }

  /** Student-t with {@code degrees} (> 2) degrees of freedom, scaled to unit variance: fat tails. */
  static double studentT(SplittableRandom random, int degrees) {
    double chiSquared = 0;
    for (int i = 0; i < degrees; i++) {
      double normal = random.nextGaussian();
      chiSquared += normal * normal;
    }
    double t = random.nextGaussian() / Math.sqrt(chiSquared / degrees);
    return t * Math.sqrt((degrees - 2.0) / degrees);
  }

  /** 1, 2, 3, ... with the given mean, capped. */
  static int geometric(SplittableRandom random, double mean, int max) {
    double continueProbability = 1 - 1 / mean;
    int count = 1;
    while (count < max && random.nextDouble() < continueProbability) {
      count++;
    }
    return count;
  }

  static double roundTo(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
