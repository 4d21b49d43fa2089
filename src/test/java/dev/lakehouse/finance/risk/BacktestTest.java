package dev.lakehouse.finance.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Expected values computed by hand from the formulas in {@link Backtest}; p-values from the closed
 * forms P(chi2(1) > s) = erfc(sqrt(s / 2)) and P(chi2(2) > s) = exp(-s / 2).
 */
class BacktestTest {
  private static final double TIGHT = 1e-6;

  @Test
  void kupiecWithNoExceptions() {
    // x = 0, n = 250, p = 0.01: LR = -2 * 250 * ln(0.99) = 500 * 0.01005034 = 5.025168
    // p-value = erfc(sqrt(2.512584)) = 0.024982: too few exceptions is also rejected at 5%
    LikelihoodRatio lr = Backtest.kupiecPof(250, 0, 0.01);

    assertThat(lr.statistic()).isCloseTo(5.025168, within(TIGHT));
    assertThat(lr.pValue()).isCloseTo(0.024982, within(TIGHT));
    assertThat(lr.degreesOfFreedom()).isEqualTo(1);
  }

  @Test
  void kupiecWithFourExceptions() {
    // null:     246 ln(0.99) + 4 ln(0.01)   = -2.472383 - 18.420681 = -20.893063
    // observed: 246 ln(0.984) + 4 ln(0.016) = -3.967828 - 16.540666 = -20.508494
    // LR = -2 * (-20.893063 + 20.508494) = 0.769138, p-value 0.380484
    LikelihoodRatio lr = Backtest.kupiecPof(250, 4, 0.01);

    assertThat(lr.statistic()).isCloseTo(0.769138, within(TIGHT));
    assertThat(lr.pValue()).isCloseTo(0.380484, within(TIGHT));
  }

  @Test
  void kupiecWithFiveExceptions() {
    // null:     245 ln(0.99) + 5 ln(0.01) = -2.462332 - 23.025851 = -25.488183
    // observed: 245 ln(0.98) + 5 ln(0.02) = -4.949663 - 19.560115 = -24.509778
    // LR = 1.956810, p-value 0.161855 (yellow zone, yet not rejected at 5%)
    LikelihoodRatio lr = Backtest.kupiecPof(250, 5, 0.01);

    assertThat(lr.statistic()).isCloseTo(1.956810, within(TIGHT));
    assertThat(lr.pValue()).isCloseTo(0.161855, within(TIGHT));
    assertThat(lr.rejectsAt(0.05)).isFalse();
  }

  @Test
  void kupiecWithTenExceptions() {
    // null:     240 ln(0.99) + 10 ln(0.01) = -2.412081 - 46.051702 = -48.463783
    // observed: 240 ln(0.96) + 10 ln(0.04) = -9.797279 - 32.188758 = -41.986037
    // LR = -2 * (-48.463783 + 41.986037) = 12.955491, p-value 0.000319
    LikelihoodRatio lr = Backtest.kupiecPof(250, 10, 0.01);

    assertThat(lr.statistic()).isCloseTo(12.955491, within(TIGHT));
    assertThat(lr.pValue()).isCloseTo(0.000319, within(TIGHT));
    assertThat(lr.rejectsAt(0.01)).isTrue();
  }

  @Test
  void kupiecWhenEveryDayIsAnExceptionIsFinite() {
    // x = n: the observed likelihood is 1^250 = 1, LR = -2 * 250 * ln(0.01) = 2302.585093
    LikelihoodRatio lr = Backtest.kupiecPof(250, 250, 0.01);

    assertThat(lr.statistic()).isCloseTo(2302.585093, within(TIGHT));
    assertThat(lr.pValue()).isBetween(0.0, 1e-300);
  }

  @Test
  void christoffersenCountsTransitions() {
    // exceptions on days 2, 3, 7, 12, 13 of 20; the 19 transitions (previous -> today):
    // 0->1 on days 2, 7, 12 (n01 = 3); 1->1 on days 3, 13 (n11 = 2); 1->0 on days 4, 8, 14 (n10 = 3);
    // n00 = 19 - 8 = 11
    boolean[] exceptions = days(20, 2, 3, 7, 12, 13);

    assertThat(Backtest.transitions(exceptions)).isEqualTo(new Backtest.Transitions(11, 3, 3, 2));
  }

