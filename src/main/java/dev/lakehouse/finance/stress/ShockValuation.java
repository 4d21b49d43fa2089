package dev.lakehouse.finance.stress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Scenario.Shock}: every rule's move compounds onto the positions it hits. */
final class ShockValuation {
  private ShockValuation() {}

  static StressResult apply(Scenario.Shock scenario, Portfolio portfolio, String baseCurrency) {
    scenario.rules().forEach(rule -> requireForeign(scenario, rule, baseCurrency));
    Map<String, Double> pnlByInstrument = new LinkedHashMap<>();
    int[] hits = new int[scenario.rules().size()];
    for (PositionValue position : portfolio.positions()) {
      double factor = 1;
      for (int r = 0; r < hits.length; r++) {
        ShockRule rule = scenario.rules().get(r);
        if (rule.matches(position, baseCurrency)) {
          factor *= 1 + rule.move();
          hits[r]++;
        }
      }
      pnlByInstrument.merge(position.instrumentId(), position.marketValue() * (factor - 1), Double::sum);
    }
    return portfolio.result(scenario, pnlByInstrument, Optional.empty(), detail(scenario, hits, baseCurrency));
  }

  // a currency cannot move against itself; a rule that tries is a mistake in the library or the base currency
  private static void requireForeign(Scenario scenario, ShockRule rule, String baseCurrency) {
    if (rule.movesCurrency() && rule.value().equals(baseCurrency)) {
      throw new IllegalArgumentException(String.format(
          "Cannot run scenario '%s': rule '%s' moves the base currency against itself; name a foreign currency or use %s",
          scenario.name(), rule.describe(baseCurrency), ShockRule.CURRENCY_FOREIGN));
    }
  }

  // "asset_class equity -20% (2 positions); currency EUR -15% vs USD (0 positions)": a rule hitting nothing shows
  private static String detail(Scenario.Shock scenario, int[] hits, String baseCurrency) {
    List<String> parts = new ArrayList<>();
    for (int r = 0; r < hits.length; r++) {
      parts.add(String.format("%s (%d position%s)", scenario.rules().get(r).describe(baseCurrency), hits[r], hits[r] == 1 ? "" : "s"));
    }
    return String.join("; ", parts);
  }
}
