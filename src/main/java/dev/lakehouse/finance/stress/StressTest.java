package dev.lakehouse.finance.stress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Applies scenarios to positions. Holds what the scenarios leave to run time: the base currency that
 * prices are in and currency rules move against, and the dates of {@link Window.Named named windows}.
 * Immutable; the {@code with...} methods return a copy.
 * <pre>{@code
 * StressTest stress = StressTest.defaults()                       // base USD
 *     .withNamedWindows(Map.of("crash", new DateRange(crashStart, crashEnd)));
 * for (Scenario scenario : ScenarioLibrary.defaults().scenarios()) {
 *   StressResult result = stress.run(scenario, positionsOfOnePortfolio, history);
 * }
 * }</pre>
 * A scenario that cannot run (a named window without dates, too short a history, an instrument without
 * closes) throws an {@link IllegalArgumentException} naming the scenario.
 */
public final class StressTest {
  /** Controls the currency prices are in and FX moves are against when none is given: USD, as in {@code MarketSnapshot}. */
  public static final String DEFAULT_BASE_CURRENCY = "USD";

  private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
  private static final StressTest DEFAULTS = new StressTest(DEFAULT_BASE_CURRENCY, Map.of());

  private final String baseCurrency;
  private final Map<String, DateRange> namedWindows;

  private StressTest(String baseCurrency, Map<String, DateRange> namedWindows) {
    this.baseCurrency = baseCurrency;
    this.namedWindows = namedWindows;
  }

  /** Base currency USD, no named windows. */
  public static StressTest defaults() {
    return DEFAULTS;
  }

  /** Prices in, and currency rules against, the given ISO 4217 currency, e.g. EUR. */
  public static StressTest inBaseCurrency(String currency) {
    if (currency == null || !CURRENCY_CODE.matcher(currency).matches()) {
      throw new IllegalArgumentException(String.format(
          "Invalid base currency '%s': must be a 3-letter upper-case ISO 4217 code such as USD", currency));
    }
    return new StressTest(currency, Map.of());
  }

  /** The same settings with these named windows (replacing any given before), e.g. {@code crash -> 2020-02-19 to 2020-03-23}. */
  public StressTest withNamedWindows(Map<String, DateRange> windows) {
    Map<String, DateRange> checked = new TreeMap<>();
    // a name no scenario file could use is a mistake: Window.Named checks it
    windows.forEach((name, range) -> checked.put(new Window.Named(name).name(), Objects.requireNonNull(range, name)));
    return new StressTest(baseCurrency, Map.copyOf(checked));
  }

  /** Shorthand for {@code defaults().withNamedWindows(namedWindows).run(scenario, positions, history)}. */
  public static StressResult run(Scenario scenario, List<PositionValue> positions, PriceHistory history,
      Map<String, DateRange> namedWindows) {
    return defaults().withNamedWindows(namedWindows).run(scenario, positions, history);
  }

  public String baseCurrency() {
    return baseCurrency;
  }

  public Map<String, DateRange> namedWindows() {
    return namedWindows;
  }

  /**
   * One scenario on the positions of one portfolio. Hypothetical shocks ignore the history (pass
   * {@link PriceHistory#empty()}); historical and volatility scenarios need closes of every instrument held.
   */
  public StressResult run(Scenario scenario, List<PositionValue> positions, PriceHistory history) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(history, "history");
    Portfolio portfolio = Portfolio.of(positions);
    if (scenario instanceof Scenario.Shock shock) {
      return ShockValuation.apply(shock, portfolio, baseCurrency);
    }
    if (scenario instanceof Scenario.VolatilityShock volatility) {
      return VolatilityValuation.apply(volatility, portfolio, history);
    }
    return WindowReplay.apply((Scenario.HistoricalWindow) scenario, portfolio, history, namedWindows);
  }

  /**
   * Every scenario on every portfolio among the positions: one result per portfolio and scenario,
   * portfolios in id order, scenarios in the given order. The first scenario that cannot run stops it.
   */
  public List<StressResult> runAll(List<Scenario> scenarios, List<PositionValue> positions, PriceHistory history) {
    Map<String, List<PositionValue>> byPortfolio = new TreeMap<>();
    positions.forEach(position -> byPortfolio.computeIfAbsent(position.portfolioId(), id -> new ArrayList<>()).add(position));
    List<StressResult> results = new ArrayList<>();
    byPortfolio.values().forEach(held -> scenarios.forEach(scenario -> results.add(run(scenario, held, history))));
    return results;
  }
}
