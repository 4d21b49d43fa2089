package dev.lakehouse.refine;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.ingest.BronzeIngest;
import dev.lakehouse.kafka.KafkaAdmin;
import dev.lakehouse.spark.StreamingQueries;
import dev.lakehouse.testing.Produce;
import dev.lakehouse.testing.Produce.Message;
import dev.lakehouse.testing.TestLakehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;

/** Kafka -> bronze -> silver.commerce_events on the real broker, with a malformed-record mix. */
class RefineJobTest {
  private static final String SOURCE = "commerce.events";

  private static String event(int i) {
    return String.format("{\"event_id\":\"e-%d\",\"event_type\":\"view\",\"user_id\":\"u-%d\",\"session_id\":\"s-%d\","
        + "\"product_id\":\"p-%d\",\"category\":\"books\",\"page\":\"/product/p-%d\",\"user_agent\":\"Mozilla/5.0\","
        + "\"event_at\":\"2026-11-21T10:%02d:00Z\"}", i, i % 7, i % 5, i % 11, i % 11, i % 60);
  }

  private static void run(Lakehouse lakehouse) throws Exception {
    StreamingQueries.awaitAll(List.of(new BronzeIngest(lakehouse.config(), lakehouse.catalog())
        .start(lakehouse.spark(), SOURCE, Trigger.AvailableNow())), System.out, Duration.ofMinutes(5));
    StreamingQueries.awaitAll(List.of(new RefineJob(lakehouse.config(), lakehouse.catalog())
        .start(lakehouse.spark(), "silver.commerce_events", Trigger.AvailableNow())), System.out, Duration.ofMinutes(5));
  }

  private static Map<Long, String> quarantinedRules(Lakehouse lakehouse) {
    Map<Long, String> rules = new HashMap<>();
    for (Row row : lakehouse.spark().table("ops.quarantine").select("_kafka_offset", "rule_id").collectAsList()) {
      rules.put(row.getLong(0), row.getString(1));
    }
    return rules;
  }

  @Test
  void malformedRecordsGoToQuarantineAndEveryGoodRecordReachesSilverOnce() throws Exception {
    Lakehouse lakehouse = TestLakehouse.freshWithKafka();
    String bootstrap = lakehouse.config().kafka().bootstrapServers();
    String topic = lakehouse.config().kafka().topic(SOURCE);
    KafkaAdmin.ensureTopics(bootstrap, List.of(topic), 1);
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      messages.add(Message.of("u-" + i, event(i)));                                            // offsets 0..19
    }
    messages.add(Message.of("u-0", event(0)));                                                  // 20: duplicate
    messages.add(Message.of("u-1", event(1)));                                                  // 21: duplicate
    messages.add(Message.of("u-x", event(30).substring(0, 45)));                                // 22: truncated
    messages.add(Message.of("u-x", event(31).replace("\"2026-11-21T10:31:00Z\"", "12345")));    // 23: wrong type
    messages.add(Message.of("u-x", event(32).replace("\"event_id\":\"e-32\",", "")));           // 24: missing key
    byte[] invalidUtf8 = event(33).replace("books", "b\u00e9oks").getBytes(StandardCharsets.UTF_8);
    invalidUtf8[event(33).indexOf("books") + 2] = 0x28;
    messages.add(new Message("u-x".getBytes(StandardCharsets.UTF_8), invalidUtf8));            // 25: invalid UTF-8
    messages.add(new Message("u-x".getBytes(StandardCharsets.UTF_8), new byte[0]));            // 26: empty
    String big = event(34).replace("\"books\"", "\"books\",\"padding\":\"" + "x".repeat(999_000) + "\"");
    messages.add(Message.of("u-x", big));                                                       // 27: near the 1 MB limit
    messages.add(Message.of("u-x", "[\"not\", \"an\", \"object\"]"));                           // 28: not an object
    Produce.send(bootstrap, topic, messages);

    run(lakehouse);

    assertThat(lakehouse.spark().table("bronze.commerce_events").count()).isEqualTo(29);
    Map<Long, String> expected = Map.of(
        22L, "parse.json", 23L, "parse.type.event_at", 24L, "required.event_id", 25L, "decode.utf8",
        26L, "decode.empty", 27L, "decode.too_large", 28L, "parse.json");
    assertThat(quarantinedRules(lakehouse)).isEqualTo(expected);
    Row tooLarge = lakehouse.spark().table("ops.quarantine").filter(col("_kafka_offset").equalTo(27)).head();
    assertThat(tooLarge.<String>getAs("reason")).isEqualTo(
        "value of " + big.length() + " bytes exceeds refine.max-record-bytes (262144)");
    assertThat(tooLarge.<String>getAs("source_table")).isEqualTo("bronze.commerce_events");
    assertThat(tooLarge.<String>getAs("_kafka_topic")).isEqualTo(topic);
    Row utf8 = lakehouse.spark().table("ops.quarantine").filter(col("_kafka_offset").equalTo(25)).head();
    assertThat((byte[]) utf8.getAs("raw_value")).isEqualTo(invalidUtf8);

    List<Row> silver = lakehouse.spark().table("silver.commerce_events").orderBy("_kafka_offset").collectAsList();
    assertThat(silver).extracting(r -> r.<String>getAs("event_id"))
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "e-" + i).toList());
    assertThat(silver.get(0).<java.sql.Date>getAs("event_date")).hasToString("2026-11-21");
    Row lineage = lakehouse.spark().table("ops.pipeline_events")
        .filter(col("query_name").equalTo("refine.silver.commerce_events")).head();
    assertThat(lineage.<Long>getAs("input_rows")).isEqualTo(29);
    assertThat(lineage.<Long>getAs("output_rows")).isEqualTo(20);
    assertThat(lineage.<Long>getAs("quarantined_rows")).isEqualTo(7);
  }

  @Test
  void rerunningRefineFromScratchChangesNothing() throws Exception {
    Lakehouse lakehouse = TestLakehouse.freshWithKafka();
    String bootstrap = lakehouse.config().kafka().bootstrapServers();
    String topic = lakehouse.config().kafka().topic(SOURCE);
    KafkaAdmin.ensureTopics(bootstrap, List.of(topic), 2);
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      messages.add(Message.of("u-" + i, event(i)));
    }
    messages.add(Message.of("u-x", "{\"event_id\":"));
    Produce.send(bootstrap, topic, messages);
    run(lakehouse);
    List<Row> silverBefore = lakehouse.spark().table("silver.commerce_events").drop("_refined_at").orderBy("event_id").collectAsList();

    deleteRecursively(Path.of(new RefineJob(lakehouse.config(), lakehouse.catalog()).checkpoint("silver.commerce_events")));
    run(lakehouse);

    assertThat(lakehouse.spark().table("silver.commerce_events").drop("_refined_at").orderBy("event_id").collectAsList())
        .isEqualTo(silverBefore)
        .hasSize(50);
    assertThat(lakehouse.spark().table("ops.quarantine").count()).isEqualTo(1);
  }

  private static void deleteRecursively(Path dir) throws Exception {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
