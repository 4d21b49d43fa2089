package dev.lakehouse.finance.stress;

import dev.lakehouse.finance.risk.ParametricVar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Scenario.VolatilityShock}: the parametric VaR of today's positions with the covariance of
 * recent daily returns scaled by factor^2, reported as a loss and split by Euler contribution.
 */
final class VolatilityValuation {
  private VolatilityValuation() {}

  static StressResult apply(Scenario.VolatilityShock scenario, Portfolio portfolio, PriceHistory history) {
    Map<String, Double> exposures = portfolio.exposures();
    List<String> instruments = List.copyOf(exposures.keySet());
    double[] w = exposures.values().stream().mapToDouble(Double::doubleValue).toArray();
    int closes = Math.min(history.size(), scenario.lookbackDays() + 1);
    if (closes < 3) {
      throw new IllegalArgumentException(String.format(
          "Cannot run scenario '%s': the price history has %d trading days, a covariance needs at least 3 (2 daily returns)",
          scenario.name(), history.size()));
    }
    int first = history.size() - closes;
    double[][] covariance = ParametricVar.covariance(returns(scenario, instruments, history, first));
    double todayVar = ParametricVar.of(w, covariance).tailRisk(scenario.confidence(), scenario.horizonDays()).valueAtRisk();
    double[][] stressed = scaled(covariance, scenario.factor() * scenario.factor());
    double stressedVar = ParametricVar.of(w, stressed).tailRisk(scenario.confidence(), scenario.horizonDays()).valueAtRisk();
    Map<String, Double> pnlByInstrument = contributions(instruments, w, covariance, -stressedVar);
    String detail = String.format(
        "parametric %s %d-day VaR with volatility x%s (covariance x%s) from %d daily returns %s to %s: %s (today %s)",
        Texts.percent(scenario.confidence()), scenario.horizonDays(), Texts.number(scenario.factor()),
        Texts.number(scenario.factor() * scenario.factor()), closes - 1, history.dates().get(first),
        history.dates().get(history.size() - 1), Texts.amount(stressedVar), Texts.amount(todayVar));
    return portfolio.result(scenario, pnlByInstrument, Optional.empty(), detail);
  }

  // returns[k][i] = close(first + k + 1) / close(first + k) - 1, up to the last date
  private static double[][] returns(Scenario scenario, List<String> instruments, PriceHistory history, int first) {
    double[][] returns = new double[history.size() - 1 - first][instruments.size()];
    for (int i = 0; i < instruments.size(); i++) {
      double[] series = history.series(instruments.get(i), "run scenario '" + scenario.name() + "'");
      for (int k = 0; k < returns.length; k++) {
        returns[k][i] = series[first + k + 1] / series[first + k] - 1;
      }
    }
    return returns;
  }

  private static double[][] scaled(double[][] matrix, double factor) {
    double[][] scaled = new double[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      scaled[i] = matrix[i].clone();
      for (int j = 0; j < scaled[i].length; j++) {
        scaled[i][j] *= factor;
      }
    }
    return scaled;
  }

  /** Euler split of a total: total x w_i (S w)_i / (w' S w); all 0 when the portfolio has no variance. */
  private static Map<String, Double> contributions(List<String> instruments, double[] w, double[][] s, double total) {
    double[] sw = new double[w.length];
    double variance = 0;
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w.length; j++) {
        sw[i] += s[i][j] * w[j];
      }
      variance += w[i] * sw[i];
    }
    Map<String, Double> split = new LinkedHashMap<>();
    for (int i = 0; i < w.length; i++) {
      split.put(instruments.get(i), variance > 0 ? total * w[i] * sw[i] / variance : 0.0);
    }
    return split;
  }
}
