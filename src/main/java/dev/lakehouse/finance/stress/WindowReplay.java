package dev.lakehouse.finance.stress;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Scenario.HistoricalWindow}: each instrument's relative move between two closes of the
 * history, applied to today's value of the position.
 */
final class WindowReplay {
  // windows whose PnL differ by less than this fraction of the gross exposure count as tied (the earliest wins),
  // so rounding in the last bits does not pick a later window of the same move
  private static final double TIE_TOLERANCE = 1e-12;

  private WindowReplay() {}

  static StressResult apply(Scenario.HistoricalWindow scenario, Portfolio portfolio, PriceHistory history,
      Map<String, DateRange> namedWindows) {
    Map<String, Double> exposures = portfolio.exposures();
    List<double[]> series = exposures.keySet().stream()
        .map(instrument -> history.series(instrument, "run scenario '" + scenario.name() + "'"))
        .toList();
    Span span = span(scenario, exposures, series, history, namedWindows);
    Map<String, Double> pnlByInstrument = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, Double> exposure : exposures.entrySet()) {
      pnlByInstrument.put(exposure.getKey(), exposure.getValue() * move(series.get(i++), span.start(), span.end()));
    }
    List<LocalDate> dates = history.dates();
    DateRange closes = new DateRange(dates.get(span.start()), dates.get(span.end()));
    String detail = String.format("%s: closes of %s (%d trading days), relative moves applied to today's prices",
        span.described(), closes, span.end() - span.start());
    return portfolio.result(scenario, pnlByInstrument, Optional.of(closes), detail);
  }

  /** The start and end close indices of the window, and the window in words. */
  private record Span(int start, int end, String described) {}

  private static Span span(Scenario.HistoricalWindow scenario, Map<String, Double> exposures, List<double[]> series,
      PriceHistory history, Map<String, DateRange> namedWindows) {
    Window window = scenario.window();
    if (window instanceof Window.Worst worst) {
      int start = worstStart(scenario, worst.days(), exposures, series, history);
      int windows = history.size() - worst.days();
      return new Span(start, start + worst.days(),
          String.format("%s of %d trading days (%d windows)", worst.describe(), history.size(), windows));
    }
    if (window instanceof Window.Named named) {
      DateRange range = namedWindows.get(named.name());
      if (range == null) {
        throw new IllegalArgumentException(String.format(
            "Cannot run scenario '%s': window '%s' has no dates; pass them with StressTest.withNamedWindows (given: %s)",
            scenario.name(), named.name(), namedWindows.isEmpty() ? "none" : String.join(", ", namedWindows.keySet())));
      }
      return fixed(scenario, range, named.describe() + " " + range, history);
    }
    Window.Fixed fixed = (Window.Fixed) window;
    return fixed(scenario, fixed.range(), fixed.describe(), history);
  }

  /** The closes on or before each end of the range; both inside the history and different. */
  private static Span fixed(Scenario scenario, DateRange range, String described, PriceHistory history) {
    List<LocalDate> dates = history.dates();
    if (dates.isEmpty() || range.from().isBefore(dates.get(0)) || range.to().isAfter(dates.get(dates.size() - 1))) {
      throw new IllegalArgumentException(String.format("Cannot run scenario '%s' (%s): the price history covers %s",
          scenario.name(), described, dates.isEmpty() ? "no dates" : dates.get(0) + " to " + dates.get(dates.size() - 1)));
    }
    int start = history.indexOnOrBefore(range.from());
    int end = history.indexOnOrBefore(range.to());
    if (start == end) {
      throw new IllegalArgumentException(String.format(
          "Cannot run scenario '%s' (%s): no trading day closes inside it, both ends fall on the close of %s",
          scenario.name(), described, dates.get(start)));
    }
    return new Span(start, end, described);
  }

  /** The start index s of the worst window s -> s + days for these exposures; the earliest of tied windows. */
  private static int worstStart(Scenario scenario, int days, Map<String, Double> exposures, List<double[]> series,
      PriceHistory history) {
    if (history.size() < days + 1) {
      throw new IllegalArgumentException(String.format(
          "Cannot run scenario '%s' (worst %d-day window): the price history has %d trading days, need at least %d",
          scenario.name(), days, history.size(), days + 1));
    }
    double[] w = exposures.values().stream().mapToDouble(Double::doubleValue).toArray();
    double tolerance = TIE_TOLERANCE * Arrays.stream(w).map(Math::abs).sum();
    int best = 0;
    double bestPnl = pnl(w, series, 0, days);
    for (int s = 1; s + days < history.size(); s++) {
      double pnl = pnl(w, series, s, s + days);
      if (pnl < bestPnl - tolerance) {
        best = s;
        bestPnl = pnl;
      }
    }
    return best;
  }

  private static double pnl(double[] exposures, List<double[]> series, int start, int end) {
    double sum = 0;
    for (int i = 0; i < exposures.length; i++) {
      sum += exposures[i] * move(series.get(i), start, end);
    }
    return sum;
  }

  // close_end / close_start - 1
  private static double move(double[] closes, int start, int end) {
    return closes[end] / closes[start] - 1;
  }
}
