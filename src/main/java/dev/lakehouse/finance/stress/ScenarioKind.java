package dev.lakehouse.finance.stress;

import java.util.Locale;

/** The two families of scenarios, as written to {@code gold.finance_stress_results.scenario_kind}. */
public enum ScenarioKind {
  /** Made-up moves: {@link Scenario.Shock} and {@link Scenario.VolatilityShock}. */
  HYPOTHETICAL,
  /** Moves the market actually made: {@link Scenario.HistoricalWindow}. */
  HISTORICAL;

  /** The lower-case value of the {@code scenario_kind} column: hypothetical or historical. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
