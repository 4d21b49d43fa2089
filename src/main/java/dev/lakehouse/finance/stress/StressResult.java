package dev.lakehouse.finance.stress;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One scenario applied to one portfolio: a row of {@code gold.finance_stress_results}. Gains positive,
 * losses negative, in the base currency.
 *
 * @param portfolioId     the portfolio stressed
 * @param scenario        the scenario applied
 * @param pnl             the portfolio's PnL under the scenario: the sum of {@code pnlByInstrument}
 * @param portfolioValue  today's market value of the positions, sum of quantity x price
 * @param pnlByInstrument PnL per instrument held, in the order of the positions (lots of one instrument summed)
 * @param window          for a historical scenario, the days whose closes the window ran between
 * @param detail          what the scenario did, in words: rules and how many positions each hit, the window, the VaR figures
 */
public record StressResult(String portfolioId, Scenario scenario, double pnl, double portfolioValue,
    Map<String, Double> pnlByInstrument, Optional<DateRange> window, String detail) {

  public StressResult {
    Objects.requireNonNull(portfolioId, "portfolioId");
    Objects.requireNonNull(scenario, "scenario");
    pnlByInstrument = Collections.unmodifiableMap(new LinkedHashMap<>(pnlByInstrument));
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(detail, "detail");
  }

  /** The PnL of one instrument. */
  public record InstrumentPnl(String instrumentId, double pnl) {}

  /** The scenario name, the {@code scenario} column. */
  public String scenarioName() {
    return scenario.name();
  }

  /** Hypothetical or historical, the {@code scenario_kind} column. */
  public ScenarioKind kind() {
    return scenario.kind();
  }

  /** pnl / portfolioValue; NaN when the portfolio is worth exactly 0 (longs and shorts netting out). */
  public double pnlPct() {
    return portfolioValue == 0 ? Double.NaN : pnl / portfolioValue;
  }

  /** The instrument with the largest loss (the first one on a tie); none when no instrument loses. */
  public Optional<InstrumentPnl> worstInstrument() {
    InstrumentPnl worst = null;
    for (Map.Entry<String, Double> entry : pnlByInstrument.entrySet()) {
      if (entry.getValue() < 0 && (worst == null || entry.getValue() < worst.pnl())) {
        worst = new InstrumentPnl(entry.getKey(), entry.getValue());
      }
    }
    return Optional.ofNullable(worst);
  }
}
