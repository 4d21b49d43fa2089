package dev.lakehouse.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.kafka.KafkaAdmin;
import dev.lakehouse.spark.StreamingQueries;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.Poll;
import dev.lakehouse.testing.Produce;
import dev.lakehouse.testing.Produce.Message;
import dev.lakehouse.testing.TestLakehouse;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;

class BronzeIngestTest {
  private static final String SOURCE = "commerce.events";

  private static List<Message> messages(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i -> Message.of("u-" + (i % 97), "{\"event_id\":\"e-" + i + "\",\"n\":" + i + "}"))
        .toList();
  }

  private static void ingestAvailableNow(Lakehouse lakehouse, String source) throws Exception {
    StreamingQuery query = new BronzeIngest(lakehouse.config(), lakehouse.catalog())
        .start(lakehouse.spark(), source, Trigger.AvailableNow());
    StreamingQueries.awaitAll(List.of(query), System.out, Duration.ofMinutes(5));
  }

  private static Dataset<Row> bronze(Lakehouse lakehouse, String source) {
    return lakehouse.spark().read().format("delta").load(lakehouse.catalog().location(BronzeRecords.tableOf(source)));
  }

  private static long commits(Lakehouse lakehouse, String table) {
    File[] files = Path.of(lakehouse.catalog().location(table), "_delta_log").toFile()
        .listFiles((dir, name) -> name.endsWith(".json"));
    return files == null ? 0 : files.length;
  }

  @Test
  void keepsEveryRecordExactlyAsReceivedWithItsSource() throws Exception {
    Lakehouse lakehouse = TestLakehouse.freshWithKafka();
    String topic = lakehouse.config().kafka().topic(SOURCE);
    KafkaAdmin.ensureTopics(lakehouse.config().kafka().bootstrapServers(), List.of(topic), 1);
    byte[] notUtf8 = {'{', (byte) 0xC3, (byte) 0x28, '}'};
    Produce.send(lakehouse.config().kafka().bootstrapServers(), topic, List.of(
        Message.of("k1", "{\"a\":1}"), new Message(null, notUtf8), new Message(null, new byte[0])));

    ingestAvailableNow(lakehouse, SOURCE);

    List<Row> rows = bronze(lakehouse, SOURCE).orderBy("_kafka_offset").collectAsList();
    assertThat(rows).hasSize(3);
    assertThat((byte[]) rows.get(0).getAs("value")).isEqualTo("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    assertThat((byte[]) rows.get(0).getAs("key")).isEqualTo("k1".getBytes(StandardCharsets.UTF_8));
    assertThat((byte[]) rows.get(1).getAs("value")).isEqualTo(notUtf8);
    assertThat((Object) rows.get(1).getAs("key")).isNull();
    assertThat((byte[]) rows.get(2).getAs("value")).isEmpty();
    assertThat(rows).extracting(r -> r.<String>getAs("_kafka_topic")).containsOnly(topic);
    assertThat(rows).extracting(r -> r.<Long>getAs("_kafka_offset")).containsExactly(0L, 1L, 2L);
    Row lineage = lakehouse.spark().table("ops.pipeline_events")
        .filter(col("query_name").equalTo("ingest." + SOURCE)).head();
    assertThat(lineage.<Long>getAs("input_rows")).isEqualTo(3L);
    assertThat(lineage.<String>getAs("source_offsets")).isEqualTo("{\"" + topic + "\":{\"0\":[0,2]}}");
    assertThat(lineage.<Long>getAs("target_version")).isEqualTo(commits(lakehouse, "bronze.commerce_events") - 1);
  }

  @Test
  void killedIngestProcessRestartsWithoutDuplicatesOrGaps() throws Exception {
    LakehouseConfig config = TestLakehouse.config(TestLakehouse.kafka(), "ingest.max-offsets-per-trigger=300");
    Lakehouse lakehouse = TestLakehouse.open(config);
    String bootstrap = config.kafka().bootstrapServers();
    String topic = config.kafka().topic(SOURCE);
    KafkaAdmin.ensureTopics(bootstrap, List.of(topic), 2);
    Produce.send(bootstrap, topic, messages(0, 3_000));
    long initialCommits = commits(lakehouse, "bronze.commerce_events");

    Path log = Files.createTempFile(Path.of("target"), "ingest-child", ".log");
    Process child = ChildJvm.start(config, log, "ingest", "--topics", SOURCE);
    try {
      Poll.until("the child ingest to commit 3 batches", Duration.ofMinutes(3),
          () -> commits(lakehouse, "bronze.commerce_events") >= initialCommits + 3 || !child.isAlive());
      assertThat(child.isAlive()).as("child still running; its output: %s", Files.readString(log)).isTrue();
      // more records arrive while it runs
      Produce.send(bootstrap, topic, messages(3_000, 6_000));
      Poll.until("the child ingest to commit 2 more batches", Duration.ofMinutes(2),
          () -> commits(lakehouse, "bronze.commerce_events") >= initialCommits + 5);
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean stop
      child.waitFor();
    }
    assertThat(child.exitValue()).isEqualTo(137);
    long rowsAtKill = bronze(lakehouse, SOURCE).count();
    assertThat(rowsAtKill).isBetween(1L, 5_999L);

    // restart from the same checkpoint, draining the rest in as few batches as possible
    ingestAvailableNow(TestLakehouse.open(TestLakehouse.with(config, "ingest.max-offsets-per-trigger=0")), SOURCE);

    Dataset<Row> bronze = bronze(lakehouse, SOURCE);
    assertThat(bronze.count()).isEqualTo(6_000);
    assertThat(bronze.select("_kafka_topic", "_kafka_partition", "_kafka_offset").distinct().count()).isEqualTo(6_000);
    assertThat(bronze.select("value").distinct().count()).isEqualTo(6_000);
    Dataset<Row> lineage = lakehouse.spark().table("ops.pipeline_events").filter(col("query_name").equalTo("ingest." + SOURCE));
    assertThat(lineage.select("query_id", "batch_id").distinct().count()).isEqualTo(lineage.count());
    assertThat(lineage.agg(org.apache.spark.sql.functions.sum("input_rows")).head().getLong(0)).isEqualTo(6_000);
  }

  @Test
  void lostOffsetsStopIngestUnlessToldToSkipThemAndThenTheGapIsRecorded() throws Exception {
    Lakehouse lakehouse = TestLakehouse.freshWithKafka();
    String bootstrap = lakehouse.config().kafka().bootstrapServers();
    String topic = lakehouse.config().kafka().topic("commerce.orders");
    KafkaAdmin.ensureTopics(bootstrap, List.of(topic), 1);
    Produce.send(bootstrap, topic, messages(0, 10));
    ingestAvailableNow(lakehouse, "commerce.orders");
    Produce.send(bootstrap, topic, messages(10, 20));
    // retention removes offsets 10..14 before ingest read them
    KafkaAdmin.deleteRecordsBefore(bootstrap, Map.of(new TopicPartition(topic, 0), 15L));

    assertThatThrownBy(() -> ingestAvailableNow(lakehouse, "commerce.orders"))
        .hasMessageContaining("Cannot continue ingest.commerce.orders")
        .hasMessageContaining("deleted by retention")
        .hasMessageContaining("kafka.fail-on-data-loss=false");
    assertThat(bronze(lakehouse, "commerce.orders").count()).isEqualTo(10);

    Lakehouse skipping = TestLakehouse.open(TestLakehouse.with(lakehouse.config(), "kafka.fail-on-data-loss=false"));
    ingestAvailableNow(skipping, "commerce.orders");

    assertThat(bronze(skipping, "commerce.orders").count()).isEqualTo(15);
    List<String> details = skipping.spark().table("ops.pipeline_events")
        .filter(col("query_name").equalTo("ingest.commerce.orders").and(col("details").isNotNull()))
        .select("details").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(details).containsExactly(
        "{\"offset_gaps\":[{\"topic\":\"" + topic + "\",\"partition\":0,\"from\":10,\"to\":14}]}");
  }
}
