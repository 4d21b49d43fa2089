package dev.lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.generate.Topics;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.TestLakehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

  private static ChildJvm.Result execute(String... args) {
    return dev.lakehouse.testing.InProcessCli.execute(args);
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "kafka", "generate", "load", "ingest", "refine", "tables", "sql", "quality", "quarantine", "status",
      "alerts", "commerce", "report", "maintain", "models", "recommend", "config"})
  void everyCommandHasHelp(String command) {
    ChildJvm.Result result = execute(command, "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.output()).contains("Usage: lakehouse " + command);
  }

  @Test
  void unknownOptionIsAUsageError() {
    ChildJvm.Result result = execute("ingest", "--availble-now");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output()).contains("Unknown option: '--availble-now'");
  }

  @Test
  void invalidConfigFailsAtOnceWithOneLine() {
    ChildJvm.Result result = execute("generate", "--conf", "kafka.partitions=zero");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).startsWith(
        "lakehouse generate: Invalid value 'zero' for kafka.partitions (from --conf kafka.partitions): must be an integer >= 1");
  }

  @Test
  void aBadSparkMasterFailsAtOnceWithOneLine() {
    ChildJvm.Result result = execute("sql", "-e", "select 1", "--conf", "spark.master=lcoal[2]");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).startsWith("lakehouse sql: Invalid value 'lcoal[2]' for spark.master (from --conf spark.master): "
        + "must be empty (spark-submit decides) or a Spark master URL");
  }

  @Test
  void aSqlSyntaxErrorSaysWhatAndWhere() {
    Lakehouse lakehouse = TestLakehouse.fresh();

    ChildJvm.Result result = dev.lakehouse.testing.InProcessCli.execute(lakehouse.config(), "sql", "-e", "selec 1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).startsWith("lakehouse sql: [PARSE_SYNTAX_ERROR] Syntax error at or near 'selec'");
  }

  @Test
  void invalidAnomalyNameIsAUsageError() {
    ChildJvm.Result result = execute("generate", "--anomaly", "meteor");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output()).contains("Invalid anomaly 'meteor'");
  }

  @Test
  void configPrintsResolvedValuesAndTheirSource() {
    ChildJvm.Result result = execute("config", "--conf", "spark.shuffle-partitions=3");

    assertThat(result.exitCode()).isZero();
    assertThat(result.output()).containsPattern("spark.shuffle-partitions +3 +LAKEHOUSE_SPARK_SHUFFLE_PARTITIONS +--conf");
  }

  @Test
  void generateProducesTheRequestedCountToEveryTopic() {
    LakehouseConfig config = TestLakehouse.config(TestLakehouse.kafka());

    ChildJvm.Result result = execute("generate", "--count", "3000", "--seed", "7", "--date", "2026-11-21",
        "--conf", "kafka.bootstrap-servers=" + config.kafka().bootstrapServers(),
        "--conf", "kafka.topic-prefix=" + config.kafka().topicPrefix());

    assertThat(result.exitCode()).as(result.output()).isZero();
    Map<String, Long> counts = endOffsets(config);
    assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3000);
    assertThat(counts).allSatisfy((topic, count) -> assertThat(count).as(topic).isPositive());
  }

  @Test
  void sqlInANewProcessFindsTheDeclaredTablesByName() {
    Lakehouse lakehouse = TestLakehouse.fresh();
    lakehouse.spark().sql("INSERT INTO bronze.commerce_events VALUES "
        + "(NULL, X'7B7D', 't', 0, 0, NULL, current_timestamp(), current_date(), 0),"
        + "(NULL, X'7B7D', 't', 0, 1, NULL, current_timestamp(), current_date(), 0),"
        + "(NULL, X'7B7D', 't', 1, 0, NULL, current_timestamp(), current_date(), 0)");

    ChildJvm.Result result = ChildJvm.run(lakehouse.config(), 180, "sql", "-e",
        "select count(*) as bronze_rows from bronze.commerce_events; select count(*) as silver_rows from silver.commerce_events");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).containsPattern("bronze_rows\\n-+\\n3 *\\n\\(1 row\\)");
    assertThat(result.output()).containsPattern("silver_rows\\n-+\\n0 *\\n\\(1 row\\)");
  }

  private static Map<String, Long> endOffsets(LakehouseConfig config) {
    Properties p = new Properties();
    p.put("bootstrap.servers", config.kafka().bootstrapServers());
    p.put("key.deserializer", ByteArrayDeserializer.class);
    p.put("value.deserializer", ByteArrayDeserializer.class);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String source : Topics.all()) {
        String topic = config.kafka().topic(source);
        consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
      }
      return consumer.endOffsets(partitions).entrySet().stream()
          .collect(Collectors.groupingBy(e -> e.getKey().topic(), Collectors.summingLong(Map.Entry::getValue)));
    }
  }
}
