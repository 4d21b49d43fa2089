package dev.lakehouse.generate;

/**
 * The daily traffic curve: a trough around 04:00 UTC, a plateau through the working day and a peak
 * around 20:00 UTC. Event times are drawn by inverting its cumulative distribution.
 */
final class Diurnal {
  static final long DAY_MS = 86_400_000L;
  static final long HOUR_MS = 3_600_000L;
  static final long MINUTE_MS = 60_000L;

  // relative intensity at each full hour 00:00 .. 24:00, linear in between
  private static final double[] HOURLY_INTENSITY = {
      0.55, 0.40, 0.30, 0.25, 0.22, 0.25, 0.35, 0.55, 0.75, 0.90, 1.00, 1.05,
      1.10, 1.10, 1.05, 1.05, 1.10, 1.25, 1.45, 1.65, 1.75, 1.60, 1.25, 0.85, 0.55};
  private static final int MINUTES = 1440;
  private static final double[] CUMULATIVE = cumulativeByMinute();

  private Diurnal() {}

  /** Relative traffic at an hour of the day in [0, 24). */
  static double intensityAt(double hourOfDay) {
    int hour = (int) hourOfDay;
    double within = hourOfDay - hour;
    return HOURLY_INTENSITY[hour] + (HOURLY_INTENSITY[hour + 1] - HOURLY_INTENSITY[hour]) * within;
  }

  /** Milliseconds into the day before which the given fraction (in [0, 1)) of the traffic falls. */
  static long offsetAtQuantile(double quantile) {
    int minute = minuteContaining(quantile);
    double within = (quantile - CUMULATIVE[minute]) / (CUMULATIVE[minute + 1] - CUMULATIVE[minute]);
    return Math.min(DAY_MS - 1, (long) ((minute + within) * MINUTE_MS));
  }

  private static int minuteContaining(double quantile) {
    int low = 0;
    int high = MINUTES - 1;
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (CUMULATIVE[middle] <= quantile) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }

  private static double[] cumulativeByMinute() {
    double[] cumulative = new double[MINUTES + 1];
    for (int minute = 0; minute < MINUTES; minute++) {
      cumulative[minute + 1] = cumulative[minute] + intensityAt((minute + 0.5) / 60.0);
    }
    double total = cumulative[MINUTES];
    for (int minute = 0; minute <= MINUTES; minute++) {
      cumulative[minute] /= total;
    }
    return cumulative;
  }
}
