package dev.lakehouse.commerce.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.testing.TestLakehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The z-score transform on inline window totals; expectations computed here by hand. */
class RevenueAnomaliesTest {
  private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");
  private static final StructType TOTALS = new StructType()
      .add("window_start", DataTypes.TimestampType)
      .add("revenue", DataTypes.DoubleType);
  /** Any 4 consecutive windows of this cycle have mean 100 and sample stddev sqrt(10/3). */
  static final double[] CYCLE = {98, 102, 99, 101};
  private static Lakehouse lakehouse;

  @BeforeAll
  static void session() {
    lakehouse = TestLakehouse.fresh();
  }

  static Instant window(int k) {
    return START.plusSeconds(300L * k);
  }

  private static Dataset<Row> totals(double[] revenue) {
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < revenue.length; k++) {
      rows.add(RowFactory.create(Timestamp.from(window(k)), revenue[k]));
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

  private static List<Row> anomalies(double[] revenue) {
    return RevenueAnomalies.apply(totals(revenue), START, window(revenue.length - 1), 4, 3.0)
        .where("is_anomaly").collectAsList();
  }

  @Test
  void oneSpikeIsTheOnlyAnomalyWithItsZScore() {
    double[] revenue = cycle(20);
    revenue[8] = 1000;
    List<Row> found = anomalies(revenue);
    assertThat(found).hasSize(1);
    Row spike = found.get(0);
    assertThat(spike.getTimestamp(0).toInstant()).isEqualTo(window(8));
    // windows 4..7 are 98, 102, 99, 101: mean 100, sample variance (4 + 4 + 1 + 1) / 3
    double stddev = Math.sqrt(10.0 / 3);
    assertThat(spike.getDouble(spike.fieldIndex("history_mean"))).isCloseTo(100, within(1e-9));
    assertThat(spike.getDouble(spike.fieldIndex("history_stddev"))).isCloseTo(stddev, within(1e-9));
    assertThat(spike.getDouble(spike.fieldIndex("z_score"))).isCloseTo(900 / stddev, within(1e-6));
  }

  @Test
  void aSteadySeriesAndAConstantOneHaveNone() {
    assertThat(anomalies(cycle(20))).isEmpty();
    double[] constant = new double[20];
    java.util.Arrays.fill(constant, 100);
    assertThat(anomalies(constant)).isEmpty();
  }

  @Test
  void aMissingWindowIsZeroRevenueAndWindowsWithoutFullHistoryAreNotJudged() {
    double[] revenue = cycle(12);
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < revenue.length; k++) {
      if (k != 9) {
        rows.add(RowFactory.create(Timestamp.from(window(k)), revenue[k]));
      }
    }
    List<Row> judged = RevenueAnomalies.apply(lakehouse.spark().createDataFrame(rows, TOTALS), START, window(11), 4, 3.0)
        .orderBy("window_start").collectAsList();
    assertThat(judged).hasSize(12);
    assertThat(judged.subList(0, 4)).allSatisfy(r -> assertThat(r.isNullAt(r.fieldIndex("z_score"))).isTrue());
    // window 9 sold nothing: 0 against mean 100 is a drop of 100 / sqrt(10/3) standard deviations
    Row gap = judged.get(9);
    assertThat(gap.getDouble(gap.fieldIndex("revenue"))).isZero();
    assertThat(gap.getDouble(gap.fieldIndex("z_score"))).isCloseTo(-100 / Math.sqrt(10.0 / 3), within(1e-6));
    assertThat(gap.getBoolean(gap.fieldIndex("is_anomaly"))).isTrue();
  }
}
