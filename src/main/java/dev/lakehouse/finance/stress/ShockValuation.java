package dev.lakehouse.finance.stress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
    return portfolio.result(scenario, pnlByInstrument, Optional.empty(), detail(scenario, portfolio, hits, baseCurrency));
  }

  // a currency cannot move against itself; a rule that tries is a mistake in the library or the base currency
  private static void requireForeign(Scenario scenario, ShockRule rule, String baseCurrency) {
    if (rule.movesCurrency() && rule.value().equals(baseCurrency)) {
      throw new IllegalArgumentException(String.format(
          "Cannot run scenario '%s': rule '%s' moves the base currency against itself; name a foreign currency or use %s",
          scenario.name(), rule.describe(baseCurrency), ShockRule.CURRENCY_FOREIGN));
    }
  }

  // "asset_class equity -20% (2 positions); currency EUR -15% vs USD (0 positions: ...)": a rule hitting nothing says why
  private static String detail(Scenario.Shock scenario, Portfolio portfolio, int[] hits, String baseCurrency) {
    List<String> parts = new ArrayList<>();
    for (int r = 0; r < hits.length; r++) {
      ShockRule rule = scenario.rules().get(r);
      String why = hits[r] == 0 ? ": " + whyNothing(rule, portfolio, baseCurrency) : "";
      parts.add(String.format("%s (%d position%s%s)", rule.describe(baseCurrency), hits[r], hits[r] == 1 ? "" : "s", why));
    }
    List<String> unknown = portfolio.positions().stream().filter(ShockRule::exposureUnknown)
        .map(PositionValue::instrumentId).distinct().toList();
    if (!unknown.isEmpty() && scenario.rules().stream().anyMatch(ShockRule::movesCurrency)) {
      parts.add("not moved by currency rules: " + String.join(", ", unknown) + " (fx instrument without fx_currency in "
          + "silver.finance_instruments: the currency it prices is unknown)");
    }
    return String.join("; ", parts);
  }

  // why a rule hits no position: what the portfolio holds instead
  private static String whyNothing(ShockRule rule, Portfolio portfolio, String baseCurrency) {
    List<PositionValue> held = portfolio.positions();
    return switch (rule.key()) {
      case CURRENCY -> {
        Set<String> exposed = new TreeSet<>();
        held.forEach(p -> ShockRule.exposedCurrency(p, baseCurrency).ifPresent(exposed::add));
        yield "no position is exposed to " + rule.value() + (exposed.isEmpty()
            ? " (every position is worth a fixed amount of " + baseCurrency + ")"
            : " (exposed currencies: " + String.join(", ", exposed) + ")");
      }
      case ASSET_CLASS -> "no position has asset_class " + rule.value() + " (held: " + distinct(held, PositionValue::assetClass) + ")";
      case SECTOR -> "no position has sector " + rule.value() + " (held: " + distinct(held, PositionValue::sector) + ")";
      case INSTRUMENT -> "the portfolio does not hold " + rule.value();
      case ALL -> "the portfolio is empty";
    };
  }

  private static String distinct(List<PositionValue> held, java.util.function.Function<PositionValue, String> field) {
    return String.join(", ", held.stream().map(field).map(v -> v.toLowerCase(java.util.Locale.ROOT))
        .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
  }
}
