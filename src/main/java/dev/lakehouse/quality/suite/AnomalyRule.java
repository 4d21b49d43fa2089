package dev.lakehouse.quality.suite;

import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.anomalydetection.AnomalyDetectionStrategy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A check on the history of one metric of a table (its size, or the mean, minimum, maximum, sum or
 * completeness of a column), declared under {@code anomalies:} in a suite file. The metric is
 * computed with a Deequ analyzer, kept in a metrics repository, and each new value is judged
 * against the earlier ones with a Deequ anomaly detection strategy.
 *
 * <p>{@code column} is null for {@code size}. {@code strategyName} is the strategy as written in the
 * file ({@code relative_rate_of_change}, ...); {@link #strategy()} is the Deequ strategy built from it
 * (a record component cannot share that accessor's name). {@code params} holds the strategy's keys
 * as written in the file (see {@link #strategy()} for how they map onto Deequ).
 */
public record AnomalyRule(
    String id, String metric, String column, String strategyName, RuleLevel level, Map<String, Double> params) {

  public AnomalyRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(strategyName, "strategyName");
    Objects.requireNonNull(level, "level");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /**
   * The Deequ strategy, with differences taken between consecutive values (order 1):
   *
   * <ul>
   *   <li>{@code relative_rate_of_change} -> {@code RelativeRateOfChangeStrategy(max_rate_decrease,
   *       max_rate_increase)}: the ratio new/previous must lie within the bounds (0.5 and 2.0: at most
   *       halved or doubled)</li>
   *   <li>{@code absolute_change} -> {@code AbsoluteChangeStrategy(-max_decrease, max_increase)}: the
   *       difference new - previous must lie within the bounds; the file gives both as sizes</li>
   *   <li>{@code online_normal} -> {@code OnlineNormalStrategy(lower_deviation_factor,
   *       upper_deviation_factor, ignore_start_percentage (default 0.1), ignoreAnomalies = true)}</li>
   *   <li>{@code simple_thresholds} -> {@code SimpleThresholdStrategy(lower_bound, upper_bound)}</li>
   * </ul>
   *
   * A bound that is not given is not checked.
   */
  public AnomalyDetectionStrategy strategy() {
    return StrategyType.of(strategyName).strategy(params);
  }

  /** The Deequ analyzer of the tracked metric: {@code Size}, {@code Mean}, {@code Minimum}, {@code Maximum}, {@code Sum} or {@code Completeness}. */
  public Analyzer<?, ?> analyzer() {
    return MetricType.of(metric).analyzer(column);
  }

  /** One line saying what is tracked, e.g. {@code size by relative_rate_of_change (max_rate_decrease 0.5, max_rate_increase 2)}. */
  public String describe() {
    String measured = column == null ? metric : metric + "(" + column + ")";
    String bounds = params.entrySet().stream()
        .map(param -> param.getKey() + " " + SqlText.number(param.getValue()))
        .collect(Collectors.joining(", "));
    return measured + " by " + strategyName + (bounds.isEmpty() ? "" : " (" + bounds + ")");
  }
}
