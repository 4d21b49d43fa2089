package dev.lakehouse.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lakehouse.testing.TestLakehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class BinaryMetricsTest {
  // scores 0.9 .. 0.5, positives at 0.9 and 0.7: 2 positives, 3 negatives
  private static final double[] SCORES = {0.6, 0.9, 0.5, 0.7, 0.8};
  private static final boolean[] LABELS = {false, true, false, true, false};

  @Test
  void areaUnderPrByHand() {
    // points (0, 1) (0.5, 1) (0.5, 0.5) (1, 2/3) (1, 0.5) (1, 0.4): 0.5 * 1 + 0 + 0.5 * (0.5 + 2/3) / 2
    assertThat(BinaryMetrics.of(SCORES, LABELS).areaUnderPr()).isCloseTo(0.5 + 0.5 * (0.5 + 2.0 / 3) / 2, within(1e-12));
  }

  @Test
  void precisionAtKByHand() {
    BinaryMetrics metrics = BinaryMetrics.of(SCORES, LABELS);
    assertThat(metrics.precisionAtK(1)).isEqualTo(1.0);
    assertThat(metrics.precisionAtK(2)).isEqualTo(0.5);
    assertThat(metrics.precisionAtK(3)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(metrics.precisionAtK(50)).isCloseTo(2.0 / 5, within(1e-12));
  }

  @Test
  void recallAtFalsePositiveRateByHand() {
    BinaryMetrics metrics = BinaryMetrics.of(SCORES, LABELS);
    assertThat(metrics.recallAtFpr(0)).isEqualTo(0.5);
    assertThat(metrics.recallAtFpr(0.2)).isEqualTo(0.5);
    assertThat(metrics.recallAtFpr(1.0 / 3)).isEqualTo(1.0);
  }

  @Test
  void tiesAreOneThresholdAndNeverSplitInTheScoresFavour() {
    double[] scores = {0.5, 0.5, 0.5, 0.1};
    boolean[] labels = {false, true, false, true};
    BinaryMetrics metrics = BinaryMetrics.of(scores, labels);
    // (0, 1/3) (0.5, 1/3) (1, 0.5)
    assertThat(metrics.areaUnderPr()).isCloseTo(0.5 / 3 + 0.5 * (1.0 / 3 + 0.5) / 2, within(1e-12));
    // 2 of the 3 tied payments are in the top 2; 1 of the 3 is positive
    assertThat(metrics.precisionAtK(2)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(metrics.recallAtFpr(0.5)).isEqualTo(0.0);
  }

  @Test
  void agreesWithSparkOnANoisyScoreWithTies() {
    SplittableRandom random = new SplittableRandom(5);
    int n = 2_000;
    double[] scores = new double[n];
    boolean[] labels = new boolean[n];
    List<Tuple2<Object, Object>> pairs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextDouble() < 0.05;
      // rounded to 2 digits: many ties
      scores[i] = Math.round(Math.min(1, Math.max(0, (labels[i] ? 0.3 : 0) + random.nextDouble() * 0.7)) * 100) / 100.0;
      pairs.add(new Tuple2<>(scores[i], labels[i] ? 1.0 : 0.0));
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(TestLakehouse.fresh().spark().sparkContext());
    double spark = new BinaryClassificationMetrics(context.parallelize(pairs, 2).rdd()).areaUnderPR();
    assertThat(BinaryMetrics.of(scores, labels).areaUnderPr()).isCloseTo(spark, within(1e-9));
  }

  @Test
  void rejectsInputThatCannotBeRanked() {
    assertThatThrownBy(() -> BinaryMetrics.of(new double[] {0.1, 0.2}, new boolean[] {false, false}))
        .hasMessage("Invalid metrics input: 0 positives and 2 negatives; ranking metrics need at least one of each");
    assertThatThrownBy(() -> BinaryMetrics.of(new double[] {0.1}, new boolean[] {true, false}))
        .hasMessage("Invalid metrics input: 1 scores but 2 labels; must be equal");
    assertThatThrownBy(() -> BinaryMetrics.of(new double[] {Double.NaN, 1}, new boolean[] {true, false}))
        .hasMessage("Invalid score NaN: every score must be a number");
    assertThatThrownBy(() -> BinaryMetrics.of(SCORES, LABELS).precisionAtK(0)).hasMessage("Invalid k 0: must be at least 1");
  }
}
