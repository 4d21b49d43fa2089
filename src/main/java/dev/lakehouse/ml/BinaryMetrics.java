package dev.lakehouse.ml;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Ranking quality of a binary score against labels, for rare positives (fraud): the area under the
 * precision-recall curve, the precision of the k highest scores, and the recall reached while the
 * false-positive rate stays within a bound. Equal scores are one threshold: a tie is never split in
 * the score's favour.
 *
 * <p>The PR curve is Spark's ({@code BinaryClassificationMetrics}): one point (recall, precision)
 * per distinct score, taken from the highest down, plus a first point at recall 0 with the precision
 * of the first threshold; the area is by trapezoids.
 */
public final class BinaryMetrics {
  private final double[] thresholds;
  private final long[] truePositives;
  private final long[] falsePositives;
  private final long positives;
  private final long negatives;
  private final double[] sortedScores;
  private final boolean[] sortedLabels;

  private BinaryMetrics(double[] scores, boolean[] labels) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    sortedScores = new double[scores.length];
    sortedLabels = new boolean[scores.length];
    long p = 0;
    for (int i = 0; i < order.length; i++) {
      sortedScores[i] = scores[order[i]];
      sortedLabels[i] = labels[order[i]];
      p += sortedLabels[i] ? 1 : 0;
    }
    positives = p;
    negatives = scores.length - p;
    int distinct = 0;
    for (int i = 0; i < sortedScores.length; i++) {
      distinct += i == 0 || sortedScores[i] != sortedScores[i - 1] ? 1 : 0;
    }
    thresholds = new double[distinct];
    truePositives = new long[distinct];
    falsePositives = new long[distinct];
    long tp = 0;
    long fp = 0;
    int t = -1;
    for (int i = 0; i < sortedScores.length; i++) {
      if (i == 0 || sortedScores[i] != sortedScores[i - 1]) {
        t++;
      }
      tp += sortedLabels[i] ? 1 : 0;
      fp += sortedLabels[i] ? 0 : 1;
      thresholds[t] = sortedScores[i];
      truePositives[t] = tp;
      falsePositives[t] = fp;
    }
  }

  /** Metrics of scores against labels of the same length; needs at least one positive and one negative. */
  public static BinaryMetrics of(double[] scores, boolean[] labels) {
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(
          "Invalid metrics input: " + scores.length + " scores but " + labels.length + " labels; must be equal");
    }
    for (double score : scores) {
      if (Double.isNaN(score)) {
        throw new IllegalArgumentException("Invalid score NaN: every score must be a number");
      }
    }
    BinaryMetrics metrics = new BinaryMetrics(scores, labels);
    if (metrics.positives == 0 || metrics.negatives == 0) {
      throw new IllegalArgumentException(String.format(
          "Invalid metrics input: %d positives and %d negatives; ranking metrics need at least one of each",
          metrics.positives, metrics.negatives));
    }
    return metrics;
  }

  public long positives() {
    return positives;
  }

  public long negatives() {
    return negatives;
  }

  /** Area under the precision-recall curve, in [0, 1]; a random score gets about the positive rate. */
  public double areaUnderPr() {
    double area = 0;
    double recall = 0;
    double precision = precision(0);
    for (int t = 0; t < thresholds.length; t++) {
      double nextRecall = (double) truePositives[t] / positives;
      double nextPrecision = precision(t);
      area += (nextRecall - recall) * (precision + nextPrecision) / 2;
      recall = nextRecall;
      precision = nextPrecision;
    }
    return area;
  }

  /**
   * Precision of the k highest scores. Payments tied with the k-th score count in proportion: with
   * m of the n tied payments positive and j of them inside the top k, they add {@code j * m / n}.
   */
  public double precisionAtK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("Invalid k " + k + ": must be at least 1");
    }
    int top = Math.min(k, sortedScores.length);
    double hits = 0;
    int i = 0;
    while (i < top) {
      int end = i;
      long tiedPositives = 0;
      while (end < sortedScores.length && sortedScores[end] == sortedScores[i]) {
        tiedPositives += sortedLabels[end] ? 1 : 0;
        end++;
      }
      int inside = Math.min(end, top) - i;
      hits += (double) inside * tiedPositives / (end - i);
      i = end;
    }
    return hits / top;
  }

  /**
   * The highest recall at a threshold whose false-positive rate is at most {@code maxFpr}; 0 when
   * even the highest score lets more negatives through.
   */
  public double recallAtFpr(double maxFpr) {
    if (!(maxFpr >= 0 && maxFpr <= 1)) {
      throw new IllegalArgumentException("Invalid false-positive rate " + maxFpr + ": must be in [0, 1]");
    }
    double best = 0;
    for (int t = 0; t < thresholds.length; t++) {
      if ((double) falsePositives[t] / negatives <= maxFpr) {
        best = Math.max(best, (double) truePositives[t] / positives);
      }
    }
    return best;
  }

  private double precision(int t) {
    return (double) truePositives[t] / (truePositives[t] + falsePositives[t]);
  }
}
