package dev.lakehouse.generate;

import java.util.Set;

/**
 * When and where the switched-on anomalies happen; offsets are from the start of the UTC day. The
 * revenue spike and the error burst fill exactly one aligned 10- and 5-minute window.
 */
final class AnomalyPlan {
  static final long REVENUE_SPIKE_FROM_MS = 14 * Diurnal.HOUR_MS;
  static final long REVENUE_SPIKE_UNTIL_MS = REVENUE_SPIKE_FROM_MS + 10 * Diurnal.MINUTE_MS;
  static final long ERROR_BURST_FROM_MS = 16 * Diurnal.HOUR_MS;
  static final long ERROR_BURST_UNTIL_MS = ERROR_BURST_FROM_MS + 5 * Diurnal.MINUTE_MS;
  static final long SCAN_FROM_MS = 2 * Diurnal.HOUR_MS + 58 * Diurnal.MINUTE_MS;
  static final long SCAN_DURATION_MS = 4 * Diurnal.MINUTE_MS;
  static final int SCAN_REQUESTS = 300;
  static final String SCANNER_IP = "198.51.100.23";
  static final long CARD_TESTING_FROM_MS = 10 * Diurnal.HOUR_MS + 58 * Diurnal.MINUTE_MS;
  static final long CARD_TESTING_DURATION_MS = 5 * Diurnal.MINUTE_MS;
  static final int CARD_TESTS = 25;
  /** The service whose error rate rises during the error burst. */
  static final String BURST_SERVICE = "checkout";

  private final Set<Anomaly> anomalies;
  private final long dayStartMs;

  AnomalyPlan(Set<Anomaly> anomalies, long dayStartMs) {
    this.anomalies = anomalies;
    this.dayStartMs = dayStartMs;
  }

  boolean injects(Anomaly anomaly) {
    return anomalies.contains(anomaly);
  }

  boolean revenueSpikesAt(long epochMs) {
    return injects(Anomaly.REVENUE_SPIKE) && within(epochMs, REVENUE_SPIKE_FROM_MS, REVENUE_SPIKE_UNTIL_MS);
  }

  boolean errorsBurstAt(long epochMs) {
    return injects(Anomaly.ERROR_BURST) && within(epochMs, ERROR_BURST_FROM_MS, ERROR_BURST_UNTIL_MS);
  }

  /** Scan requests in a run of the given size: about 300, at most 5% of the records. */
  int scanRequests(long totalRecords) {
    return injects(Anomaly.SCANNING_IP) ? (int) Math.min(SCAN_REQUESTS, totalRecords / 20) : 0;
  }

  /** Card-testing payments in a run of the given size: about 25, at most 5% of the records. */
  int cardTests(long totalRecords) {
    return injects(Anomaly.CARD_TESTING) ? (int) Math.min(CARD_TESTS, totalRecords / 20) : 0;
  }

  long dayStartMs() {
    return dayStartMs;
  }

  private boolean within(long epochMs, long fromMs, long untilMs) {
    long offset = epochMs - dayStartMs;
    return offset >= fromMs && offset < untilMs;
  }
}
