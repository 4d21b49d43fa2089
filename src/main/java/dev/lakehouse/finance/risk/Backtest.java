package dev.lakehouse.finance.risk;

/**
 * Backtest of a VaR model at confidence c, i.e. expected exception rate p = 1 - c. Day t pairs the VaR
 * forecast made at the close of day t with the PnL realised over the next day, t + 1; the caller aligns
 * the two arrays so index t holds that pair. An exception is a loss above the forecast:
 * -pnl[t] > var[t].
 *
 * <p>Tests, with n days, x exceptions, and 0 * ln(0) taken as 0 throughout so no count gives NaN:
 * <ul>
 *   <li>{@link #kupiecPof Kupiec proportion of failures}: is x / n consistent with p?
 *       LR_pof = -2 ln[(1-p)^(n-x) p^x] + 2 ln[(1-x/n)^(n-x) (x/n)^x], chi-square(1).
 *   <li>{@link #christoffersenIndependence Christoffersen independence}: do exceptions cluster?
 *       With n_ij the number of days in state j after a day in state i (1 = exception),
 *       pi01 = n01 / (n00 + n01), pi11 = n11 / (n10 + n11), pi = (n01 + n11) / (n00 + n01 + n10 + n11):
 *       LR_ind = -2 ln[(1-pi)^(n00+n10) pi^(n01+n11)]
 *                + 2 ln[(1-pi01)^n00 pi01^n01 (1-pi11)^n10 pi11^n11], chi-square(1).
 *   <li>{@link #conditionalCoverage(boolean[], double) conditional coverage}: LR_cc = LR_pof + LR_ind,
 *       chi-square(2).
 * </ul>
 * Over 250 days at 99%, {@link BaselZone#of(int)} gives the regulatory traffic light.
 */
public final class Backtest {
  private final boolean[] exceptions;
  private final double expectedRate;

  private Backtest(boolean[] exceptions, double expectedRate) {
    this.exceptions = exceptions;
    this.expectedRate = expectedRate;
  }

  /** VaR forecasts (losses, positive) and the PnL realised over each forecast's day (gains positive). */
  public static Backtest of(double[] varForecasts, double[] realisedPnl, double confidence) {
    Checks.confidence(confidence);
    return new Backtest(exceptions(varForecasts, realisedPnl), 1 - confidence);
  }

  /** Exceptions already flagged, e.g. read back from a table; day t is an exception when true. */
  public static Backtest ofExceptions(boolean[] exceptions, double confidence) {
    Checks.confidence(confidence);
    checkDays(exceptions.length);
    return new Backtest(exceptions.clone(), 1 - confidence);
  }

  /** n, the number of days. */
  public int days() {
    return exceptions.length;
  }

  /** x, the number of days the loss exceeded the VaR. */
  public int exceptionCount() {
    return count(exceptions);
  }

  /** One flag per day, true where the loss exceeded the VaR (a copy). */
  public boolean[] exceptions() {
    return exceptions.clone();
  }

  /** Kupiec's proportion-of-failures test of x exceptions in n days against p = 1 - c. */
  public LikelihoodRatio kupiec() {
    return kupiecPof(days(), exceptionCount(), expectedRate);
  }

  /** Christoffersen's test that an exception today does not make one tomorrow more likely. */
  public LikelihoodRatio independence() {
    return christoffersenIndependence(exceptions);
  }

  /** Right number of exceptions and independent: LR_pof + LR_ind against chi-square(2). */
  public LikelihoodRatio conditionalCoverage() {
    return conditionalCoverage(exceptions, expectedRate);
  }

  /** The Basel zone of the exception count; meaningful for the last 250 days of a 99% VaR. */
  public BaselZone baselZone() {
    return BaselZone.of(exceptionCount());
  }

  /** exceptions[t] = -realisedPnl[t] > varForecasts[t]; the arrays must have the same length. */
  public static boolean[] exceptions(double[] varForecasts, double[] realisedPnl) {
    if (varForecasts.length != realisedPnl.length) {
      throw new IllegalArgumentException(String.format(
          "Invalid backtest: %d VaR forecasts but %d realised P&L values; align them day by day",
          varForecasts.length, realisedPnl.length));
    }
    checkDays(varForecasts.length);
    Checks.finite(varForecasts, "VaR forecast");
    Checks.finite(realisedPnl, "realised P&L");
    boolean[] result = new boolean[varForecasts.length];
    for (int t = 0; t < result.length; t++) {
      result[t] = -realisedPnl[t] > varForecasts[t];
    }
    return result;
  }

