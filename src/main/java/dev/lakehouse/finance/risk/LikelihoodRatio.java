package dev.lakehouse.finance.risk;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * A likelihood-ratio test statistic with its asymptotic chi-square p-value: p = P(chi2(df) > LR).
 * A small p-value rejects the null hypothesis (for VaR backtests: that the model is right).
 *
 * @param statistic LR >= 0
 * @param degreesOfFreedom of the chi-square reference distribution
 * @param pValue 1 - F_chi2(df)(LR), in [0, 1]
 */
public record LikelihoodRatio(double statistic, int degreesOfFreedom, double pValue) {
  // stateless apart from the RNG only sample() uses, so safe to share
  private static final ChiSquaredDistribution CHI_SQUARE_1 = new ChiSquaredDistribution(1);
  private static final ChiSquaredDistribution CHI_SQUARE_2 = new ChiSquaredDistribution(2);

  /** The p-value of LR against chi-square(df); rounding noise below zero counts as 0. */
  public static LikelihoodRatio chiSquare(double statistic, int degreesOfFreedom) {
    if (Double.isNaN(statistic)) {
      throw new IllegalArgumentException("Invalid likelihood-ratio statistic: NaN");
    }
    double lr = Math.max(0, statistic);
    double p = 1 - reference(degreesOfFreedom).cumulativeProbability(lr);
    return new LikelihoodRatio(lr, degreesOfFreedom, Math.min(1, Math.max(0, p)));
  }

  /** True when the p-value is below the significance level, e.g. 0.05: the null hypothesis is rejected. */
  public boolean rejectsAt(double significance) {
    return pValue < significance;
  }

  private static ChiSquaredDistribution reference(int degreesOfFreedom) {
    return switch (degreesOfFreedom) {
      case 1 -> CHI_SQUARE_1;
      case 2 -> CHI_SQUARE_2;
      default -> {
        if (degreesOfFreedom < 1) {
          throw new IllegalArgumentException(
              String.format("Invalid degrees of freedom %d: must be at least 1", degreesOfFreedom));
        }
        yield new ChiSquaredDistribution(degreesOfFreedom);
      }
    };
  }
}
