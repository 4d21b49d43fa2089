package dev.lakehouse.commerce.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.generate.Anomaly;
import dev.lakehouse.generate.DataGenerator;
import dev.lakehouse.generate.GeneratedRecord;
import dev.lakehouse.generate.GeneratorSettings;
import dev.lakehouse.generate.Topics;
import dev.lakehouse.kafka.KafkaAdmin;
import dev.lakehouse.kafka.RecordPublisher;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.InProcessCli;
import dev.lakehouse.testing.ReferenceLoads;
import dev.lakehouse.testing.TestLakehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * End to end on the real broker: generated order lines of a day with the revenue spike, from 12:00 to
 * 15:30 UTC at demo volume (300,000 records a day, about 40 orders a window), go Kafka -> ingest ->
 * refine -> `commerce stream` in two waves. The first wave ends 16 minutes after the spike starts, so
 * its watermark closes the spike's first window but not its second; the second wave closes the rest.
 * Exactly one revenue alert appears, for the window where the generator planted the spike, and gold
 * holds exactly the sales of silver.
 */
class RevenueSpikeEndToEndTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
  private static final long SEED = 11;
  private static final GeneratorSettings SETTINGS = new GeneratorSettings(SEED, DAY, 0.0, Set.of(Anomaly.REVENUE_SPIKE));
  private static final Instant FROM = DAY.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plusSeconds(12 * 3600);
  private static final Instant SPLIT = SETTINGS.revenueSpikeFrom().plusSeconds(16 * 60);
  private static final Instant UNTIL = FROM.plusSeconds(3 * 3600 + 30 * 60);
  private static final String ALERTS = "SELECT rule, window_start FROM ops.alerts WHERE rule = '" + RevenueAnomalyAlerts.RULE + "'";

  private static void run(Lakehouse lakehouse, String... args) {
    ChildJvm.Result result = InProcessCli.execute(lakehouse.config(), args);
    assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.output()).isZero();
  }

  /** The generated order lines with event times in [from, until). */
  private static List<GeneratedRecord> orderLines(Instant from, Instant until) {
    List<GeneratedRecord> lines = new ArrayList<>();
    DataGenerator generator = new DataGenerator(SETTINGS, 300_000);
    while (generator.hasNext()) {
      GeneratedRecord record = generator.next();
      if (record.topic().equals(Topics.COMMERCE_ORDERS) && record.timestampMs() >= from.toEpochMilli()
          && record.timestampMs() < until.toEpochMilli()) {
        lines.add(record);
      }
    }
    return lines;
  }

  private static void publish(Lakehouse lakehouse, List<GeneratedRecord> records) {
    try (RecordPublisher publisher = new RecordPublisher(lakehouse.config().kafka().bootstrapServers(),
        lakehouse.config().kafka().topicPrefix())) {
      records.forEach(publisher::send);
      publisher.flush();
    }
  }

  private static void wave(Lakehouse lakehouse, List<GeneratedRecord> records) {
    publish(lakehouse, records);
    run(lakehouse, "ingest", "--available-now");
    run(lakehouse, "refine", "--available-now", "--table", "silver.commerce_orders");
    run(lakehouse, "commerce", "stream", "--available-now");
  }

  private static List<String> strings(Lakehouse lakehouse, String sql) {
    return lakehouse.spark().sql(sql).collectAsList().stream().map(Row::toString).toList();
  }

  @Test
  void aGeneratedRevenueSpikeRaisesOneAlertForItsWindowAndGoldMatchesSilver() {
    Lakehouse lakehouse = TestLakehouse.freshWithKafka("ingest.topics=" + Topics.COMMERCE_ORDERS);
    KafkaAdmin.ensureTopics(lakehouse.config().kafka().bootstrapServers(),
        List.of(lakehouse.config().kafka().topic(Topics.COMMERCE_ORDERS)), 2);
    List<GeneratedRecord> lines = orderLines(FROM, UNTIL);
    List<GeneratedRecord> first = lines.stream().filter(r -> r.timestampMs() < SPLIT.toEpochMilli()).toList();
    ReferenceLoads.commerce(lakehouse, SEED, DAY);

    wave(lakehouse, first);
    String spike = String.format("[%s,%s]", RevenueAnomalyAlerts.RULE, java.sql.Timestamp.from(SETTINGS.revenueSpikeFrom()));
    assertThat(strings(lakehouse, ALERTS)).containsExactly(spike);

    // the spike's second window and an hour and a quarter of normal traffic after it, in another batch
    wave(lakehouse, lines.subList(first.size(), lines.size()));
    assertThat(strings(lakehouse, "SELECT max(window_start) FROM gold.commerce_sales_5m"))
        .containsExactly("[" + java.sql.Timestamp.from(UNTIL.minusSeconds(300)) + "]");
    // judging every window again, as a replay would, raises nothing new either
    new RevenueAnomalyAlerts(lakehouse.catalog(), lakehouse.config().commerceStream())
        .detect(lakehouse.spark(), FROM, UNTIL.minusSeconds(300), Instant.now());
    assertThat(strings(lakehouse, ALERTS)).containsExactly(spike);

    assertThat(lakehouse.spark().table("silver.commerce_orders").count()).isEqualTo(lines.size());
    assertThat(strings(lakehouse, "SELECT count(*) FROM ops.late_events")).containsExactly("[0]");
    // gold per window equals the same figures recomputed from silver, and so do the totals
    String fromSilver = "SELECT window(ordered_at, '5 minutes').start AS window_start, round(sum(revenue_cents) / 100, 2) AS revenue, "
        + "sum(quantity) AS quantity, count(DISTINCT order_id, product_id) AS orders FROM silver.commerce_orders GROUP BY 1";
    String fromGold = "SELECT window_start, round(sum(revenue), 2) AS revenue, sum(quantity) AS quantity, sum(orders) AS orders "
        + "FROM gold.commerce_sales_5m GROUP BY 1";
    List<String> silverWindows = strings(lakehouse, fromSilver + " ORDER BY 1");
    assertThat(silverWindows).hasSize(42);
    assertThat(strings(lakehouse, fromGold + " ORDER BY 1")).isEqualTo(silverWindows);
    assertThat(strings(lakehouse, "SELECT round(sum(revenue), 2), sum(quantity), sum(orders) FROM (" + fromGold + ")"))
        .isEqualTo(strings(lakehouse, "SELECT round(sum(revenue), 2), sum(quantity), sum(orders) FROM (" + fromSilver + ")"));
  }
}
