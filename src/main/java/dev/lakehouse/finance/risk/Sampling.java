package dev.lakehouse.finance.risk;

import java.util.SplittableRandom;

/** Draws the simulation needs beyond {@link SplittableRandom#nextGaussian()}. */
final class Sampling {
  private Sampling() {}

  /** Chi-square with nu >= 2 degrees of freedom: 2 * Gamma(nu / 2, 1). */
  static double chiSquare(SplittableRandom random, double degreesOfFreedom) {
    return 2 * gamma(random, degreesOfFreedom / 2);
  }

  /**
   * Gamma(shape, 1) for shape >= 1 by Marsaglia and Tsang (2000): with d = shape - 1/3, c = 1 / sqrt(9d),
   * x standard normal and v = (1 + c x)^3 > 0, accept d v when ln u &lt; x^2 / 2 + d - d v + d ln v
   * (u uniform; a cheaper squeeze test first). About 1.03 tries per draw.
   */
  static double gamma(SplittableRandom random, double shape) {
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = random.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      double x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }
}