  @Test
  void christoffersenIndependence() {
    // pi01 = 3/14, pi11 = 2/5, pi = 5/19
    // independent: 14 ln(14/19) + 5 ln(5/19) = -4.275343 - 6.675005 = -10.950348
    // Markov:      11 ln(11/14) + 3 ln(3/14) + 3 ln(3/5) + 2 ln(2/5)
    //            = -2.652783 - 4.621335 - 1.532477 - 1.832581 = -10.639176
    // LR_ind = -2 * (-10.950348 + 10.639176) = 0.622345, p-value 0.430177
    LikelihoodRatio lr = Backtest.christoffersenIndependence(days(20, 2, 3, 7, 12, 13));

    assertThat(lr.statistic()).isCloseTo(0.622345, within(TIGHT));
    assertThat(lr.pValue()).isCloseTo(0.430177, within(TIGHT));
  }

  @Test
  void conditionalCoverageAddsTheTwoStatistics() {
    // Kupiec, n = 20, x = 5, p = 0.05: null 15 ln(0.95) + 5 ln(0.05) = -0.769399 - 14.978661 = -15.748061
    // observed 15 ln(0.75) + 5 ln(0.25) = -4.315231 - 6.931472 = -11.246703; LR_pof = 9.002716
    // LR_cc = 9.002716 + 0.622345 = 9.625060, p-value exp(-9.625060 / 2) = 0.008127
    LikelihoodRatio lr = Backtest.conditionalCoverage(days(20, 2, 3, 7, 12, 13), 0.05);

    assertThat(lr.statistic()).isCloseTo(9.625060, within(TIGHT));
    assertThat(lr.degreesOfFreedom()).isEqualTo(2);
    assertThat(lr.pValue()).isCloseTo(0.008127, within(TIGHT));
  }

  @Test
  void christoffersenWithEmptyTransitionRowsIsZeroNotNaN() {
    // no exceptions: pi = 0; only the last day: n10 = n11 = 0 so pi11 is undefined; every day: pi = 1
    for (boolean[] exceptions : new boolean[][] {days(20), days(20, 19), allDays(20), days(1)}) {
      LikelihoodRatio lr = Backtest.christoffersenIndependence(exceptions);

      assertThat(lr.statistic()).isZero();
      assertThat(lr.pValue()).isEqualTo(1.0);
    }
  }

  @Test
  void anExceptionIsALossStrictlyAboveTheVar() {
    // losses 5, 10, 11, -3 against VaR 10: only 11 is above
    Backtest backtest = Backtest.of(new double[] {10, 10, 10, 10}, new double[] {-5, -10, -11, 3}, 0.99);

    assertThat(backtest.exceptions()).containsExactly(false, false, true, false);
    assertThat(backtest.exceptionCount()).isEqualTo(1);
    assertThat(backtest.days()).isEqualTo(4);
  }

  @Test
  void aBacktestObjectRunsTheStaticTests() {
    // 250 days at 99% with 10 exceptions spread out: the Kupiec numbers of kupiecWithTenExceptions, RED
    boolean[] exceptions = days(250, 10, 35, 60, 85, 110, 135, 160, 185, 210, 235);
    Backtest backtest = Backtest.ofExceptions(exceptions, 0.99);

    assertThat(backtest.kupiec().statistic()).isCloseTo(12.955491, within(TIGHT));
    assertThat(backtest.baselZone()).isEqualTo(BaselZone.RED);
    assertThat(backtest.conditionalCoverage().statistic())
        .isCloseTo(backtest.kupiec().statistic() + backtest.independence().statistic(), within(1e-12));
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> Backtest.kupiecPof(250, 251, 0.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid exception count 251: must be between 0 and the 250 days");
    assertThatThrownBy(() -> Backtest.kupiecPof(250, 3, 99))
        .hasMessageStartingWith("Invalid expected exception rate 99.0");
    assertThatThrownBy(() -> Backtest.of(new double[] {1, 2}, new double[] {1}, 0.99))
        .hasMessage("Invalid backtest: 2 VaR forecasts but 1 realised P&L values; align them day by day");
  }

  private static boolean[] days(int count, int... exceptionDays) {
    boolean[] exceptions = new boolean[count];
    for (int day : exceptionDays) {
      exceptions[day] = true;
    }
    return exceptions;
  }

  private static boolean[] allDays(int count) {
    boolean[] exceptions = new boolean[count];
    Arrays.fill(exceptions, true);
    return exceptions;
  }
}
