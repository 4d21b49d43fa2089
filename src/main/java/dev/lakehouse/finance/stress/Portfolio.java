package dev.lakehouse.finance.stress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The positions of one portfolio, non-empty, and the results built from them. */
record Portfolio(String id, List<PositionValue> positions) {

  /** Checks that the positions are there and all belong to one portfolio. */
  static Portfolio of(List<PositionValue> positions) {
    if (positions == null || positions.isEmpty()) {
      throw new IllegalArgumentException("Cannot stress an empty portfolio: pass at least one position");
    }
    List<String> ids = positions.stream().map(PositionValue::portfolioId).distinct().toList();
    if (ids.size() > 1) {
      throw new IllegalArgumentException(String.format(
          "Cannot stress the positions of several portfolios at once (%s): pass one portfolio's positions, or use runAll",
          String.join(", ", ids)));
    }
    return new Portfolio(ids.get(0), List.copyOf(positions));
  }

  /** Sum of quantity x price. */
  double value() {
    return positions.stream().mapToDouble(PositionValue::marketValue).sum();
  }

  /** Market value per instrument, lots of one instrument summed, in the order the instruments first appear. */
  Map<String, Double> exposures() {
    Map<String, Double> exposures = new LinkedHashMap<>();
    positions.forEach(position -> exposures.merge(position.instrumentId(), position.marketValue(), Double::sum));
    return exposures;
  }

  /** The result of a scenario given the PnL of each instrument; the portfolio PnL is their sum. */
  StressResult result(Scenario scenario, Map<String, Double> pnlByInstrument, Optional<DateRange> window, String detail) {
    double pnl = pnlByInstrument.values().stream().mapToDouble(Double::doubleValue).sum();
    return new StressResult(id, scenario, pnl, value(), pnlByInstrument, window, detail);
  }
}
