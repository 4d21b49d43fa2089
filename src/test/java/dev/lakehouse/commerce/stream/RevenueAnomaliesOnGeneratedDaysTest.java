package dev.lakehouse.commerce.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.generate.Anomaly;
import dev.lakehouse.generate.DataGenerator;
import dev.lakehouse.generate.GeneratedRecord;
import dev.lakehouse.generate.GeneratorSettings;
import dev.lakehouse.generate.Topics;
import dev.lakehouse.testing.TestLakehouse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detector with the default settings over whole generated days at demo volume (300,000 records,
 * about 40 orders a window, fewer at night): the only new anomaly of a day is the window where the
 * generator planted the revenue spike. Window totals are worked out from the generated order lines
 * as gold.commerce_sales_5m would hold them (revenue per window and product), without a stream.
 */
class RevenueAnomaliesOnGeneratedDaysTest {
  private static final StructType TOTALS = new StructType()
      .add("window_start", DataTypes.TimestampType)
      .add("revenue", DataTypes.DoubleType)
      .add("revenue_squares", DataTypes.DoubleType);
  private static final Pattern FIELD = Pattern.compile("\"(quantity|unit_price_cents|discount|product_id)\":\"?([^,\"}]*)");
  private static Lakehouse lakehouse;

  @BeforeAll
  static void session() {
    lakehouse = TestLakehouse.fresh();
  }

  /** Revenue per window and product of the day's order lines, in currency units, by window start (ms). */
  private static Map<Long, Map<String, Double>> salesByWindow(GeneratorSettings settings, long records) {
    Map<Long, Map<String, Double>> sales = new TreeMap<>();
    DataGenerator generator = new DataGenerator(settings, records);
    while (generator.hasNext()) {
      GeneratedRecord record = generator.next();
      if (record.topic().equals(Topics.COMMERCE_ORDERS)) {
        Map<String, String> line = new TreeMap<>();
        Matcher m = FIELD.matcher(new String(record.value(), StandardCharsets.UTF_8));
        while (m.find()) {
          line.put(m.group(1), m.group(2));
        }
        BigDecimal cents = new BigDecimal(line.get("quantity")).multiply(new BigDecimal(line.get("unit_price_cents")))
            .multiply(BigDecimal.ONE.subtract(new BigDecimal(line.get("discount")))).setScale(0, RoundingMode.HALF_UP);
        sales.computeIfAbsent(Math.floorDiv(record.timestampMs(), StreamingGold.WINDOW_MS) * StreamingGold.WINDOW_MS,
            w -> new TreeMap<>()).merge(line.get("product_id"), cents.doubleValue() / 100, Double::sum);
      }
    }
    return sales;
  }

  private static Dataset<Row> totals(Map<Long, Map<String, Double>> sales) {
    List<Row> rows = new ArrayList<>();
    sales.forEach((window, byProduct) -> rows.add(RowFactory.create(new Timestamp(window),
        byProduct.values().stream().mapToDouble(Double::doubleValue).sum(),
        byProduct.values().stream().mapToDouble(v -> v * v).sum())));
    return lakehouse.spark().createDataFrame(rows, TOTALS);
  }

  @Test
  void onlyThePlantedSpikeIsANewAnomalyOnGeneratedDays() {
    LakehouseConfig.CommerceStream defaults = LakehouseConfig.load(Map.of(), List.of()).commerceStream();
    for (int d = 0; d < 4; d++) {
      GeneratorSettings settings = new GeneratorSettings(42, LocalDate.of(2026, 11, 21).plusDays(d), 0.0,
          Set.of(Anomaly.REVENUE_SPIKE));
      Instant dayStart = settings.day().atStartOfDay().toInstant(ZoneOffset.UTC);
      List<Row> judged = RevenueAnomalies.apply(totals(salesByWindow(settings, 300_000)), dayStart,
              dayStart.plusSeconds(86_400 - 300), defaults.anomalyWindows(), defaults.anomalyZ(), defaults.anomalyNoiseFloor())
          .orderBy("window_start").collectAsList();
      List<Instant> alerted = judged.stream().filter(r -> r.getBoolean(r.fieldIndex("is_new_anomaly")))
          .map(r -> r.getTimestamp(0).toInstant()).toList();
      double largestNormal = judged.stream()
          .filter(r -> !r.isNullAt(r.fieldIndex("z_score")))
          .filter(r -> r.getTimestamp(0).toInstant().isBefore(settings.revenueSpikeFrom())
              || !r.getTimestamp(0).toInstant().isBefore(settings.revenueSpikeUntil()))
          .mapToDouble(r -> Math.abs(r.getDouble(r.fieldIndex("z_score")))).max().orElseThrow();
      System.out.printf("%s: new anomalies %s, largest |z| outside the spike %.2f%n", settings.day(), alerted, largestNormal);
      assertThat(alerted).as(settings.day().toString()).containsExactly(settings.revenueSpikeFrom());
    }
  }
}
