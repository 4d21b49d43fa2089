package dev.lakehouse.quality.suite;

import static dev.lakehouse.quality.suite.Suites.anomaly;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazon.deequ.analyzers.Completeness;
import com.amazon.deequ.analyzers.Maximum;
import com.amazon.deequ.analyzers.Mean;
import com.amazon.deequ.analyzers.Minimum;
import com.amazon.deequ.analyzers.Size;
import com.amazon.deequ.analyzers.Sum;
import com.amazon.deequ.anomalydetection.AbsoluteChangeStrategy;
import com.amazon.deequ.anomalydetection.OnlineNormalStrategy;
import com.amazon.deequ.anomalydetection.RelativeRateOfChangeStrategy;
import com.amazon.deequ.anomalydetection.SimpleThresholdStrategy;
import org.junit.jupiter.api.Test;
import scala.Option;

class AnomalyRuleTest {

  @Test
  void relativeRateOfChangeKeepsDeequsRatioBounds() {
    AnomalyRule rule = anomaly("{id: a, metric: size, strategy: relative_rate_of_change, max_rate_decrease: 0.5, max_rate_increase: 2.0}");

    assertThat(rule.strategy()).isEqualTo(new RelativeRateOfChangeStrategy(some(0.5), some(2.0), 1));
    assertThat(rule.describe()).isEqualTo("size by relative_rate_of_change (max_rate_decrease 0.5, max_rate_increase 2)");
  }

  @Test
  void relativeRateOfChangeWithOneBound() {
    assertThat(anomaly("{id: a, metric: size, strategy: relative_rate_of_change, max_rate_increase: 3}").strategy())
        .isEqualTo(new RelativeRateOfChangeStrategy(Option.empty(), some(3.0), 1));
  }

  @Test
  void absoluteChangeTurnsTheDecreaseIntoDeequsLowerBound() {
    AnomalyRule rule = anomaly("{id: a, metric: completeness, column: session_id, strategy: absolute_change, max_decrease: 0.1}");

    assertThat(rule.strategy()).isEqualTo(new AbsoluteChangeStrategy(some(-0.1), Option.empty(), 1));
    assertThat(anomaly("{id: a, metric: sum, column: c, strategy: absolute_change, max_decrease: 5, max_increase: 7}").strategy())
        .isEqualTo(new AbsoluteChangeStrategy(some(-5.0), some(7.0), 1));
  }

  @Test
  void onlineNormalWithDeequsDefaultWarmUp() {
    AnomalyRule rule = anomaly("{id: a, metric: mean, column: amount_cents, strategy: online_normal, "
        + "upper_deviation_factor: 3.0, lower_deviation_factor: 2.5}");

    assertThat(rule.strategy()).isEqualTo(new OnlineNormalStrategy(some(2.5), some(3.0), 0.1, true));
    assertThat(anomaly("{id: a, metric: mean, column: c, strategy: online_normal, upper_deviation_factor: 4, ignore_start_percentage: 0.2}").strategy())
        .isEqualTo(new OnlineNormalStrategy(Option.empty(), some(4.0), 0.2, true));
  }

  @Test
  void simpleThresholdsOpenOnTheSideNotGiven() {
    assertThat(anomaly("{id: a, metric: minimum, column: c, strategy: simple_thresholds, lower_bound: 0, upper_bound: 10}").strategy())
        .isEqualTo(new SimpleThresholdStrategy(0.0, 10.0));
    assertThat(anomaly("{id: a, metric: maximum, column: c, strategy: simple_thresholds, lower_bound: 1}").strategy())
        .isEqualTo(new SimpleThresholdStrategy(1.0, Double.MAX_VALUE));
    assertThat(anomaly("{id: a, metric: maximum, column: c, strategy: simple_thresholds, upper_bound: 1}").strategy())
        .isEqualTo(new SimpleThresholdStrategy(-Double.MAX_VALUE, 1.0));
  }

  @Test
  void eachMetricIsItsDeequAnalyzer() {
    String strategy = ", strategy: simple_thresholds, upper_bound: 1}";

    assertThat(anomaly("{id: a, metric: size" + strategy).analyzer()).isEqualTo(new Size(Option.empty()));
    assertThat(anomaly("{id: a, metric: mean, column: c" + strategy).analyzer()).isEqualTo(new Mean("c", Option.empty()));
    assertThat(anomaly("{id: a, metric: minimum, column: c" + strategy).analyzer())
        .isEqualTo(new Minimum("c", Option.empty(), Option.empty()));
    assertThat(anomaly("{id: a, metric: maximum, column: c" + strategy).analyzer())
        .isEqualTo(new Maximum("c", Option.empty(), Option.empty()));
    assertThat(anomaly("{id: a, metric: sum, column: c" + strategy).analyzer()).isEqualTo(new Sum("c", Option.empty()));
    assertThat(anomaly("{id: a, metric: completeness, column: c" + strategy).analyzer())
        .isEqualTo(new Completeness("c", Option.empty(), Option.empty()));
  }

  private static Option<Object> some(double value) {
    return Option.apply(value);
  }
}
