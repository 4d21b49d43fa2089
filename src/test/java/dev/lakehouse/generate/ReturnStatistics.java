package dev.lakehouse.generate;

import dev.lakehouse.generate.Instrument.AssetClass;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Daily log returns of a market history and the few statistics the tests check them with. */
final class ReturnStatistics {
  private ReturnStatistics() {}

  /** Log returns of one instrument, {@code returns[k]} from trading day k to k + 1. */
  static double[] returns(MarketHistory history, String instrumentId) {
    int column = Universe.indexOf(instrumentId);
    double[][] closes = history.closes();
    return IntStream.range(1, closes.length).mapToDouble(t -> Math.log(closes[t][column] / closes[t - 1][column])).toArray();
  }

  /** Log returns of an equal-weight basket of the equities, in local currency, rebalanced daily. */
  static double[] equityBasketReturns(MarketHistory history) {
    List<double[]> equities = equityIds().stream().map(id -> returns(history, id)).toList();
    return IntStream.range(0, equities.get(0).length)
        .mapToDouble(k -> equities.stream().mapToDouble(r -> r[k]).average().orElseThrow())
        .toArray();
  }

  /** Peak-to-trough move of an equal-weight basket of the equities bought at the close of {@code first}. */
  static double equityBasketMove(MarketHistory history, MarketHistory.Window window) {
    return equityIds().stream()
        .mapToDouble(id -> history.close(id, window.last()) / history.close(id, window.first()))
        .average().orElseThrow() - 1;
  }

  static List<String> equityIds() {
    return Universe.instruments().stream().filter(i -> i.assetClass() == AssetClass.EQUITY).map(Instrument::id).toList();
  }

  static double[] slice(double[] values, int from, int to) {
    return Arrays.copyOfRange(values, from, to);
  }

  static double correlation(double[] x, double[] y) {
    double meanX = mean(x);
    double meanY = mean(y);
    double covariance = 0;
    double varianceX = 0;
    double varianceY = 0;
    for (int i = 0; i < x.length; i++) {
      covariance += (x[i] - meanX) * (y[i] - meanY);
      varianceX += (x[i] - meanX) * (x[i] - meanX);
      varianceY += (y[i] - meanY) * (y[i] - meanY);
    }
    return covariance / Math.sqrt(varianceX * varianceY);
  }

  /** Fourth central moment over the squared variance: 3 for a normal distribution. */
  static double kurtosis(double[] x) {
    double mean = mean(x);
    double second = Arrays.stream(x).map(v -> Math.pow(v - mean, 2)).average().orElseThrow();
    double fourth = Arrays.stream(x).map(v -> Math.pow(v - mean, 4)).average().orElseThrow();
    return fourth / (second * second);
  }

  static double standardDeviation(double[] x) {
    double mean = mean(x);
    return Math.sqrt(Arrays.stream(x).map(v -> Math.pow(v - mean, 2)).average().orElseThrow());
  }

  static double mean(double[] x) {
    return Arrays.stream(x).average().orElseThrow();
  }
}
