package dev.lakehouse.finance.stress;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Daily closes of the instrument universe in the base currency, one value per trading date and
 * instrument, oldest date first: what historical and volatility scenarios read. Build it from
 * {@code MarketSnapshot}, which already drops days with a missing close and converts every close
 * with the FX rate of the day (silver.finance_fx_rates, or an fx instrument's close); so an EUR stock's series here moves with both its
 * price and EUR/USD, and an FX instrument such as EURUSD is simply one more series.
 *
 * <p>Hypothetical {@link Scenario.Shock shocks} need no history: pass {@link #empty()}.
 */
public final class PriceHistory {
  private static final PriceHistory EMPTY = new PriceHistory(List.of(), Map.of());

  private final List<LocalDate> dates;
  private final Map<String, double[]> closes;

  private PriceHistory(List<LocalDate> dates, Map<String, double[]> closes) {
    this.dates = dates;
    this.closes = closes;
  }

  /**
   * A history of the given trading dates (strictly increasing) with, per instrument, one positive
   * close per date in the same order. The arrays are copied.
   */
  public static PriceHistory of(List<LocalDate> dates, Map<String, double[]> closesByInstrument) {
    List<LocalDate> copied = List.copyOf(dates);
    for (int t = 1; t < copied.size(); t++) {
      if (!copied.get(t - 1).isBefore(copied.get(t))) {
        throw new IllegalArgumentException(String.format(
            "Invalid price history: dates must increase, but %s (index %d) follows %s", copied.get(t), t, copied.get(t - 1)));
      }
    }
    Map<String, double[]> checked = new LinkedHashMap<>();
    closesByInstrument.forEach((instrument, series) -> checked.put(instrument, checkedSeries(instrument, series, copied.size())));
    return new PriceHistory(copied, checked);
  }

  /** No dates, no instruments: enough for hypothetical shocks. */
  public static PriceHistory empty() {
    return EMPTY;
  }

  /** The trading dates, oldest first. */
  public List<LocalDate> dates() {
    return dates;
  }

  /** How many trading dates. */
  public int size() {
    return dates.size();
  }

  public Set<String> instruments() {
    return closes.keySet();
  }

  /** The closes of an instrument, one per date (a copy); an error naming the instrument when it has none. */
  public double[] closes(String instrument) {
    return series(instrument, "read closes").clone();
  }

  /** The index of the last date on or before {@code date}, or -1 when the history starts later. */
  int indexOnOrBefore(LocalDate date) {
    int low = 0;
    int high = dates.size() - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (dates.get(mid).isAfter(date)) {
        high = mid - 1;
      } else {
        found = mid;
        low = mid + 1;
      }
    }
    return found;
  }

  /** The series itself, not a copy, for the package's loops; {@code purpose} completes "Cannot ..." in the error. */
  double[] series(String instrument, String purpose) {
    double[] series = closes.get(instrument);
    if (series == null) {
      throw new IllegalArgumentException(String.format(
          "Cannot %s: no price history for instrument %s (the history has %s)", purpose, instrument,
          closes.isEmpty() ? "no instruments" : String.join(", ", closes.keySet())));
    }
    return series;
  }

  private static double[] checkedSeries(String instrument, double[] series, int days) {
    Objects.requireNonNull(instrument, "instrument");
    if (series == null || series.length != days) {
      throw new IllegalArgumentException(String.format("Invalid price history of %s: %s closes for %d dates",
          instrument, series == null ? "no" : String.valueOf(series.length), days));
    }
    for (int t = 0; t < days; t++) {
      if (!(series[t] > 0) || !Double.isFinite(series[t])) {
        throw new IllegalArgumentException(String.format(
            "Invalid close %s of %s at index %d: closes must be positive and finite", series[t], instrument, t));
      }
    }
    return series.clone();
  }
}
