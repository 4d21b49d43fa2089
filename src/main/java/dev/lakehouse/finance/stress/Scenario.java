package dev.lakehouse.finance.stress;

import java.util.List;
import java.util.Objects;

/**
 * One stress scenario of the library: a name, a description and what happens to the positions.
 * <ul>
 *   <li>{@link Shock}: hypothetical relative moves of prices and currencies;
 *   <li>{@link VolatilityShock}: hypothetical, the market gets {@code factor} times as volatile;
 *   <li>{@link HistoricalWindow}: a stretch of the price history replayed on today's positions.
 * </ul>
 * Names are lower-case letters, digits, '_' and '-', unique in a {@link ScenarioLibrary}.
 */
public sealed interface Scenario permits Scenario.Shock, Scenario.VolatilityShock, Scenario.HistoricalWindow {

  /** The key of the scenario in the library and in {@code gold.finance_stress_results.scenario}. */
  String name();

  /** What the scenario stands for, in words; may be empty. */
  String description();

  ScenarioKind kind();

  /**
   * Hypothetical moves, one {@link ShockRule} per line, compounding multiplicatively. A position of
   * base-currency value V hit by price moves p1, p2, ... and currency moves f1, f2, ... is worth
   * afterwards
   * <pre>
   *   V x (1 + p1)(1 + p2)... x (1 + f1)(1 + f2)...
   * </pre>
   * so its PnL is V x (that product - 1). Example, base USD: 50 SAP at 240 USD each (EUR-quoted,
   * V = 12,000) under {@code asset_class equity -0.20} and {@code currency EUR -0.15} ends at
   * 12,000 x 0.80 x 0.85 = 8,160, a PnL of -3,840: the 20% equity fall in euros, then the euros are
   * worth 15% fewer dollars (not -2,400 - 1,800 = -4,200, which would count the FX loss on money the
   * equity fall already lost).
   */
  record Shock(String name, String description, List<ShockRule> rules) implements Scenario {
    public Shock {
      name = ScenarioNames.checked(name);
      description = Objects.requireNonNullElse(description, "");
      Objects.requireNonNull(rules, "rules");
      if (rules.isEmpty()) {
        throw new IllegalArgumentException(String.format("Invalid shock scenario '%s': it has no rules", name));
      }
      rules = List.copyOf(rules);
    }

    @Override
    public ScenarioKind kind() {
      return ScenarioKind.HYPOTHETICAL;
    }
  }

  /**
   * The market gets {@code factor} times as volatile, with the same correlations. Measured with the
   * parametric (variance-covariance) VaR of {@link dev.lakehouse.finance.risk.ParametricVar}:
   * <pre>
   *   S      = sample covariance of the last lookbackDays daily returns of the held instruments
   *   w      = today's position values in the base currency, per instrument
   *   PnL    = -VaR_c,h(w, factor^2 x S) = -factor x z_c x sqrt(w' S w) x sqrt(h)
   * </pre>
   * so "volatility doubled" (factor 2, c = 0.99, h = 1) is the loss of the 1-day 99% VaR recomputed
   * with the covariance matrix times 4: twice today's 1-day 99% parametric VaR, zero mean. The PnL per
   * instrument is its Euler contribution, PnL x w_i (S w)_i / (w' S w), which sums to the total; a
   * hedge gets a positive contribution.
   *
   * @param factor       how many times today's volatility, positive: 2 doubles it
   * @param confidence   VaR confidence c in (0, 1), e.g. 0.99
   * @param horizonDays  VaR horizon h in days, at least 1 (square-root-of-time)
   * @param lookbackDays daily returns the covariance is estimated from, at least 2; fewer when the
   *                     history is shorter (the detail says how many)
   */
  record VolatilityShock(String name, String description, double factor, double confidence, int horizonDays,
      int lookbackDays) implements Scenario {
    /** Controls the VaR confidence when the scenario file gives none. */
    public static final double DEFAULT_CONFIDENCE = 0.99;
    /** Controls the VaR horizon when the scenario file gives none. */
    public static final int DEFAULT_HORIZON_DAYS = 1;
    /** Controls how many daily returns feed the covariance when the scenario file gives no number: about a trading year. */
    public static final int DEFAULT_LOOKBACK_DAYS = 250;

    public VolatilityShock {
      name = ScenarioNames.checked(name);
      description = Objects.requireNonNullElse(description, "");
      if (!(factor > 0) || !Double.isFinite(factor)) {
        throw new IllegalArgumentException(String.format(
            "Invalid volatility factor %s for scenario '%s': must be positive and finite (2 doubles volatility)", factor, name));
      }
      if (!(confidence > 0 && confidence < 1)) {
        throw new IllegalArgumentException(String.format(
            "Invalid confidence %s for scenario '%s': must be a fraction in (0, 1), e.g. 0.99", confidence, name));
      }
      if (horizonDays < 1) {
        throw new IllegalArgumentException(String.format(
            "Invalid horizon %d days for scenario '%s': must be at least 1", horizonDays, name));
      }
      if (lookbackDays < 2) {
        throw new IllegalArgumentException(String.format(
            "Invalid lookback %d days for scenario '%s': a covariance needs at least 2 daily returns", lookbackDays, name));
      }
    }

    /** factor x, 99%, 1 day, 250 days of returns. */
    public static VolatilityShock of(String name, String description, double factor) {
      return new VolatilityShock(name, description, factor, DEFAULT_CONFIDENCE, DEFAULT_HORIZON_DAYS, DEFAULT_LOOKBACK_DAYS);
    }

    @Override
    public ScenarioKind kind() {
      return ScenarioKind.HYPOTHETICAL;
    }
  }

  /**
   * A stretch of the price history replayed on today's positions. Each instrument's relative move over
   * the window is applied to today's value of the position:
   * <pre>
   *   PnL = sum over positions of quantity x price_now x (close_end / close_start - 1)
   * </pre>
   * with closes in the base currency, so the window carries its FX moves too. Which stretch: the
   * {@link Window.Worst worst N-day window} for these positions, a {@link Window.Fixed fixed} date
   * range, or a {@link Window.Named named} one whose dates come at run time.
   */
  record HistoricalWindow(String name, String description, Window window) implements Scenario {
    public HistoricalWindow {
      name = ScenarioNames.checked(name);
      description = Objects.requireNonNullElse(description, "");
      Objects.requireNonNull(window, "window");
    }

    @Override
    public ScenarioKind kind() {
      return ScenarioKind.HISTORICAL;
    }
  }
}
