package dev.lakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplingTest {
  @Test
  void zipfFavoursTheFirstRanks() {
    WeightedChoice zipf = WeightedChoice.zipf(500, 1.1);
    SplittableRandom random = new SplittableRandom(1);
    int[] counts = new int[500];
    for (int i = 0; i < 100_000; i++) {
      counts[zipf.pick(random)]++;
    }
    assertThat(counts[0]).isGreaterThan(counts[1]).isGreaterThan(counts[10] * 5);
    assertThat(counts[0] / 100_000.0).isCloseTo(zipf.weightOf(0), within(0.01));
  }

  @Test
  void aZeroWeightIsNeverDrawn() {
    WeightedChoice choice = WeightedChoice.of(0, 1, 0, 2, 0);
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 10_000; i++) {
      assertThat(choice.pick(random)).isIn(1, 3);
    }
  }

  @Test
  void theDiurnalCurveIsMonotoneAndFillsTheDay() {
    long previous = -1;
    for (int i = 0; i < 1_000; i++) {
      long offset = Diurnal.offsetAtQuantile(i / 1_000.0);
      assertThat(offset).isGreaterThanOrEqualTo(previous).isLessThan(Diurnal.DAY_MS);
      previous = offset;
    }
    assertThat(Diurnal.intensityAt(20)).isGreaterThan(3 * Diurnal.intensityAt(4));
  }

  @Test
  void studentTHasUnitVarianceAndFatTails() {
    SplittableRandom random = new SplittableRandom(1);
    double sumOfSquares = 0;
    int beyondFour = 0;
    for (int i = 0; i < 100_000; i++) {
      double draw = Sampling.studentT(random, 4);
      sumOfSquares += draw * draw;
      beyondFour += Math.abs(draw) > 4 ? 1 : 0;
    }
    assertThat(sumOfSquares / 100_000).isCloseTo(1.0, within(0.15));
    assertThat(beyondFour).isGreaterThan(10);
  }

  @Test
  void idsCountUpWithTenHexDigits() {
    Ids ids = new Ids("evt-", new SplittableRandom(1));
    String first = ids.next();
    String second = ids.next();
    assertThat(first).matches("evt-[0-9a-f]{10}");
    assertThat(Long.parseLong(second.substring(4), 16)).isEqualTo(Long.parseLong(first.substring(4), 16) + 1);
  }
}
