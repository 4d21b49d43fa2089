package dev.lakehouse.finance.risk;

import java.util.Arrays;

/**
 * VaR and expected shortfall read off a set of PnL scenarios (historical simulation: position values
 * times historical returns, or the output of {@link MonteCarloVar}), with no distributional assumption.
 *
 * <p>Quantile convention, for n scenarios at confidence c. Losses are L = -PnL; L(1) >= L(2) >= ... are
 * the losses from the worst down, and
 * <pre>
 *   k     = ceil(n * (1 - c)), at least 1      the number of tail scenarios
 *   VaR_c = L(k)                               the k-th worst loss
 *   ES_c  = (L(1) + ... + L(k)) / k            the mean of the k worst losses
 * </pre>
 * There is no interpolation: VaR is always one of the scenario losses, and ES >= VaR. Examples: 250
 * scenarios at 99% give k = 3 (2.5 rounded up), 500 give k = 5, 20 at 95% give k = 1 (the worst loss).
 * When n * (1 - c) is at most a relative 1e-9 above an integer it counts as that integer, so binary
 * floating point does not add a scenario: 20 * (1 - 0.85) evaluates to 3.0000000000000004, and k = 3.
 *
 * <p>A negative VaR means even the k-th worst scenario is a gain.
 */
public final class HistoricalVar {
  // how close n * (1 - c) must be to an integer, relatively, to count as one
  private static final double TAIL_SIZE_TOLERANCE = 1e-9;

  private HistoricalVar() {}

  /** VaR and ES at confidence c from one sort of the scenarios. */
  public static TailRisk tailRisk(double[] pnl, double confidence) {
    double[] ascending = sortedScenarios(pnl);
    int k = tailSize(ascending.length, confidence);
    return new TailRisk(confidence, -ascending[k - 1], -meanOfFirst(ascending, k));
  }

  /** VaR_c = L(k), the k-th worst loss, k = ceil(n * (1 - c)). */
  public static double valueAtRisk(double[] pnl, double confidence) {
    return tailRisk(pnl, confidence).valueAtRisk();
  }

  /** ES_c = the mean of the k worst losses, k = ceil(n * (1 - c)). */
  public static double expectedShortfall(double[] pnl, double confidence) {
    return tailRisk(pnl, confidence).expectedShortfall();
  }

  /** k = ceil(n * (1 - c)), at least 1: how many of n scenarios make up the tail at confidence c. */
  public static int tailSize(int scenarios, double confidence) {
    Checks.confidence(confidence);
    if (scenarios < 1) {
      throw new IllegalArgumentException(String.format("Invalid scenario count %d: need at least one scenario", scenarios));
    }
    double tail = scenarios * (1 - confidence);
    int k = (int) Math.ceil(tail - tail * TAIL_SIZE_TOLERANCE);
    return Math.max(1, Math.min(scenarios, k));
  }

  private static double[] sortedScenarios(double[] pnl) {
    Checks.nonEmpty(pnl, "P&L scenarios");
    Checks.finite(pnl, "P&L scenario");
    double[] ascending = pnl.clone();
    Arrays.sort(ascending);
    return ascending;
  }

  private static double meanOfFirst(double[] values, int count) {
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += values[i];
    }
    return sum / count;
  }
}
