package dev.lakehouse.logs.detect;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end on the real broker: a generated day of access and application logs with a scanning
 * IP and an error burst goes generate -> Kafka -> bronze -> silver -> detectors.
 */
class LogDetectorsTest {
  private static final String SCANNER = "198.51.100.23";
  private static final List<String> SOURCES = List.of(Topics.LOGS_ACCESS, Topics.LOGS_APP);
  private static Lakehouse lakehouse;

  @BeforeAll
  static void pipeline() throws Exception {
    lakehouse = TestLakehouse.freshWithKafka("ingest.topics=" + String.join(",", SOURCES), "logs.service-min-events=10");
    String bootstrap = lakehouse.config().kafka().bootstrapServers();
    KafkaAdmin.ensureTopics(bootstrap, SOURCES.stream().map(lakehouse.config().kafka()::topic).toList(), 2);
    DataGenerator generator = new DataGenerator(
        new GeneratorSettings(5, LocalDate.of(2026, 11, 21), 0.0, Set.of(Anomaly.SCANNING_IP)), 6_000);
    try (RecordPublisher publisher = new RecordPublisher(bootstrap, lakehouse.config().kafka().topicPrefix())) {
      while (generator.hasNext()) {
        GeneratedRecord record = generator.next();
        if (SOURCES.contains(record.topic())) {
          publisher.send(record);
        }
      }
      // an outage of checkout in the minute from 16:00: 20 events, 12 errors, slow
      for (int i = 0; i < 20; i++) {
        publisher.send(new GeneratedRecord(Topics.LOGS_APP, null, String.format(
            "{\"ts\":\"2026-11-21T16:00:%02dZ\",\"service\":\"checkout\",\"level\":\"%s\",\"message\":\"payment call\","
                + "\"latency_ms\":%d}", i * 2, i < 12 ? "ERROR" : "INFO", 2000 + i * 100).getBytes(StandardCharsets.UTF_8),
            0L));
      }
      publisher.flush();
    }
    List<StreamingQuery> ingest = new ArrayList<>();
    for (String source : SOURCES) {
      ingest.add(new BronzeIngest(lakehouse.config(), lakehouse.catalog()).start(lakehouse.spark(), source, Trigger.AvailableNow()));
    }
    StreamingQueries.awaitAll(ingest, System.out, Duration.ofMinutes(5));
    RefineJob refine = new RefineJob(lakehouse.config(), lakehouse.catalog());
    StreamingQueries.awaitAll(List.of(
        refine.start(lakehouse.spark(), "silver.logs_web_requests", Trigger.AvailableNow()),
        refine.start(lakehouse.spark(), "silver.logs_app_events", Trigger.AvailableNow())), System.out, Duration.ofMinutes(5));
    detect();
  }

  private static void detect() throws Exception {
    StreamingQueries.awaitAll(new LogDetectors(lakehouse.config(), lakehouse.catalog())
        .start(lakehouse.spark(), Trigger.AvailableNow()), System.out, Duration.ofMinutes(5));
  }

  private static List<String> strings(String sql) {
    return lakehouse.spark().sql(sql).collectAsList().stream().map(Row::toString).toList();
  }

  @Test
  void theScanningIpIsTheOnlySuspiciousAddressAndGetsAFindingAnAlertAndABlacklistEntry() {
    assertThat(strings("SELECT DISTINCT ip FROM gold.logs_ip_activity WHERE suspicious")).containsExactly("[" + SCANNER + "]");
    assertThat(strings("SELECT kind, ip, detector FROM gold.logs_security_findings"))
        .containsExactly("[request_rate," + SCANNER + ",stream]");
    assertThat(strings("SELECT rule, subject FROM ops.alerts WHERE domain = 'logs' AND rule = 'logs.ip_suspicious'"))
        .containsExactly("[logs.ip_suspicious," + SCANNER + "]");
    assertThat(strings("SELECT entry, source, expires_at > current_timestamp() FROM gold.logs_ip_blacklist"))
        .containsExactly("[" + SCANNER + ",logs.ip_suspicious,true]");
  }

  @Test
  void ipWindowsAddUpToSilver() {
    assertThat(strings("SELECT sum(requests), sum(status_4xx) FROM gold.logs_ip_activity")).isEqualTo(strings(
        "SELECT count(*), count_if(status BETWEEN 400 AND 499) FROM silver.logs_web_requests"));
    // the scanner's windows hold exactly its requests, and each is over the 4xx threshold
    assertThat(strings("SELECT sum(requests) FROM gold.logs_ip_activity WHERE ip = '" + SCANNER + "'"))
        .isEqualTo(strings("SELECT count(*) FROM silver.logs_web_requests WHERE ip = '" + SCANNER + "'"));
  }

  @Test
  void theCheckoutOutageRaisesOneErrorRateAndOneLatencyAlert() {
    assertThat(strings("SELECT rule, subject, window_start, value > 1500 FROM ops.alerts WHERE rule LIKE 'logs.service%' ORDER BY rule"))
        .containsExactly(
            "[logs.service_error_rate,checkout,2026-11-21 16:00:00.0,false]",
            "[logs.service_latency,checkout,2026-11-21 16:00:00.0,true]");
    // 12 errors in the 20 injected events, plus whatever the generated day logged for checkout in that minute
    assertThat(strings("SELECT errors >= 12, events >= 20 FROM gold.logs_service_health "
        + "WHERE service = 'checkout' AND window_start = '2026-11-21 16:00:00'")).containsExactly("[true,true]");
    assertThat(strings("SELECT sum(events) FROM gold.logs_service_health"))
        .isEqualTo(strings("SELECT count(*) FROM silver.logs_app_events"));
  }

  @Test
  void runningTheDetectorsAgainChangesNothing() throws Exception {
    List<String> before = strings("SELECT alert_id FROM ops.alerts ORDER BY 1");
    long hits = lakehouse.spark().sql("SELECT hits FROM gold.logs_ip_blacklist").head().getLong(0);
    detect();
    assertThat(strings("SELECT alert_id FROM ops.alerts ORDER BY 1")).isEqualTo(before);
    assertThat(lakehouse.spark().sql("SELECT hits FROM gold.logs_ip_blacklist").head().getLong(0)).isEqualTo(hits);
  }
}
