package dev.lakehouse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScaleTest {

  @ParameterizedTest
  @ValueSource(doubles = {1, 7, 10, 99, 100, 101, 0.3, 0.07, 1234, 72_650, 999_999, 1e6, 3.3e9})
  void ticksStartAtZeroStepRoundlyAndCoverTheMaximumByLessThanAStep(double max) {
    Scale scale = Scale.covering(0, max);
    List<Double> ticks = scale.ticks();
    assertThat(ticks.get(0)).isZero();
    assertThat(scale.max()).isGreaterThanOrEqualTo(max).isLessThan(max + scale.step());
    assertThat(ticks).hasSizeBetween(3, 7);
    assertThat(isRound(scale.step())).as("step %s is 1, 2, 2.5 or 5 times a power of ten", scale.step()).isTrue();
    for (int i = 1; i < ticks.size(); i++) {
      assertThat(ticks.get(i) - ticks.get(i - 1)).isCloseTo(scale.step(), within(scale.step() * 1e-9));
    }
  }

  @Test
  void negativeDataGetsNegativeTicksAndKeepsZero() {
    Scale scale = Scale.covering(-14_468.6, 8_000);
    assertThat(scale.min()).isLessThanOrEqualTo(-14_468.6);
    assertThat(scale.max()).isGreaterThanOrEqualTo(8_000);
    assertThat(scale.ticks()).contains(0.0);
    assertThat(scale.tickLabels()).contains("-15,000", "0");
  }

  @Test
  void allNegativeDataEndsAtZero() {
    assertThat(Scale.covering(-30, -10).ticks()).containsExactly(-30.0, -20.0, -10.0, 0.0);
  }

  @Test
  void allZeroDataGetsZeroToOne() {
    Scale scale = Scale.covering(0, 0);
    assertThat(scale.min()).isZero();
    assertThat(scale.max()).isEqualTo(1.0);
    assertThat(scale.tickLabels()).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
  }

  @Test
  void fractionalTicksAreExactDecimals() {
    assertThat(Scale.covering(0, 0.3).ticks()).containsExactly(0.0, 0.1, 0.2, 0.3);
    assertThat(Scale.covering(0, 1.1).tickLabels()).containsExactly("0.00", "0.25", "0.50", "0.75", "1.00", "1.25");
  }

  @Test
  void tickLabelsHaveThousandsSeparators() {
    assertThat(Scale.covering(0, 1_000_000).tickLabels()).endsWith("1,000,000");
  }

  @Test
  void positionMapsTheEndsOfTheAxisToTheEndsOfTheScreen() {
    Scale scale = Scale.covering(0, 100);
    assertThat(scale.position(0, 224, 28)).isEqualTo(224.0);
    assertThat(scale.position(100, 224, 28)).isEqualTo(28.0);
    assertThat(scale.position(50, 224, 28)).isEqualTo(126.0);
  }

  @Test
  void onlyPresentValuesCount() {
    assertThat(Scale.covering(Arrays.asList(null, Double.NaN, 40L, Double.POSITIVE_INFINITY)).max()).isEqualTo(40.0);
    assertThatThrownBy(() -> Scale.covering(Arrays.asList(null, Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot scale");
  }

  private static boolean isRound(double step) {
    double mantissa = step / Math.pow(10, Math.floor(Math.log10(step)));
    return List.of(1.0, 2.0, 2.5, 5.0).stream().anyMatch(round -> Math.abs(mantissa - round) < 1e-9);
  }
}
