package dev.lakehouse.finance.risk;

import static dev.lakehouse.finance.risk.ParametricVarTest.TWO_ASSET_COVARIANCE;
import static dev.lakehouse.finance.risk.ParametricVarTest.TWO_ASSET_EXPOSURES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * With 200,000 trials the standard error of the 99% quantile of a normal is
 * sqrt(0.01 * 0.99 / 200,000) / phi(2.326) = 0.00835 sigma, 0.36% of VaR, so 2% is more than 5 standard
 * errors; for the t(4) quantile it is 0.0256 / 3.747 = 0.7%, and 3% is more than 4.
 */
class MonteCarloVarTest {
  private static final int TRIALS = 200_000;
  private static final long SEED = 20240611L;

  @Test
  void normalConvergesToTheParametricClosedForm() {
    // closed form (ParametricVarTest): sigma = 22,912.88, VaR99 = 53,303.33, ES99 = 61,067.73
    TailRisk risk = MonteCarloVar.of(TWO_ASSET_EXPOSURES, TWO_ASSET_COVARIANCE, ReturnDistribution.normal(), SEED)
        .tailRisk(0.99, TRIALS, 2);

    assertThat(risk.valueAtRisk()).isCloseTo(53_303.33, withinPercentage(2));
    assertThat(risk.expectedShortfall()).isCloseTo(61_067.73, withinPercentage(2));
  }

  @Test
  void normalConvergesForThreeCorrelatedInstruments() {
    // covariance = 1e-4 * CholeskyTest.THREE_BY_THREE, 1,000,000 in each instrument:
    // w'Sw = 1e12 * 1e-4 * (sum of all entries = 4 + 12 - 16 + 12 + 37 - 43 - 16 - 43 + 98 = 45) = 4.5e9
    // sigma = 67,082.04, VaR99 = 2.3263479 * sigma = 156,056.16, ES99 = sigma * 2.6652142 = 178,788.01
    double[][] covariance = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        covariance[i][j] = 1e-4 * CholeskyTest.THREE_BY_THREE[i][j];
      }
    }
    double[] exposures = {1_000_000, 1_000_000, 1_000_000};
    TailRisk risk = MonteCarloVar.of(exposures, covariance, ReturnDistribution.normal(), SEED).tailRisk(0.99, TRIALS, 2);

    assertThat(risk.valueAtRisk()).isCloseTo(156_056.16, withinPercentage(2));
    assertThat(risk.expectedShortfall()).isCloseTo(178_788.01, withinPercentage(2));
  }

  @Test
  void studentTHasTheSameVarianceButAFatterTail() {
    // P&L = sigma * sqrt((4 - 2) / 4) * T(4): VaR99 = sigma * 0.70711 * 3.74695 (t table, 4 df, 99%)
    //     = 22,912.88 * 2.64949 = 60,707.49, 13.9% above the normal 53,303.33
    MonteCarloVar normal = MonteCarloVar.of(TWO_ASSET_EXPOSURES, TWO_ASSET_COVARIANCE, ReturnDistribution.normal(), SEED);
    MonteCarloVar studentT = MonteCarloVar.of(
        TWO_ASSET_EXPOSURES, TWO_ASSET_COVARIANCE, ReturnDistribution.studentT(4), SEED);
    double[] tPnl = studentT.simulate(TRIALS, 2);
    TailRisk tRisk = HistoricalVar.tailRisk(tPnl, 0.99);
    TailRisk normalRisk = normal.tailRisk(0.99, TRIALS, 2);

    assertThat(tRisk.valueAtRisk()).isGreaterThan(normalRisk.valueAtRisk()).isCloseTo(60_707.49, withinPercentage(3));
    assertThat(tRisk.expectedShortfall()).isGreaterThan(normalRisk.expectedShortfall());
    // the scaling sqrt((nu - 2) / nu) keeps the standard deviation at sigma = 22,912.88
    assertThat(standardDeviation(tPnl)).isCloseTo(22_912.88, withinPercentage(3));
  }

  @Test
  void chunkRangesConcatenateToTheWholeRun() {
    int trials = 3 * MonteCarloVar.CHUNK_TRIALS + 100;
    MonteCarloVar mc = MonteCarloVar.of(TWO_ASSET_EXPOSURES, TWO_ASSET_COVARIANCE, ReturnDistribution.studentT(5), SEED);
    double[] whole = mc.simulate(trials, 1);
    double[] first = mc.simulateChunks(trials, 0, 1);
    double[] rest = mc.simulateChunks(trials, 1, MonteCarloVar.chunkCount(trials));

    assertThat(MonteCarloVar.chunkCount(trials)).isEqualTo(4);
    double[] joined = new double[trials];
    System.arraycopy(first, 0, joined, 0, first.length);
    System.arraycopy(rest, 0, joined, first.length, rest.length);
    assertThat(joined).containsExactly(whole);
    assertThatThrownBy(() -> mc.simulateChunks(trials, 2, 5)).hasMessageContaining("chunks [0, 4)");
  }

  @Test
  void sameSeedGivesTheSameScenariosWhateverTheThreadCount() {
    // three full chunks and a partial one
    int trials = 3 * MonteCarloVar.CHUNK_TRIALS + 100;
    for (ReturnDistribution distribution : new ReturnDistribution[] {ReturnDistribution.normal(), ReturnDistribution.studentT(4.5)}) {
      MonteCarloVar simulation = MonteCarloVar.of(TWO_ASSET_EXPOSURES, TWO_ASSET_COVARIANCE, distribution, SEED);

      double[] oneThread = simulation.simulate(trials, 1);

      assertThat(simulation.simulate(trials, 4)).isEqualTo(oneThread);
      assertThat(simulation.simulate(trials, 3)).isEqualTo(oneThread);
      assertThat(simulation.simulate(trials, 1)).isEqualTo(oneThread);
      assertThat(simulation.withSeed(SEED + 1).simulate(trials, 1)).isNotEqualTo(oneThread);
    }
  }

  @Test
  void moreTrialsExtendTheSameScenarioSet() {
    MonteCarloVar simulation = MonteCarloVar.of(
        TWO_ASSET_EXPOSURES, TWO_ASSET_COVARIANCE, ReturnDistribution.normal(), SEED);

    double[] more = simulation.simulate(2 * MonteCarloVar.CHUNK_TRIALS, 2);

    assertThat(simulation.simulate(100, 8)).isEqualTo(Arrays.copyOf(more, 100));
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> MonteCarloVar.of(
        new double[] {1, 1}, new double[][] {{1, 2}, {2, 1}}, ReturnDistribution.normal(), SEED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not positive definite");
    assertThatThrownBy(() -> ReturnDistribution.studentT(2))
        .hasMessageStartingWith("Invalid degrees of freedom 2.0");
    MonteCarloVar simulation = MonteCarloVar.of(TWO_ASSET_EXPOSURES, TWO_ASSET_COVARIANCE, ReturnDistribution.normal(), SEED);
    assertThatThrownBy(() -> simulation.simulate(0, 1)).hasMessage("Invalid trial count 0: must be at least 1");
    assertThatThrownBy(() -> simulation.simulate(10, 0)).hasMessage("Invalid thread count 0: must be at least 1");
  }

  private static double standardDeviation(double[] values) {
    double mean = Arrays.stream(values).average().orElseThrow();
    double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
    return Math.sqrt(squares / (values.length - 1));
  }
}
