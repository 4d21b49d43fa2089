package dev.lakehouse.generate;

import java.util.SplittableRandom;

/** Draws an index in proportion to fixed weights; a Zipf law is one such set of weights. */
final class WeightedChoice {
  private final double[] cumulative;

  private WeightedChoice(double[] weights) {
    cumulative = new double[weights.length];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      total += weights[i];
      cumulative[i] = total;
    }
    for (int i = 0; i < weights.length; i++) {
      cumulative[i] /= total;
    }
  }

  static WeightedChoice of(double... weights) {
    if (weights.length == 0) {
      throw new IllegalArgumentException("Invalid weights []: need at least one");
    }
    return new WeightedChoice(weights);
  }

  /** Rank {@code k} (0-based) weighs {@code 1 / (k + 1)^exponent}. */
  static WeightedChoice zipf(int size, double exponent) {
    double[] weights = new double[size];
    for (int rank = 0; rank < size; rank++) {
      weights[rank] = Math.pow(rank + 1, -exponent);
    }
    return of(weights);
  }

  int size() {
    return cumulative.length;
  }

  /** The normalised weight of an index; zero for one that is never drawn. */
  double weightOf(int index) {
    return index == 0 ? cumulative[0] : cumulative[index] - cumulative[index - 1];
  }

  int pick(SplittableRandom random) {
    double draw = random.nextDouble();
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (cumulative[middle] > draw) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }
}
