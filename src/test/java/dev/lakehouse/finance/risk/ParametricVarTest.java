package dev.lakehouse.finance.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ParametricVarTest {
  // standard normal quantiles and density from tables, not from the code under test
  private static final double Z_99 = 2.3263478740408408;
  private static final double PHI_Z_99 = 0.02665214220345808; // exp(-z^2/2) / sqrt(2 pi) at z = 2.32635
  private static final double Z_95 = 1.6448536269514722;

  // Two assets: 1,000,000 in A (daily vol 2%), 500,000 in B (daily vol 1%), correlation 0.5.
  // S = [[0.02^2, 0.5 * 0.02 * 0.01], [.., 0.01^2]] = [[0.0004, 0.0001], [0.0001, 0.0001]]
  // w'Sw = 1e6^2 * 0.0004 + 2 * 1e6 * 5e5 * 0.0001 + (5e5)^2 * 0.0001
  //      = 4e8 + 1e8 + 2.5e7 = 5.25e8,  sigma = sqrt(5.25e8) = 22,912.8785
  static final double[] TWO_ASSET_EXPOSURES = {1_000_000, 500_000};
  static final double[][] TWO_ASSET_COVARIANCE = {{0.0004, 0.0001}, {0.0001, 0.0001}};
  static final double TWO_ASSET_SIGMA = Math.sqrt(5.25e8);

  @Test
  void twoAssetNormalPortfolioMatchesTheClosedForm() {
    ParametricVar portfolio = ParametricVar.of(TWO_ASSET_EXPOSURES, TWO_ASSET_COVARIANCE);
    // VaR99 = 2.3263479 * 22,912.8785 = 53,303.33;  ES99 = 22,912.8785 * 0.0266521 / 0.01 = 61,067.73
    TailRisk risk = portfolio.tailRisk(0.99);

    assertThat(portfolio.variance()).isCloseTo(5.25e8, within(1e-3));
    assertThat(portfolio.volatility()).isCloseTo(22_912.8785, within(1e-4));
    assertThat(risk.valueAtRisk()).isCloseTo(Z_99 * TWO_ASSET_SIGMA, within(1e-6)).isCloseTo(53_303.33, within(0.01));
    assertThat(risk.expectedShortfall()).isCloseTo(TWO_ASSET_SIGMA * PHI_Z_99 / 0.01, within(1e-6))
        .isCloseTo(61_067.73, within(0.01));
  }

  @Test
  void ninetyFivePercent() {
    // VaR95 = 1.6448536 * 22,912.8785 = 37,688.33
    assertThat(ParametricVar.of(TWO_ASSET_EXPOSURES, TWO_ASSET_COVARIANCE).tailRisk(0.95).valueAtRisk())
        .isCloseTo(Z_95 * TWO_ASSET_SIGMA, within(1e-6)).isCloseTo(37_688.33, within(0.01));
  }

  @Test
  void tenDayHorizonScalesBySquareRootOfTen() {
    // VaR99(10d) = 53,303.33 * sqrt(10) = 168,559.92;  ES99(10d) = 61,067.73 * sqrt(10) = 193,113.12
    TailRisk tenDays = ParametricVar.of(TWO_ASSET_EXPOSURES, TWO_ASSET_COVARIANCE).tailRisk(0.99, 10);

    assertThat(tenDays.valueAtRisk()).isCloseTo(168_559.92, within(0.01));
    assertThat(tenDays.expectedShortfall()).isCloseTo(193_113.12, within(0.01));
  }

  @Test
  void meanReturnsReduceTheLossByTheExpectedPnl() {
    // m = (0.1%, 0.05%): w'm = 1e6 * 0.001 + 5e5 * 0.0005 = 1,000 + 250 = 1,250 per day
    // VaR99 = 53,303.33 - 1,250 = 52,053.33;  ES99 = 61,067.73 - 1,250 = 59,817.73
    // 10 days: 168,559.92 - 12,500 = 156,059.92 (the mean scales with h, sigma with sqrt h)
    ParametricVar withMean = ParametricVar.of(TWO_ASSET_EXPOSURES, TWO_ASSET_COVARIANCE)
        .withMeanReturns(new double[] {0.001, 0.0005});

    assertThat(withMean.expectedPnl()).isCloseTo(1_250, within(1e-9));
    assertThat(withMean.tailRisk(0.99).valueAtRisk()).isCloseTo(52_053.33, within(0.01));
    assertThat(withMean.tailRisk(0.99).expectedShortfall()).isCloseTo(59_817.73, within(0.01));
    assertThat(withMean.tailRisk(0.99, 10).valueAtRisk()).isCloseTo(156_059.92, within(0.01));
  }

  @Test
  void sampleCovarianceUsesNMinusOne() {
    // days (1, 2), (3, 6), (5, 4): means (3, 4), deviations (-2, -2), (0, 2), (2, 0)
    // var1 = (4 + 0 + 4) / 2 = 4, var2 = (4 + 4 + 0) / 2 = 4, cov = (4 + 0 + 0) / 2 = 2
    double[][] returns = {{1, 2}, {3, 6}, {5, 4}};

    assertThat(ParametricVar.meanReturns(returns)).containsExactly(3, 4);
    assertThat(ParametricVar.covariance(returns)).isDeepEqualTo(new double[][] {{4, 2}, {2, 4}});
  }

  @Test
  void ewmaWeighsTheNewestDayMost() {
    // lambda = 0.5 over 3 days: raw weights 0.25, 0.5, 1 (oldest first), sum 1.75 -> 1/7, 2/7, 4/7
    // days (1, 0), (0, 1), (1, 1), zero mean:
    // S11 = 1/7 + 4/7 = 5/7, S22 = 2/7 + 4/7 = 6/7, S12 = 4/7 (only the last day has both)
    double[][] returns = {{1, 0}, {0, 1}, {1, 1}};
    double[][] ewma = ParametricVar.ewmaCovariance(returns, 0.5);

    assertThat(ewma[0]).containsExactly(new double[] {5.0 / 7, 4.0 / 7}, within(1e-15));
    assertThat(ewma[1]).containsExactly(new double[] {4.0 / 7, 6.0 / 7}, within(1e-15));
  }

  @Test
  void ewmaOfALongHistoryFollowsTheRiskMetricsRecursion() {
    // S_t = 0.94 S_(t-1) + 0.06 r_t^2 from S_0 = r_0^2: identical weights up to the normalisation
    // 1 - 0.94^n, which is 1 - 4e-14 after 500 days
    double[][] returns = new double[500][1];
    for (int t = 0; t < returns.length; t++) {
      returns[t][0] = 0.01 * Math.sin(t * 0.7);
    }
    double recursion = returns[0][0] * returns[0][0];
    for (int t = 1; t < returns.length; t++) {
      recursion = 0.94 * recursion + 0.06 * returns[t][0] * returns[t][0];
    }

    assertThat(ParametricVar.ewmaCovariance(returns, ParametricVar.RISKMETRICS_LAMBDA)[0][0])
        .isCloseTo(recursion, within(1e-15));
  }

  @Test
  void rejectsMismatchedOrBrokenInput() {
    assertThatThrownBy(() -> ParametricVar.of(new double[] {1, 2, 3}, TWO_ASSET_COVARIANCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid covariance matrix: 2 rows for 3 instruments");
    assertThatThrownBy(() -> ParametricVar.of(TWO_ASSET_EXPOSURES, new double[][] {{1, 0.5}, {0.4, 1}}))
        .hasMessage("Invalid covariance matrix: not symmetric at (1, 0): 0.4 vs 0.5");
    assertThatThrownBy(() -> ParametricVar.covariance(new double[][] {{1, 2}}))
        .hasMessageContaining("need at least 2");
    assertThatThrownBy(() -> ParametricVar.covariance(new double[][] {{1, 2}, {3}}))
        .hasMessage("Invalid returns: day 1 has 1 instruments, day 0 has 2");
    assertThatThrownBy(() -> ParametricVar.ewmaCovariance(new double[][] {{1}}, 1.0))
        .hasMessageStartingWith("Invalid EWMA decay 1.0");
  }
}
