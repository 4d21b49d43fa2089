package dev.lakehouse.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
  private static final double LOG2_3 = Math.log(3) / Math.log(2);

  @Test
  void averagesHandComputedFiguresOverUsersWithRelevantItems() {
    RankingMetrics m = RankingMetrics.of(List.of(
        // hits at ranks 1 and 3 of 3 relevant
        new RankingMetrics.Judged(List.of("a", "b", "c"), Set.of("a", "c", "d")),
        // one hit at rank 2 of 1 relevant
        new RankingMetrics.Judged(List.of("x", "y", "z"), Set.of("y")),
        // nothing relevant: not judged
        new RankingMetrics.Judged(List.of("a"), Set.of())), 3);
    double ndcgFirst = (1 + 0.5) / (1 + 1 / LOG2_3 + 0.5);
    double ndcgSecond = 1 / LOG2_3;
    assertThat(m.users()).isEqualTo(2);
    assertThat(m.precisionAtK()).isCloseTo((2.0 / 3 + 1.0 / 3) / 2, within(1e-12));
    assertThat(m.recallAtK()).isCloseTo((2.0 / 3 + 1) / 2, within(1e-12));
    assertThat(m.ndcgAtK()).isCloseTo((ndcgFirst + ndcgSecond) / 2, within(1e-12));
    assertThat(m.mapAtK()).isCloseTo(((1 + 2.0 / 3) / 3 + 0.5) / 2, within(1e-12));
  }

  @Test
  void aShortListCountsAgainstPrecisionAtK() {
    RankingMetrics m = RankingMetrics.of(List.of(new RankingMetrics.Judged(List.of("a"), Set.of("a"))), 10);
    assertThat(m.precisionAtK()).isEqualTo(0.1);
    assertThat(m.recallAtK()).isEqualTo(1.0);
    assertThat(m.ndcgAtK()).isEqualTo(1.0);
    assertThat(m.mapAtK()).isEqualTo(1.0);
  }
}
