package dev.lakehouse.finance.stress;

import static dev.lakehouse.finance.stress.Fixtures.equity;
import static dev.lakehouse.finance.stress.Fixtures.weekdays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lakehouse.finance.risk.ParametricVar;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Volatility x factor: PnL = -factor x z_c x sqrt(w' S w) x sqrt(h), split by Euler contribution. */
class VolatilityShockTest {
  private static final double Z_99 = 2.3263478740408408;
  private static final double TOLERANCE = 1e-6;

  // daily returns +2%, -2%, +2%, -2%: mean 0, sample variance 4 x 0.0004 / 3 = 0.0016 / 3
  private static final double[] X = {100, 102, 99.96, 101.9592, 99.920016};
  // daily returns +1%, +1%, -1%, -1%: mean 0, sample variance 0.0004 / 3; covariance with X is 0
  private static final double[] Y = {100, 101, 102.01, 100.9899, 99.980001};
  private static final List<LocalDate> DAYS = weekdays(LocalDate.of(2024, 1, 1), 5);

  @Test
  void doubledVolatilityIsTwiceTheOneDayNinetyNinePercentVar() {
    // w = 500 x 100 = 50,000; sigma = 50,000 x sqrt(0.0016 / 3) = 1,154.70; VaR 99% = 2.32635 x sigma = 2,686.24
    // doubled: -5,372.47
    PriceHistory history = PriceHistory.of(DAYS, Map.of("X", X));
    List<PositionValue> positions = List.of(equity("p1", "X", 500, 100));

    StressResult result = StressTest.defaults().run(doubled(), positions, history);

    double expected = -2 * Z_99 * 50_000 * Math.sqrt(0.0016 / 3);
    assertThat(result.pnl()).isCloseTo(expected, within(TOLERANCE));
    assertThat(result.pnl()).isCloseTo(-5_372.47, within(0.01));
    assertThat(result.pnlByInstrument().get("X")).isCloseTo(expected, within(TOLERANCE));
    assertThat(result.kind()).isEqualTo(ScenarioKind.HYPOTHETICAL);
    assertThat(result.window()).isEmpty();
    assertThat(result.detail()).isEqualTo("parametric 99% 1-day VaR with volatility x2 (covariance x4) from 4 daily returns "
        + "2024-01-01 to 2024-01-05: 5372.47 (today 2686.24)");
  }

  @Test
  void agreesWithParametricVarOnTheUnscaledCovariance() {
    PriceHistory history = PriceHistory.of(DAYS, Map.of("X", X, "Y", Y));
    List<PositionValue> positions = List.of(equity("p1", "X", 500, 100), equity("p1", "Y", 1_000, 100));
    double[][] returns = new double[4][2];
    for (int k = 0; k < 4; k++) {
      returns[k][0] = X[k + 1] / X[k] - 1;
      returns[k][1] = Y[k + 1] / Y[k] - 1;
    }
    double todayVar = ParametricVar.of(new double[] {50_000, 100_000}, ParametricVar.covariance(returns))
        .tailRisk(0.99).valueAtRisk();

    StressResult result = StressTest.defaults().run(doubled(), positions, history);

    assertThat(result.pnl()).isCloseTo(-2 * todayVar, within(TOLERANCE));
  }

  @Test
  void uncorrelatedEqualRisksSplitInHalves() {
    // w = (50,000, 100,000): w'Sw = 2.5e9 x 0.0016/3 + 1e10 x 0.0004/3 = (4e6 + 4e6) / 3, each half of it,
    // so each instrument carries half of -2 x z x sqrt(8e6 / 3) = -7,597.82
    PriceHistory history = PriceHistory.of(DAYS, Map.of("X", X, "Y", Y));
    List<PositionValue> positions = List.of(equity("p1", "X", 500, 100), equity("p1", "Y", 1_000, 100));

    StressResult result = StressTest.defaults().run(doubled(), positions, history);

    double expected = -2 * Z_99 * Math.sqrt(8e6 / 3);
    assertThat(result.pnl()).isCloseTo(expected, within(TOLERANCE));
    assertThat(result.pnlByInstrument().get("X")).isCloseTo(expected / 2, within(TOLERANCE));
    assertThat(result.pnlByInstrument().get("Y")).isCloseTo(expected / 2, within(TOLERANCE));
  }

  @Test
  void aFullHedgeHasNoVolatilityToDouble() {
    // long and short 50,000 of the same series: w'Sw = 0
    PriceHistory history = PriceHistory.of(DAYS, Map.of("X", X, "X2", X));
    List<PositionValue> positions = List.of(equity("p1", "X", 500, 100), equity("p1", "X2", -500, 100));

    StressResult result = StressTest.defaults().run(doubled(), positions, history);

    assertThat(result.pnl()).isCloseTo(0, within(TOLERANCE));
    assertThat(result.pnlByInstrument().values()).allSatisfy(pnl -> assertThat(pnl).isCloseTo(0, within(TOLERANCE)));
  }

  @Test
  void onlyTheLastLookbackDaysCount() {
    // a +100% day in front of X is left out by a 4-day lookback: the same result as without it
    PriceHistory longer = PriceHistory.of(weekdays(LocalDate.of(2023, 12, 29), 6), Map.of("X", new double[] {50, 100, 102, 99.96, 101.9592, 99.920016}));
    Scenario fourDays = new Scenario.VolatilityShock("volatility_doubled", "", 2, 0.99, 1, 4);
    List<PositionValue> positions = List.of(equity("p1", "X", 500, 100));

    StressResult result = StressTest.defaults().run(fourDays, positions, longer);

    assertThat(result.pnl()).isCloseTo(-2 * Z_99 * 50_000 * Math.sqrt(0.0016 / 3), within(TOLERANCE));
    assertThat(result.detail()).contains("from 4 daily returns 2024-01-01 to 2024-01-05");
  }

  @Test
  void needsTwoDailyReturns() {
    PriceHistory twoDays = PriceHistory.of(weekdays(LocalDate.of(2024, 1, 1), 2), Map.of("X", new double[] {100, 101}));

    assertThatThrownBy(() -> StressTest.defaults().run(doubled(), List.of(equity("p1", "X", 1, 101)), twoDays))
        .hasMessage("Cannot run scenario 'volatility_doubled': the price history has 2 trading days, "
            + "a covariance needs at least 3 (2 daily returns)");
  }

  @Test
  void parametersAreChecked() {
    assertThatThrownBy(() -> new Scenario.VolatilityShock("v", "", 0, 0.99, 1, 250))
        .hasMessage("Invalid volatility factor 0.0 for scenario 'v': must be positive and finite (2 doubles volatility)");
    assertThatThrownBy(() -> new Scenario.VolatilityShock("v", "", 2, 99, 1, 250))
        .hasMessage("Invalid confidence 99.0 for scenario 'v': must be a fraction in (0, 1), e.g. 0.99");
  }

  private static Scenario doubled() {
    return Scenario.VolatilityShock.of("volatility_doubled", "", 2);
  }
}
