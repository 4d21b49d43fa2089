package dev.lakehouse.finance.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.generate.Anomaly;
import dev.lakehouse.generate.DataGenerator;
import dev.lakehouse.generate.GeneratedRecord;
import dev.lakehouse.generate.GeneratorSettings;
import dev.lakehouse.generate.Topics;
import dev.lakehouse.ingest.BronzeIngest;
import dev.lakehouse.kafka.KafkaAdmin;
import dev.lakehouse.kafka.RecordPublisher;
import dev.lakehouse.refine.RefineJob;
import dev.lakehouse.spark.StreamingQueries;
import dev.lakehouse.testing.TestLakehouse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end on the real broker: a generated day of payments with a card-testing burst goes
 * generate -> Kafka -> bronze -> silver -> streaming scoring.
 */
class FraudScoringTest {
  private static Lakehouse lakehouse;

  @BeforeAll
  static void pipeline() throws Exception {
    lakehouse = TestLakehouse.freshWithKafka("ingest.topics=" + Topics.FINANCE_PAYMENTS);
    String bootstrap = lakehouse.config().kafka().bootstrapServers();
    KafkaAdmin.ensureTopics(bootstrap, List.of(lakehouse.config().kafka().topic(Topics.FINANCE_PAYMENTS)), 2);
    DataGenerator generator = new DataGenerator(
        new GeneratorSettings(9, LocalDate.of(2026, 11, 21), 0.0, Set.of(Anomaly.CARD_TESTING)), 8_000);
    try (RecordPublisher publisher = new RecordPublisher(bootstrap, lakehouse.config().kafka().topicPrefix())) {
      while (generator.hasNext()) {
        GeneratedRecord record = generator.next();
        if (record.topic().equals(Topics.FINANCE_PAYMENTS)) {
          publisher.send(record);
        }
      }
      publisher.flush();
    }
    StreamingQueries.awaitAll(List.of(new BronzeIngest(lakehouse.config(), lakehouse.catalog())
        .start(lakehouse.spark(), Topics.FINANCE_PAYMENTS, Trigger.AvailableNow())), System.out, Duration.ofMinutes(5));
    StreamingQueries.awaitAll(List.of(new RefineJob(lakehouse.config(), lakehouse.catalog())
        .start(lakehouse.spark(), "silver.finance_payments", Trigger.AvailableNow())), System.out, Duration.ofMinutes(5));
    score();
  }

  private static void score() throws Exception {
    StreamingQueries.awaitAll(List.of(new FraudScoring(lakehouse.config(), lakehouse.catalog())
        .start(lakehouse.spark(), Trigger.AvailableNow())), System.out, Duration.ofMinutes(5));
  }

  private static List<String> strings(String sql) {
    return lakehouse.spark().sql(sql).collectAsList().stream().map(Row::toString).toList();
  }

  @Test
  void everyPaymentIsScoredOnce() {
    assertThat(strings("SELECT count(*), count(DISTINCT payment_id) FROM gold.finance_payment_scores"))
        .isEqualTo(strings("SELECT count(*), count(*) FROM silver.finance_payments"));
  }

  @Test
  void theCardTestingBurstScoresWithBurstReasonsAndRaisesOneAlert() {
    List<String> testedCards = strings("SELECT DISTINCT card_id FROM silver.finance_payments WHERE fraud_pattern = 'card_testing'");
    assertThat(testedCards).hasSize(1);
    String card = testedCards.get(0).substring(1, testedCards.get(0).length() - 1);
    // from the 5th small payment on, the burst and the velocity rules fire together
    assertThat(strings("SELECT count(*) FROM gold.finance_payment_scores s JOIN silver.finance_payments p USING (payment_id) "
        + "WHERE p.fraud_pattern = 'card_testing' AND array_contains(s.reason_codes, 'SMALL_AMOUNT_BURST') AND s.is_alert"))
        .allSatisfy(n -> assertThat(Long.parseLong(n.substring(1, n.length() - 1))).isGreaterThanOrEqualTo(5));
    assertThat(strings("SELECT subject FROM ops.alerts WHERE rule = 'finance.fraud_suspected' AND subject = '" + card + "'"))
        .hasSize(1);
    assertThat(strings("SELECT DISTINCT card_id FROM gold.finance_fraud_alerts WHERE array_contains(reason_codes, 'SMALL_AMOUNT_BURST')"))
        .containsExactly("[" + card + "]");
  }

  @Test
  void scoringAgainChangesNothing() throws Exception {
    List<String> before = strings("SELECT count(*) FROM gold.finance_payment_scores");
    List<String> alerts = strings("SELECT alert_id FROM ops.alerts ORDER BY 1");
    score();
    assertThat(strings("SELECT count(*) FROM gold.finance_payment_scores")).isEqualTo(before);
    assertThat(strings("SELECT alert_id FROM ops.alerts ORDER BY 1")).isEqualTo(alerts);
  }
}
