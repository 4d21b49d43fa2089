package dev.lakehouse.finance.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Chi-square(nu) has mean nu and variance 2 nu; 100,000 draws pin the mean to about 0.2%. */
class SamplingTest {

  @Test
  void chiSquareHasMeanNuAndVarianceTwoNu() {
    // nu = 4: standard error of the mean sqrt(8 / 1e5) = 0.009, of the variance about 0.057
    assertMoments(4, 0.05, 0.3);
    // nu = 5.5 (not an integer, so not a sum of squared normals): mean 5.5, variance 11
    assertMoments(5.5, 0.06, 0.4);
  }

  private static void assertMoments(double nu, double meanTolerance, double varianceTolerance) {
    SplittableRandom random = new SplittableRandom(7);
    int draws = 100_000;
    double sum = 0;
    double sumOfSquares = 0;
    for (int i = 0; i < draws; i++) {
      double x = Sampling.chiSquare(random, nu);
      sum += x;
      sumOfSquares += x * x;
    }
    double mean = sum / draws;
    double variance = (sumOfSquares - draws * mean * mean) / (draws - 1);

    assertThat(mean).isCloseTo(nu, within(meanTolerance));
    assertThat(variance).isCloseTo(2 * nu, within(varianceTolerance));
  }
}
