/**
 * Stress tests in plain Java, no Spark: a library of named scenarios (hypothetical shocks and
 * historical windows) applied to a portfolio's current positions, giving the rows of
 * {@code gold.finance_stress_results}. The driver job loads positions and closes (as
 * {@code MarketSnapshot} does), calls {@link dev.lakehouse.finance.stress.StressTest} and writes the
 * {@link dev.lakehouse.finance.stress.StressResult}s.
 *
 * <p>Conventions, everywhere in this package:
 * <ul>
 *   <li>PnL has gains positive, losses negative, as in {@code dev.lakehouse.finance.risk}; a
 *       scenario's PnL is never reported as a positive loss.
 *   <li>Moves are relative, as fractions greater than -1: -0.20 is a 20% fall. Moves hitting one
 *       position compound multiplicatively.
 *   <li>Amounts are in one base currency, USD by default ({@link dev.lakehouse.finance.stress.StressTest#inBaseCurrency}):
 *       position prices and historical closes arrive already converted. A position's quote currency
 *       only decides which FX moves hit it; an fx instrument is exposed to the currency it is the
 *       price of, its {@code fx_currency} (EUR for EURUSD, or for an instrument called EUR-CASH),
 *       never guessed from its id; an fx position without one is named in the result as not moved.
 *       An EUR stock under {@code equity -20%} and {@code EUR -15%} loses 1 - 0.80 x 0.85 = 32% of
 *       its USD value. A rule that hits no position says why in the result's detail.
 *   <li>Historical windows apply each instrument's relative move between two closes to today's
 *       position value: PnL = quantity x price_now x (close_end / close_start - 1). The closes are in
 *       the base currency, so FX moves of the window are included.
 *   <li>"Volatility doubled" is twice today's 1-day 99% parametric VaR, as a loss: the VaR recomputed
 *       with the covariance matrix of recent daily returns times 4
 *       ({@link dev.lakehouse.finance.stress.Scenario.VolatilityShock}).
 * </ul>
 *
 * <p>Use:
 * <pre>{@code
 * ScenarioLibrary library = ScenarioLibrary.defaults();      // finance/stress-scenarios.yaml
 * StressTest stress = StressTest.defaults()                  // base USD
 *     .withNamedWindows(Map.of("crash", new DateRange(LocalDate.parse("2020-02-19"), LocalDate.parse("2020-03-23"))));
 * StressResult result = stress.run(library.get("equity_minus_20"), positions, history);
 * List<StressResult> all = stress.runAll(library.scenarios(), positionsOfAllPortfolios, history);
 * }</pre>
 */
package dev.lakehouse.finance.stress;
