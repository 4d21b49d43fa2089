package dev.lakehouse.finance.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** k = ceil(n (1 - c)); VaR = k-th worst loss; ES = mean of the k worst losses. */
class HistoricalVarTest {
  private static final double EXACT = 1e-12;

  // 20 daily P&L values in thousands. Sorted ascending:
  // -30, -22, -18, -12, -9, -7, -5, -2, -1, 0, 2, 3, 4, 5, 6, 7, 9, 12, 15, 25
  // so the worst losses are 30, 22, 18, 12, 9, ...
  private static final double[] TWENTY_DAYS = {
      12, -5, 3, -18, 7, 0, -2, 25, -9, 4, -30, 6, -1, 15, -12, 2, -7, 9, -22, 5};

  @Test
  void ninetyFivePercentOfTwentyIsTheWorstLoss() {
    // k = ceil(20 * 0.05) = 1: VaR = 30, ES = 30
    TailRisk risk = HistoricalVar.tailRisk(TWENTY_DAYS, 0.95);

    assertThat(risk.valueAtRisk()).isCloseTo(30, within(EXACT));
    assertThat(risk.expectedShortfall()).isCloseTo(30, within(EXACT));
  }

  @Test
  void ninetyPercentOfTwentyIsTheSecondWorst() {
    // k = ceil(20 * 0.10) = 2: VaR = 22, ES = (30 + 22) / 2 = 26
    TailRisk risk = HistoricalVar.tailRisk(TWENTY_DAYS, 0.90);

    assertThat(risk.valueAtRisk()).isCloseTo(22, within(EXACT));
    assertThat(risk.expectedShortfall()).isCloseTo(26, within(EXACT));
  }

  @Test
  void eightyPercentOfTwentyAveragesFourLosses() {
    // k = ceil(20 * 0.20) = 4: VaR = 12, ES = (30 + 22 + 18 + 12) / 4 = 82 / 4 = 20.5
    assertThat(HistoricalVar.valueAtRisk(TWENTY_DAYS, 0.80)).isCloseTo(12, within(EXACT));
    assertThat(HistoricalVar.expectedShortfall(TWENTY_DAYS, 0.80)).isCloseTo(20.5, within(EXACT));
  }

  @Test
  void floatingPointNoiseDoesNotAddATailScenario() {
    // 20 * (1 - 0.85) evaluates to 3.0000000000000004; k must still be 3:
    // VaR = 18, ES = (30 + 22 + 18) / 3 = 70 / 3
    assertThat(20 * (1 - 0.85)).isGreaterThan(3);
    assertThat(HistoricalVar.tailSize(20, 0.85)).isEqualTo(3);
    TailRisk risk = HistoricalVar.tailRisk(TWENTY_DAYS, 0.85);

    assertThat(risk.valueAtRisk()).isCloseTo(18, within(EXACT));
    assertThat(risk.expectedShortfall()).isCloseTo(70.0 / 3, within(EXACT));
  }

  @Test
  void tailSizeRoundsUpAndIsAtLeastOne() {
    assertThat(HistoricalVar.tailSize(250, 0.99)).isEqualTo(3); // 2.5 -> 3
    assertThat(HistoricalVar.tailSize(500, 0.99)).isEqualTo(5);
    assertThat(HistoricalVar.tailSize(20, 0.99)).isEqualTo(1); // 0.2 -> 1
    assertThat(HistoricalVar.tailSize(1, 0.999)).isEqualTo(1);
  }

  @Test
  void allGainsGiveANegativeVar() {
    // losses -1, -2, -3: k = ceil(3 * 0.5) = 2, VaR = -2 (the 2nd worst is still a gain of 2)
    TailRisk risk = HistoricalVar.tailRisk(new double[] {3, 1, 2}, 0.5);

    assertThat(risk.valueAtRisk()).isEqualTo(-2);
    assertThat(risk.expectedShortfall()).isEqualTo(-1.5);
  }

  @Test
  void doesNotReorderTheCallersArray() {
    double[] pnl = TWENTY_DAYS.clone();

    HistoricalVar.tailRisk(pnl, 0.9);

    assertThat(pnl).containsExactly(TWENTY_DAYS);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> HistoricalVar.tailRisk(TWENTY_DAYS, 99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid confidence 99.0");
    assertThatThrownBy(() -> HistoricalVar.tailRisk(new double[0], 0.99))
        .hasMessageContaining("need at least one value");
    assertThatThrownBy(() -> HistoricalVar.tailRisk(new double[] {1, Double.NaN}, 0.99))
        .hasMessage("Invalid P&L scenario at index 1: NaN is not finite");
  }

  @Test
  void squareRootOfTimeScaling() {
    TailRisk tenDays = new TailRisk(0.99, 100, 120).scaledToHorizon(10);

    assertThat(tenDays.valueAtRisk()).isCloseTo(100 * Math.sqrt(10), within(1e-9));
    assertThat(tenDays.expectedShortfall()).isCloseTo(120 * Math.sqrt(10), within(1e-9));
  }
}
