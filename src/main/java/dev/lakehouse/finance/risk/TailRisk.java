package dev.lakehouse.finance.risk;

/**
 * VaR and expected shortfall at one confidence level, both as losses (positive = money lost).
 *
 * @param confidence the confidence level c in (0, 1), e.g. 0.99
 * @param valueAtRisk the loss exceeded with probability 1 - c
 * @param expectedShortfall the mean loss in the worst 1 - c of outcomes
 */
public record TailRisk(double confidence, double valueAtRisk, double expectedShortfall) {

  public TailRisk {
    Checks.confidence(confidence);
  }

  /**
   * Square-root-of-time scaling to an h-day horizon: both measures times sqrt(h). Exact for i.i.d.
   * zero-mean normal PnL; the usual regulatory approximation otherwise (10-day from 1-day).
   */
  public TailRisk scaledToHorizon(int days) {
    if (days < 1) {
      throw new IllegalArgumentException(String.format("Invalid horizon %s days: must be at least 1", days));
    }
    double factor = Math.sqrt(days);
    return new TailRisk(confidence, valueAtRisk * factor, expectedShortfall * factor);
  }
}
