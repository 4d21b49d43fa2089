package dev.lakehouse.finance.risk;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Variance-covariance (delta-normal) VaR of a linear portfolio: exposures w (currency per instrument),
 * a covariance matrix S of daily returns and optionally mean daily returns m. Portfolio PnL is then
 * normal with mean mu = w'm and standard deviation sigma = sqrt(w'Sw), and over h days
 * <pre>
 *   VaR_c = z_c * sigma * sqrt(h) - mu * h
 *   ES_c  = sigma * sqrt(h) * phi(z_c) / (1 - c) - mu * h
 * </pre>
 * where z_c is the standard normal quantile at c (2.3263 at 99%) and phi the standard normal density.
 * With the default zero mean both are pure square-root-of-time scalings of the 1-day numbers.
 *
 * <p>{@link #covariance(double[][])} and {@link #ewmaCovariance(double[][], double)} estimate S from a
 * returns matrix {@code returns[day][instrument]}, oldest day first.
 */
public final class ParametricVar {
  /** The RiskMetrics (1996) decay factor for daily data. */
  public static final double RISKMETRICS_LAMBDA = 0.94;

  // no random draws: the RNG argument is only used by sample()
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  private final double[] exposures;
  private final double[][] covariance;
  private final double[] meanReturns;
  private final double variance;
  private final double expectedPnl;

  private ParametricVar(double[] exposures, double[][] covariance, double[] meanReturns) {
    this.exposures = exposures;
    this.covariance = covariance;
    this.meanReturns = meanReturns;
    this.variance = Math.max(0, quadraticForm(exposures, covariance));
    this.expectedPnl = dot(exposures, meanReturns);
  }

  /** Zero-mean returns: the usual choice for a 1- to 10-day horizon. */
  public static ParametricVar of(double[] exposures, double[][] covariance) {
    Checks.nonEmpty(exposures, "exposures");
    Checks.finite(exposures, "exposure");
    Checks.covariance(covariance, exposures.length);
    return new ParametricVar(exposures.clone(), deepCopy(covariance), new double[exposures.length]);
  }

  /** The same portfolio with expected daily returns m per instrument, so the PnL has mean w'm. */
  public ParametricVar withMeanReturns(double[] meanReturns) {
    Checks.finite(meanReturns, "mean return");
    if (meanReturns.length != exposures.length) {
      throw new IllegalArgumentException(String.format(
          "Invalid mean returns: %d values for %d instruments", meanReturns.length, exposures.length));
    }
    return new ParametricVar(exposures, covariance, meanReturns.clone());
  }

  /** w'Sw, the variance of the 1-day PnL in currency squared. */
  public double variance() {
    return variance;
  }

  /** sqrt(w'Sw), the standard deviation of the 1-day PnL. */
  public double volatility() {
    return Math.sqrt(variance);
  }

  /** w'm, the expected 1-day PnL (0 unless mean returns were given). */
  public double expectedPnl() {
    return expectedPnl;
  }

  /** 1-day VaR and ES at confidence c. */
  public TailRisk tailRisk(double confidence) {
    return tailRisk(confidence, 1);
  }

  /** h-day VaR and ES: sigma scales with sqrt(h), the mean with h. */
  public TailRisk tailRisk(double confidence, int horizonDays) {
    Checks.confidence(confidence);
    if (horizonDays < 1) {
      throw new IllegalArgumentException(String.format("Invalid horizon %s days: must be at least 1", horizonDays));
    }
    double sigma = volatility() * Math.sqrt(horizonDays);
    double mean = expectedPnl * horizonDays;
    double z = STANDARD_NORMAL.inverseCumulativeProbability(confidence);
    double tailMean = STANDARD_NORMAL.density(z) / (1 - confidence);
    return new TailRisk(confidence, z * sigma - mean, tailMean * sigma - mean);
  }

  /** The exposures this portfolio was built with (a copy). */
  public double[] exposures() {
    return exposures.clone();
  }

  /**
   * Sample covariance with the n - 1 denominator: S(i, j) = sum over days t of
   * (r(t, i) - mean_i)(r(t, j) - mean_j) / (n - 1). Needs at least 2 days.
   */
  public static double[][] covariance(double[][] returns) {
    int instruments = checkReturns(returns);
    int days = returns.length;
    if (days < 2) {
      throw new IllegalArgumentException(
          String.format("Cannot estimate a sample covariance from %d day of returns: need at least 2", days));
    }
    double[] means = meanReturns(returns);
    double[][] result = new double[instruments][instruments];
    for (double[] day : returns) {
      for (int i = 0; i < instruments; i++) {
        double di = day[i] - means[i];
        for (int j = 0; j <= i; j++) {
          result[i][j] += di * (day[j] - means[j]);
        }
      }
    }
    return symmetric(result, 1.0 / (days - 1));
  }

  /**
   * RiskMetrics EWMA covariance, zero mean: S(i, j) = sum over days t of a(t) r(t, i) r(t, j), with
   * weights a(t) = lambda^(n-1-t) / (1 + lambda + ... + lambda^(n-1)), so the newest day weighs most and
   * the weights sum to 1. For a long history this is the recursion S_t = lambda S_(t-1) + (1 - lambda)
   * r_t r_t'. Use {@link #RISKMETRICS_LAMBDA} (0.94) for daily data.
   */
  public static double[][] ewmaCovariance(double[][] returns, double lambda) {
    if (!(lambda > 0 && lambda < 1)) {
      throw new IllegalArgumentException(
          String.format("Invalid EWMA decay %s: must be in (0, 1), RiskMetrics uses 0.94", lambda));
    }
    int instruments = checkReturns(returns);
    double[][] result = new double[instruments][instruments];
    double weight = 1;
    double weightSum = 0;
    // newest day first, so its weight is lambda^0
    for (int t = returns.length - 1; t >= 0; t--) {
      double[] day = returns[t];
      for (int i = 0; i < instruments; i++) {
        double wi = weight * day[i];
        for (int j = 0; j <= i; j++) {
          result[i][j] += wi * day[j];
        }
      }
      weightSum += weight;
      weight *= lambda;
    }
    return symmetric(result, 1 / weightSum);
  }

  /** The mean return of each instrument (column) over the days (rows). */
  public static double[] meanReturns(double[][] returns) {
    int instruments = checkReturns(returns);
    double[] means = new double[instruments];
    for (double[] day : returns) {
      for (int i = 0; i < instruments; i++) {
        means[i] += day[i];
      }
    }
    for (int i = 0; i < instruments; i++) {
      means[i] /= returns.length;
    }
    return means;
  }

  // the number of instruments, after checking the matrix is rectangular and finite
  private static int checkReturns(double[][] returns) {
    if (returns == null || returns.length == 0 || returns[0].length == 0) {
      throw new IllegalArgumentException("Invalid returns: need at least one day of at least one instrument");
    }
    int instruments = returns[0].length;
    for (int t = 0; t < returns.length; t++) {
      if (returns[t].length != instruments) {
        throw new IllegalArgumentException(String.format(
            "Invalid returns: day %d has %d instruments, day 0 has %d", t, returns[t].length, instruments));
      }
      Checks.finite(returns[t], "return on day " + t);
    }
    return instruments;
  }

  // fills the upper triangle from the lower one, scaling both
  private static double[][] symmetric(double[][] lower, double scale) {
    for (int i = 0; i < lower.length; i++) {
      for (int j = 0; j <= i; j++) {
        lower[i][j] *= scale;
        lower[j][i] = lower[i][j];
      }
    }
    return lower;
  }

  private static double quadraticForm(double[] w, double[][] s) {
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      sum += w[i] * dot(s[i], w);
    }
    return sum;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static double[][] deepCopy(double[][] matrix) {
    double[][] copy = new double[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      copy[i] = matrix[i].clone();
    }
    return copy;
  }
}