  /** How many flags are true. */
  public static int count(boolean[] exceptions) {
    int count = 0;
    for (boolean exception : exceptions) {
      count += exception ? 1 : 0;
    }
    return count;
  }

  /**
   * Kupiec (1995) proportion of failures:
   * LR_pof = -2 ln[(1-p)^(n-x) p^x] + 2 ln[(1-x/n)^(n-x) (x/n)^x] against chi-square(1). Defined for
   * every x from 0 to n (0 * ln 0 = 0): x = 0 gives -2 n ln(1-p), x = n gives -2 n ln(p).
   */
  public static LikelihoodRatio kupiecPof(int days, int exceptions, double expectedRate) {
    checkDays(days);
    if (exceptions < 0 || exceptions > days) {
      throw new IllegalArgumentException(
          String.format("Invalid exception count %d: must be between 0 and the %d days", exceptions, days));
    }
    checkRate(expectedRate);
    int n = days;
    int x = exceptions;
    double observedRate = (double) x / n;
    double nullLogLikelihood = xLogY(n - x, 1 - expectedRate) + xLogY(x, expectedRate);
    double observedLogLikelihood = xLogY(n - x, 1 - observedRate) + xLogY(x, observedRate);
    return LikelihoodRatio.chiSquare(-2 * (nullLogLikelihood - observedLogLikelihood), 1);
  }

  /** The transition counts Christoffersen's test is built on. */
  public static Transitions transitions(boolean[] exceptions) {
    int[][] counts = new int[2][2];
    for (int t = 1; t < exceptions.length; t++) {
      counts[exceptions[t - 1] ? 1 : 0][exceptions[t] ? 1 : 0]++;
    }
    return new Transitions(counts[0][0], counts[0][1], counts[1][0], counts[1][1]);
  }

  /**
   * Christoffersen (1998) independence test, LR_ind against chi-square(1), from the n - 1 day-to-day
   * transitions. Empty transition rows (no exception ever followed by a day) contribute nothing, so
   * runs with no exception, or only exceptions, give LR_ind = 0.
   */
  public static LikelihoodRatio christoffersenIndependence(boolean[] exceptions) {
    checkDays(exceptions.length);
    Transitions n = transitions(exceptions);
    double pi01 = ratio(n.n01(), n.n00() + n.n01());
    double pi11 = ratio(n.n11(), n.n10() + n.n11());
    double pi = ratio(n.n01() + n.n11(), n.total());
    double independentLogLikelihood = xLogY(n.n00() + n.n10(), 1 - pi) + xLogY(n.n01() + n.n11(), pi);
    double markovLogLikelihood = xLogY(n.n00(), 1 - pi01) + xLogY(n.n01(), pi01)
        + xLogY(n.n10(), 1 - pi11) + xLogY(n.n11(), pi11);
    return LikelihoodRatio.chiSquare(-2 * (independentLogLikelihood - markovLogLikelihood), 1);
  }

  /** Christoffersen (1998) conditional coverage: LR_cc = LR_pof + LR_ind against chi-square(2). */
  public static LikelihoodRatio conditionalCoverage(boolean[] exceptions, double expectedRate) {
    double pof = kupiecPof(exceptions.length, count(exceptions), expectedRate).statistic();
    double independence = christoffersenIndependence(exceptions).statistic();
    return LikelihoodRatio.chiSquare(pof + independence, 2);
  }

  /**
   * Day-to-day transitions between "no exception" (0) and "exception" (1): nij counts days in state j
   * that follow a day in state i.
   */
  public record Transitions(int n00, int n01, int n10, int n11) {
    /** All transitions: days - 1. */
    public int total() {
      return n00 + n01 + n10 + n11;
    }
  }

  // x * ln(y) with 0 * ln(0) = 0, the limit that keeps empty counts out of the likelihood
  private static double xLogY(double x, double y) {
    return x == 0 ? 0 : x * Math.log(y);
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  private static void checkDays(int days) {
    if (days < 1) {
      throw new IllegalArgumentException(String.format("Invalid backtest window of %d days: need at least one day", days));
    }
  }

  private static void checkRate(double expectedRate) {
    if (!(expectedRate > 0 && expectedRate < 1)) {
      throw new IllegalArgumentException(String.format(
          "Invalid expected exception rate %s: must be in (0, 1), 1 - confidence, e.g. 0.01 for a 99%% VaR", expectedRate));
    }
  }
}
