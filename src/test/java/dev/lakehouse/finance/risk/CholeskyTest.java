package dev.lakehouse.finance.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CholeskyTest {
  // A = L L' with L = [[2, 0, 0], [6, 1, 0], [-8, 5, 3]]:
  // row 1: 2*2 = 4, 2*6 = 12, 2*(-8) = -16
  // row 2: 6*6 + 1*1 = 37, 6*(-8) + 1*5 = -43
  // row 3: 64 + 25 + 9 = 98
  static final double[][] THREE_BY_THREE = {{4, 12, -16}, {12, 37, -43}, {-16, -43, 98}};

  @Test
  void factorsAKnownThreeByThreeMatrix() {
    double[][] lower = Cholesky.decompose(THREE_BY_THREE).lower();

    assertThat(lower[0]).containsExactly(new double[] {2, 0, 0}, within(1e-12));
    assertThat(lower[1]).containsExactly(new double[] {6, 1, 0}, within(1e-12));
    assertThat(lower[2]).containsExactly(new double[] {-8, 5, 3}, within(1e-12));
  }

  @Test
  void correlateMultipliesByTheLowerFactor() {
    // L (1, 1, 1) = (2, 6 + 1, -8 + 5 + 3) = (2, 7, 0)
    double[] out = new double[3];

    Cholesky.decompose(THREE_BY_THREE).correlate(new double[] {1, 1, 1}, out);

    assertThat(out).containsExactly(new double[] {2, 7, 0}, within(1e-12));
  }

  @Test
  void rejectsAnIndefiniteMatrixNamingThePivot() {
    // eigenvalues 3 and -1; pivot 1 is 1 - 2 * 2 / 1 = -3
    assertThatThrownBy(() -> Cholesky.decompose(new double[][] {{1, 2}, {2, 1}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot factor the covariance matrix: it is not positive definite (pivot 1 is -3.0");
  }

  @Test
  void rejectsASingularMatrixUnlessJittered() {
    // two perfectly correlated instruments: pivot 1 is 1 - 1 * 1 = 0
    double[][] duplicated = {{1, 1}, {1, 1}};

    assertThatThrownBy(() -> Cholesky.decompose(duplicated))
        .hasMessageContaining("pivot 1 is 0.0")
        .hasMessageContaining("decomposeWithJitter");
    // A + 1e-10 I: L(0, 0) = sqrt(1 + 1e-10), L(1, 1) = sqrt(2e-10) to first order
    double[][] lower = Cholesky.decomposeWithJitter(duplicated, 1e-10).lower();
    assertThat(lower[0][0]).isCloseTo(1, within(1e-9));
    assertThat(lower[1][1]).isCloseTo(Math.sqrt(2e-10), within(1e-9));
  }

  @Test
  void rejectsMatricesThatAreNotCovariances() {
    assertThatThrownBy(() -> Cholesky.decompose(new double[][] {{1, 0.5}, {0.2, 1}}))
        .hasMessage("Invalid covariance matrix: not symmetric at (1, 0): 0.2 vs 0.5");
    assertThatThrownBy(() -> Cholesky.decompose(new double[][] {{1, 0}, {0}}))
        .hasMessage("Invalid covariance matrix: row 1 has 1 columns, expected 2 (square)");
    assertThatThrownBy(() -> Cholesky.decompose(new double[][] {{Double.NaN}}))
        .hasMessage("Invalid covariance matrix: entry (0, 0) is NaN");
  }
}
