package dev.lakehouse.finance.risk;

/**
 * The Basel traffic light for VaR backtesting (BCBS 1996, "Supervisory framework for the use of
 * backtesting"): the number of exceptions of a 99% 1-day VaR over the last 250 trading days. The
 * boundaries only mean something for that window and confidence; for other windows compare the
 * Kupiec p-value instead.
 */
public enum BaselZone {
  /** 0 to 4 exceptions: consistent with a correct model. */
  GREEN(0, 4),
  /** 5 to 9 exceptions: possible problem; the capital multiplier rises with each exception. */
  YELLOW(5, 9),
  /** 10 or more exceptions: the model is presumed inaccurate. */
  RED(10, Integer.MAX_VALUE);

  private final int minExceptions;
  private final int maxExceptions;

  BaselZone(int minExceptions, int maxExceptions) {
    this.minExceptions = minExceptions;
    this.maxExceptions = maxExceptions;
  }

  /** The zone for an exception count from a 250-day window at 99%. */
  public static BaselZone of(int exceptions) {
    if (exceptions < 0) {
      throw new IllegalArgumentException(String.format("Invalid exception count %d: must be at least 0", exceptions));
    }
    for (BaselZone zone : values()) {
      if (exceptions <= zone.maxExceptions) {
        return zone;
      }
    }
    throw new AssertionError("RED has no upper bound");
  }

  /** The fewest exceptions in this zone. */
  public int minExceptions() {
    return minExceptions;
  }

  /** The most exceptions in this zone ({@link Integer#MAX_VALUE} for RED). */
  public int maxExceptions() {
    return maxExceptions;
  }
}
