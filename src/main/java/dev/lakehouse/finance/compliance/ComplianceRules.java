package dev.lakehouse.finance.compliance;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Settings of the payment compliance checks; immutable and validated when built. Start from
 * {@link #defaults()} and change what differs with the {@code with...} methods.
 *
 * <p>Amounts are compared in the payment's own currency; nothing is converted. The reporting threshold
 * is one figure for every currency, 10,000 by default (the EUR 10,000 and USD 10,000 reporting levels
 * are the model), unless {@code thresholdsByCurrency} names another figure for a currency, e.g.
 * {@code withThresholdFor("GBP", new BigDecimal("8500"))}.
 *
 * @param reportingThreshold a payment of this amount or more is a large transaction (default 10,000)
 * @param thresholdsByCurrency reporting thresholds that replace {@code reportingThreshold} for one
 *     currency (default none); keys are ISO 4217 codes in capitals
 * @param justBelowFraction where "just below" starts, as a fraction of the threshold: a payment is just
 *     below when {@code fraction * threshold <= amount < threshold}; default 0.80, i.e. [8,000, 10,000)
 * @param structuringWindow how close in time the just-below payments of one structuring window are:
 *     first and last at most this far apart, ends included (default 24 hours)
 * @param structuringMinCount how many just-below payments a window needs (default 3); the window must
 *     also sum to more than the threshold, which only bites when {@code fraction * count <= 1}
 * @param sanctionsMatchThreshold the name similarity, in (0, 1], from which a customer name matches a
 *     sanctioned name (default {@link NameMatcher#DEFAULT_THRESHOLD}, 0.92; see there for why)
 */
public record ComplianceRules(
    BigDecimal reportingThreshold,
    Map<String, BigDecimal> thresholdsByCurrency,
    BigDecimal justBelowFraction,
    Duration structuringWindow,
    int structuringMinCount,
    double sanctionsMatchThreshold) implements java.io.Serializable {

  // payments of this amount or more are reported, in any currency without its own threshold
  public static final BigDecimal DEFAULT_REPORTING_THRESHOLD = new BigDecimal("10000");
  // "just below" is 80% to 100% of the threshold: [8,000, 10,000) at the default threshold
  public static final BigDecimal DEFAULT_JUST_BELOW_FRACTION = new BigDecimal("0.80");
  // structuring looks at payments within one day of each other
  public static final Duration DEFAULT_STRUCTURING_WINDOW = Duration.ofHours(24);
  // three just-below payments in a window make structuring; two may be coincidence
  public static final int DEFAULT_STRUCTURING_MIN_COUNT = 3;

  public ComplianceRules {
    Checks.positive(reportingThreshold, "reportingThreshold");
    thresholdsByCurrency = sortedCopy(Checks.present(thresholdsByCurrency, "thresholdsByCurrency"));
    justBelowFraction(justBelowFraction);
    structuringWindow(structuringWindow);
    structuringMinCount(structuringMinCount);
    sanctionsMatchThreshold(sanctionsMatchThreshold);
  }

  /** Every setting at its documented default. */
  public static ComplianceRules defaults() {
    return new ComplianceRules(DEFAULT_REPORTING_THRESHOLD, Map.of(), DEFAULT_JUST_BELOW_FRACTION,
        DEFAULT_STRUCTURING_WINDOW, DEFAULT_STRUCTURING_MIN_COUNT, NameMatcher.DEFAULT_THRESHOLD);
  }

  public ComplianceRules withReportingThreshold(BigDecimal threshold) {
    return new ComplianceRules(threshold, thresholdsByCurrency, justBelowFraction, structuringWindow,
        structuringMinCount, sanctionsMatchThreshold);
  }

  /** These rules with {@code threshold} as the reporting threshold of {@code currency} only. */
  public ComplianceRules withThresholdFor(String currency, BigDecimal threshold) {
    Map<String, BigDecimal> thresholds = new TreeMap<>(thresholdsByCurrency);
    thresholds.put(Checks.currency(currency, "thresholdsByCurrency key"), threshold);
    return new ComplianceRules(reportingThreshold, thresholds, justBelowFraction, structuringWindow,
        structuringMinCount, sanctionsMatchThreshold);
  }

  public ComplianceRules withJustBelowFraction(BigDecimal fraction) {
    return new ComplianceRules(reportingThreshold, thresholdsByCurrency, fraction, structuringWindow,
        structuringMinCount, sanctionsMatchThreshold);
  }

  public ComplianceRules withStructuringWindow(Duration window) {
    return new ComplianceRules(reportingThreshold, thresholdsByCurrency, justBelowFraction, window,
        structuringMinCount, sanctionsMatchThreshold);
  }

  public ComplianceRules withStructuringMinCount(int count) {
    return new ComplianceRules(reportingThreshold, thresholdsByCurrency, justBelowFraction, structuringWindow,
        count, sanctionsMatchThreshold);
  }

  public ComplianceRules withSanctionsMatchThreshold(double threshold) {
    return new ComplianceRules(reportingThreshold, thresholdsByCurrency, justBelowFraction, structuringWindow,
        structuringMinCount, threshold);
  }

  /** The reporting threshold of a currency: its own if set, else {@code reportingThreshold}. */
  public BigDecimal thresholdFor(String currency) {
    return thresholdsByCurrency.getOrDefault(currency, reportingThreshold);
  }

  /** The smallest just-below amount in a currency: {@code justBelowFraction * thresholdFor(currency)}. */
  public BigDecimal justBelowFloorFor(String currency) {
    return thresholdFor(currency).multiply(justBelowFraction);
  }

  /** At or above the reporting threshold of its currency. */
  public boolean isLarge(Transaction transaction) {
    return transaction.amount().compareTo(thresholdFor(transaction.currency())) >= 0;
  }

  /** In [floor, threshold) of its currency: a candidate for structuring, not itself reportable. */
  public boolean isJustBelow(Transaction transaction) {
    return !isLarge(transaction) && transaction.amount().compareTo(justBelowFloorFor(transaction.currency())) >= 0;
  }

  // a TreeMap copy, so iteration and toString() are the same on every run
  private static Map<String, BigDecimal> sortedCopy(Map<String, BigDecimal> thresholds) {
    Map<String, BigDecimal> sorted = new TreeMap<>();
    thresholds.forEach((currency, threshold) -> sorted.put(
        Checks.currency(currency, "thresholdsByCurrency key"),
        Checks.positive(threshold, "thresholdsByCurrency[" + currency + "]")));
    return Collections.unmodifiableMap(sorted);
  }

  private static void justBelowFraction(BigDecimal fraction) {
    if (Checks.present(fraction, "justBelowFraction").signum() <= 0 || fraction.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException(String.format(
          "Invalid justBelowFraction %s: must be a fraction of the threshold in (0, 1), e.g. 0.80",
          fraction.toPlainString()));
    }
  }

  private static void structuringWindow(Duration window) {
    if (Checks.present(window, "structuringWindow").isNegative() || window.isZero()) {
      throw new IllegalArgumentException(
          String.format("Invalid structuringWindow %s: must be longer than 0, e.g. PT24H", window));
    }
  }

  private static void structuringMinCount(int count) {
    if (count < 2) {
      throw new IllegalArgumentException(String.format(
          "Invalid structuringMinCount %d: must be at least 2, since one payment below the threshold cannot sum above it",
          count));
    }
  }

  private static void sanctionsMatchThreshold(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException(String.format(
          "Invalid sanctionsMatchThreshold %s: must be a similarity in (0, 1], e.g. 0.92", threshold));
    }
  }
}
