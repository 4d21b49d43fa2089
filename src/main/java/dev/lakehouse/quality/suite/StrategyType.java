package dev.lakehouse.quality.suite;

import com.amazon.deequ.anomalydetection.AbsoluteChangeStrategy;
import com.amazon.deequ.anomalydetection.AnomalyDetectionStrategy;
import com.amazon.deequ.anomalydetection.OnlineNormalStrategy;
import com.amazon.deequ.anomalydetection.RelativeRateOfChangeStrategy;
import com.amazon.deequ.anomalydetection.SimpleThresholdStrategy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import scala.Option;

/**
 * The anomaly detection strategies a rule can name, the keys each takes, and the Deequ strategy it
 * builds. Every bound is optional on its own, but each strategy needs at least one.
 */
enum StrategyType {
  /** New value / previous value must lie in [max_rate_decrease, max_rate_increase] (Deequ's ratio bounds). */
  RELATIVE_RATE_OF_CHANGE("relative_rate_of_change", List.of("max_rate_decrease", "max_rate_increase")),
  /** New value - previous value must lie in [-max_decrease, max_increase]; both are written as sizes (>= 0). */
  ABSOLUTE_CHANGE("absolute_change", List.of("max_decrease", "max_increase")),
  /** The value must lie within the running mean -/+ factor * running standard deviation. */
  ONLINE_NORMAL("online_normal", List.of("lower_deviation_factor", "upper_deviation_factor", "ignore_start_percentage")),
  /** The value must lie in [lower_bound, upper_bound]. */
  SIMPLE_THRESHOLDS("simple_thresholds", List.of("lower_bound", "upper_bound"));

  /** Deequ's default share of the first data points that online_normal never flags. */
  private static final double DEFAULT_IGNORE_START_PERCENTAGE = 0.1;

  private final String yamlName;
  private final List<String> keys;

  StrategyType(String yamlName, List<String> keys) {
    this.yamlName = yamlName;
    this.keys = keys;
  }

  static Optional<StrategyType> find(String yamlName) {
    return Arrays.stream(values()).filter(type -> type.yamlName.equals(yamlName)).findFirst();
  }

  static StrategyType of(String yamlName) {
    return find(yamlName).orElseThrow(() -> new IllegalArgumentException(
        String.format("Invalid strategy '%s': known strategies are %s", yamlName, names())));
  }

  static String names() {
    return Arrays.stream(values()).map(StrategyType::yamlName).collect(Collectors.joining(", "));
  }

  String yamlName() {
    return yamlName;
  }

  /** The keys this strategy takes; all numbers. */
  List<String> keys() {
    return keys;
  }

  /** What is wrong with these parameters, or empty when Deequ will accept them. */
  Optional<String> problem(Map<String, Double> params) {
    List<String> bounds = this == ONLINE_NORMAL ? keys.subList(0, 2) : keys;
    if (bounds.stream().noneMatch(params::containsKey)) {
      return Optional.of(String.format("strategy '%s' needs %s or %s", yamlName, bounds.get(0), bounds.get(1)));
    }
    return switch (this) {
      case RELATIVE_RATE_OF_CHANGE -> relativeRateProblem(params);
      case ABSOLUTE_CHANGE -> atLeastZero(params, keys);
      case ONLINE_NORMAL -> atLeastZero(params, bounds).or(() -> fractionProblem(params, "ignore_start_percentage"));
      case SIMPLE_THRESHOLDS -> orderProblem(params, "lower_bound", "upper_bound");
    };
  }

  /** The Deequ strategy; the parameters have passed {@link #problem}. */
  AnomalyDetectionStrategy strategy(Map<String, Double> params) {
    return switch (this) {
      case RELATIVE_RATE_OF_CHANGE -> new RelativeRateOfChangeStrategy(
          option(params.get("max_rate_decrease")), option(params.get("max_rate_increase")), 1);
      case ABSOLUTE_CHANGE -> new AbsoluteChangeStrategy(
          option(negated(params.get("max_decrease"))), option(params.get("max_increase")), 1);
      case ONLINE_NORMAL -> new OnlineNormalStrategy(
          option(params.get("lower_deviation_factor")), option(params.get("upper_deviation_factor")),
          params.getOrDefault("ignore_start_percentage", DEFAULT_IGNORE_START_PERCENTAGE), true);
      case SIMPLE_THRESHOLDS -> new SimpleThresholdStrategy(
          params.getOrDefault("lower_bound", -Double.MAX_VALUE), params.getOrDefault("upper_bound", Double.MAX_VALUE));
    };
  }

  private static Optional<String> relativeRateProblem(Map<String, Double> params) {
    Double decrease = params.get("max_rate_decrease");
    Double increase = params.get("max_rate_increase");
    if (decrease != null && (decrease < 0 || decrease > 1)) {
      return Optional.of(String.format(
          "max_rate_decrease is the lowest allowed ratio new/previous and must be between 0 and 1, got %s",
          SqlText.number(decrease)));
    }
    if (increase != null && increase < 1) {
      return Optional.of(String.format(
          "max_rate_increase is the highest allowed ratio new/previous and must be >= 1, got %s",
          SqlText.number(increase)));
    }
    return Optional.empty();
  }

  private static Optional<String> atLeastZero(Map<String, Double> params, List<String> keys) {
    return keys.stream().filter(key -> params.containsKey(key) && params.get(key) < 0).findFirst()
        .map(key -> String.format("%s must be >= 0, got %s", key, SqlText.number(params.get(key))));
  }

  private static Optional<String> fractionProblem(Map<String, Double> params, String key) {
    Double value = params.get(key);
    if (value == null || (value >= 0 && value <= 1)) {
      return Optional.empty();
    }
    return Optional.of(String.format("%s must be between 0 and 1, got %s", key, SqlText.number(value)));
  }

  private static Optional<String> orderProblem(Map<String, Double> params, String lowKey, String highKey) {
    Double low = params.get(lowKey);
    Double high = params.get(highKey);
    if (low == null || high == null || low <= high) {
      return Optional.empty();
    }
    return Optional.of(String.format("%s (%s) must not exceed %s (%s)",
        lowKey, SqlText.number(low), highKey, SqlText.number(high)));
  }

  private static Double negated(Double value) {
    return value == null ? null : -value;
  }

  private static Option<Object> option(Double value) {
    return Option.<Object>apply(value);
  }
}
