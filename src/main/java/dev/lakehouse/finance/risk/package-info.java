/**
 * Market risk of a linear portfolio in plain Java, no Spark: the library the finance Spark jobs call
 * once they have turned price tables into return matrices and PnL scenario vectors.
 *
 * <p>Conventions, everywhere in this package:
 * <ul>
 *   <li>PnL has gains positive. VaR and expected shortfall are reported as losses, positive numbers:
 *       VaR at 99% is the loss exceeded with 1% probability. See {@link dev.lakehouse.finance.risk.TailRisk}.
 *   <li>A returns matrix is {@code returns[day][instrument]}, oldest day first, daily simple returns.
 *   <li>Exposures are currency amounts per instrument, so PnL = exposures · returns.
 *   <li>Confidence levels are fractions in (0, 1): 0.99, not 99.
 *   <li>Everything random is seeded; the same inputs and seed give the same numbers on the same JDK,
 *       whatever the thread count.
 * </ul>
 *
 * <p>Pieces: {@link dev.lakehouse.finance.risk.HistoricalVar} (VaR/ES off scenarios),
 * {@link dev.lakehouse.finance.risk.ParametricVar} (variance-covariance, sample and EWMA covariance),
 * {@link dev.lakehouse.finance.risk.MonteCarloVar} over a {@link dev.lakehouse.finance.risk.Cholesky}
 * factor (normal or Student-t shocks, multithreaded), and {@link dev.lakehouse.finance.risk.Backtest}
 * (Kupiec, Christoffersen, {@link dev.lakehouse.finance.risk.BaselZone Basel traffic light}).
 */
package dev.lakehouse.finance.risk;
