package dev.lakehouse.commerce.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.testing.TestLakehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The robust z-score transform on inline window totals, with 4 windows of history and threshold 3;
 * expectations computed here by hand. Unless a test says otherwise a window's revenue comes from 100
 * sales, so its revenue_squares is 100 x (revenue / 100)^2, about 100: a noise of sqrt(100) = 10.
 */
class RevenueAnomaliesTest {
  private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");
  private static final StructType TOTALS = new StructType()
      .add("window_start", DataTypes.TimestampType)
      .add("revenue", DataTypes.DoubleType)
      .add("revenue_squares", DataTypes.DoubleType);
  /**
   * Any 4 consecutive windows of this cycle have median (99 + 101) / 2 = 100 and absolute deviations
   * 2, 2, 1, 1, so a median absolute deviation of (1 + 2) / 2 = 1.5.
   */
  static final double[] CYCLE = {98, 102, 99, 101};
  private static final double MAD = 1.5 * 1.4826;
  private static final double SQUARES = 100;
  private static Lakehouse lakehouse;

  @BeforeAll
  static void session() {
    lakehouse = TestLakehouse.fresh();
  }

  static Instant window(int k) {
    return START.plusSeconds(300L * k);
  }

  private static Dataset<Row> totals(double[] revenue, double[] squares) {
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < revenue.length; k++) {
      rows.add(RowFactory.create(Timestamp.from(window(k)), revenue[k], squares[k]));
    }
    return lakehouse.spark().createDataFrame(rows, TOTALS);
  }

  static double[] cycle(int windows) {
    double[] revenue = new double[windows];
    for (int k = 0; k < windows; k++) {
      revenue[k] = CYCLE[k % 4];
    }
    return revenue;
  }

  private static double[] filled(int windows, double value) {
    double[] values = new double[windows];
    Arrays.fill(values, value);
    return values;
  }

  private static List<Row> judged(double[] revenue, double[] squares, double noiseFloor) {
    return RevenueAnomalies.apply(totals(revenue, squares), START, window(revenue.length - 1), 4, 3.0, noiseFloor)
        .orderBy("window_start").collectAsList();
  }

  private static List<Row> anomalies(double[] revenue, double[] squares, double noiseFloor) {
    return judged(revenue, squares, noiseFloor).stream().filter(r -> r.getBoolean(r.fieldIndex("is_anomaly"))).toList();
  }

  private static double value(Row r, String column) {
    return r.getDouble(r.fieldIndex(column));
  }

  @Test
  void oneSpikeIsTheOnlyAnomalyWithItsRobustZScore() {
    double[] revenue = cycle(20);
    revenue[8] = 1000;
    double[] squares = filled(20, SQUARES);
    List<Row> found = anomalies(revenue, squares, 2.0);
    assertThat(found).hasSize(1);
    Row spike = found.get(0);
    assertThat(spike.getTimestamp(0).toInstant()).isEqualTo(window(8));
    // windows 4..7 are 98, 102, 99, 101: median 100, MAD 1.5; noise sqrt(100) = 10, floored spread 2 x 10 = 20
    assertThat(value(spike, "history_median")).isCloseTo(100, within(1e-9));
    assertThat(value(spike, "history_mad")).isCloseTo(1.5, within(1e-9));
    assertThat(value(spike, "history_noise")).isCloseTo(10, within(1e-9));
    assertThat(value(spike, "history_spread")).isCloseTo(20, within(1e-9));
    assertThat(value(spike, "z_score")).isCloseTo(900 / 20.0, within(1e-9));
    assertThat(spike.getBoolean(spike.fieldIndex("is_new_anomaly"))).isTrue();
  }

  @Test
  void withoutANoiseFloorTheSpreadIsTheScaledMedianAbsoluteDeviation() {
    double[] revenue = cycle(20);
    revenue[8] = 1000;
    Row spike = anomalies(revenue, filled(20, SQUARES), 0.0).get(0);
    assertThat(value(spike, "history_spread")).isCloseTo(MAD, within(1e-9));
    assertThat(value(spike, "z_score")).isCloseTo(900 / MAD, within(1e-6));
  }

  @Test
  void aQuietHistoryCannotMakeASmallDeviationHuge() {
    // a constant history has no deviation at all; the noise floor 2 x sqrt(100) = 20 is the spread
    double[] revenue = filled(10, 100);
    revenue[5] = 150;
    revenue[9] = 170;
    List<Row> judged = judged(revenue, filled(10, SQUARES), 2.0);
    assertThat(value(judged.get(5), "z_score")).isCloseTo(50 / 20.0, within(1e-9));
    assertThat(judged.get(5).getBoolean(judged.get(5).fieldIndex("is_anomaly"))).isFalse();
    // windows 5..8 are 150, 100, 100, 100: median 100, MAD 0
    assertThat(value(judged.get(9), "z_score")).isCloseTo(70 / 20.0, within(1e-9));
    assertThat(judged.get(9).getBoolean(judged.get(9).fieldIndex("is_anomaly"))).isTrue();
    // without the floor a constant history gives no spread, and nothing is judged
    assertThat(judged(revenue, filled(10, SQUARES), 0.0).get(5).isNullAt(judged.get(5).fieldIndex("z_score"))).isTrue();
  }

  @Test
  void aSpikeOverTwoWindowsIsOneNewAnomaly() {
    // windows 8 and 9 sell 1000 each, from 100 sales of 10: squares 100 x 10^2 = 10,000
    double[] revenue = cycle(16);
    revenue[8] = 1000;
    revenue[9] = 1000;
    double[] squares = filled(16, SQUARES);
    squares[8] = 10_000;
    squares[9] = 10_000;
    List<Row> found = anomalies(revenue, squares, 2.0);
    assertThat(found).extracting(r -> r.getTimestamp(0).toInstant()).containsExactly(window(8), window(9));
    assertThat(found.get(0).getBoolean(found.get(0).fieldIndex("is_new_anomaly"))).isTrue();
    Row second = found.get(1);
    assertThat(second.getBoolean(second.fieldIndex("is_new_anomaly"))).isFalse();
    // windows 5..8 are 102, 99, 101, 1000: median 101.5, deviations 0.5, 0.5, 2.5, 898.5, MAD 1.5;
    // noise sqrt((100 + 100 + 100 + 10,000) / 4) = sqrt(2575), so the spread is 2 sqrt(2575)
    assertThat(value(second, "history_median")).isCloseTo(101.5, within(1e-9));
    assertThat(value(second, "history_mad")).isCloseTo(1.5, within(1e-9));
    assertThat(value(second, "z_score")).isCloseTo(898.5 / (2 * Math.sqrt(2575)), within(1e-9));
  }

  @Test
  void aSteadySeriesAndAConstantOneHaveNone() {
    assertThat(anomalies(cycle(20), filled(20, SQUARES), 2.0)).isEmpty();
    assertThat(anomalies(cycle(20), filled(20, SQUARES), 0.0)).isEmpty();
    assertThat(anomalies(filled(20, 100), filled(20, SQUARES), 2.0)).isEmpty();
  }

  @Test
  void aMissingWindowIsZeroRevenueAndWindowsWithoutFullHistoryAreNotJudged() {
    double[] revenue = cycle(12);
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < revenue.length; k++) {
      if (k != 9) {
        rows.add(RowFactory.create(Timestamp.from(window(k)), revenue[k], SQUARES));
      }
    }
    List<Row> judged = RevenueAnomalies.apply(lakehouse.spark().createDataFrame(rows, TOTALS), START, window(11), 4, 3.0, 2.0)
        .orderBy("window_start").collectAsList();
    assertThat(judged).hasSize(12);
    assertThat(judged.subList(0, 4)).allSatisfy(r -> assertThat(r.isNullAt(r.fieldIndex("z_score"))).isTrue());
    // window 9 sold nothing: 0 against median 100 and spread max(MAD, 2 x 10) = 20 is a drop of 5 spreads
    Row gap = judged.get(9);
    assertThat(value(gap, "revenue")).isZero();
    assertThat(value(gap, "z_score")).isCloseTo(-5, within(1e-9));
    assertThat(gap.getBoolean(gap.fieldIndex("is_new_anomaly"))).isTrue();
    // window 10 (99) has windows 6..9 behind it: 99, 101, 98, 0, median 98.5; squares 100, 100, 100, 0, noise sqrt(75)
    Row after = judged.get(10);
    assertThat(value(after, "history_median")).isCloseTo(98.5, within(1e-9));
    assertThat(value(after, "z_score")).isCloseTo(0.5 / (2 * Math.sqrt(75)), within(1e-9));
  }
}
