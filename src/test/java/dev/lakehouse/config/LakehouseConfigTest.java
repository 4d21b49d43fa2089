package dev.lakehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LakehouseConfigTest {

  private static LakehouseConfig load(Map<String, String> env, String... conf) {
    return LakehouseConfig.load(env, List.of(conf));
  }

  @Test
  void defaultsApplyWithoutEnvironmentOrOverrides() {
    LakehouseConfig config = load(Map.of());

    assertThat(config.home()).isEqualTo("./lakehouse-data");
    assertThat(config.profile()).isEqualTo("local");
    assertThat(config.spark().master()).isEqualTo("local[2]");
    assertThat(config.ingest().triggerInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.origins().get("home")).isEqualTo("defaults");
  }

  @Test
  void profileOverridesDefaults() {
    LakehouseConfig config = load(Map.of(), "profile=cluster");

    assertThat(config.spark().master()).isEmpty();
    assertThat(config.spark().setsMaster()).isFalse();
    assertThat(config.spark().shufflePartitions()).isEqualTo(200);
  }

  @Test
  void environmentOverridesProfile() {
    LakehouseConfig config = load(Map.of(
        "LAKEHOUSE_PROFILE", "cluster",
        "LAKEHOUSE_SPARK_SHUFFLE_PARTITIONS", "16",
        "LAKEHOUSE_HOME", "/data/lake"));

    assertThat(config.profile()).isEqualTo("cluster");
    assertThat(config.spark().shufflePartitions()).isEqualTo(16);
    assertThat(config.home()).isEqualTo("/data/lake");
    assertThat(config.origins().get("spark.shuffle-partitions"))
        .isEqualTo("environment variable LAKEHOUSE_SPARK_SHUFFLE_PARTITIONS");
  }

  @Test
  void confOverridesEnvironment() {
    LakehouseConfig config = load(Map.of("LAKEHOUSE_SPARK_SHUFFLE_PARTITIONS", "16"),
        "spark.shuffle-partitions=4", "ingest.topics=a.b, c.d");

    assertThat(config.spark().shufflePartitions()).isEqualTo(4);
    assertThat(config.ingest().topics()).containsExactly("a.b", "c.d");
    assertThat(config.origins().get("spark.shuffle-partitions")).isEqualTo("--conf spark.shuffle-partitions");
  }

  @Test
  void confChoosesProfileOverEnvironment() {
    LakehouseConfig config = load(Map.of("LAKEHOUSE_PROFILE", "cluster"), "profile=local");

    assertThat(config.spark().master()).isEqualTo("local[2]");
  }

  @Test
  void environmentNamesFollowTheKey() {
    assertThat(LakehouseConfig.environmentNames())
        .containsEntry("home", "LAKEHOUSE_HOME")
        .containsEntry("kafka.bootstrap-servers", "LAKEHOUSE_KAFKA_BOOTSTRAP_SERVERS")
        .containsEntry("refine.max-record-bytes", "LAKEHOUSE_REFINE_MAX_RECORD_BYTES");
  }

  @Test
  void lowStockUnitsDefaultsToTenAndMustNotBeNegative() {
    assertThat(load(Map.of()).commerce().lowStockUnits()).isEqualTo(10);
    assertThat(load(Map.of("LAKEHOUSE_COMMERCE_LOW_STOCK_UNITS", "3")).commerce().lowStockUnits()).isEqualTo(3);
    assertThatThrownBy(() -> load(Map.of(), "commerce.low-stock-units=-1"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("Invalid value '-1' for commerce.low-stock-units (from --conf commerce.low-stock-units): "
            + "must be an integer >= 0");
  }

  @Test
  void nonNumericValueNamesKeyValueSourceAndRule() {
    assertThatThrownBy(() -> load(Map.of(), "spark.shuffle-partitions=many"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("Invalid value 'many' for spark.shuffle-partitions (from --conf spark.shuffle-partitions): "
            + "must be an integer >= 1");
  }

  @Test
  void valueBelowMinimumFromEnvironmentNamesTheVariable() {
    assertThatThrownBy(() -> load(Map.of("LAKEHOUSE_KAFKA_PARTITIONS", "0")))
        .hasMessage("Invalid value '0' for kafka.partitions (from environment variable LAKEHOUSE_KAFKA_PARTITIONS): "
            + "must be an integer >= 1");
  }

  @Test
  void fractionOutsideRangeIsRejected() {
    assertThatThrownBy(() -> load(Map.of(), "generate.malformed-fraction=1.5"))
        .hasMessageContaining("Invalid value '1.5' for generate.malformed-fraction")
        .hasMessageContaining("must be a number in [0, 1)");
  }

  @Test
  void badDurationIsRejected() {
    assertThatThrownBy(() -> load(Map.of(), "ingest.trigger-interval=soon"))
        .hasMessageContaining("Invalid value 'soon' for ingest.trigger-interval")
        .hasMessageContaining("must be a duration such as 500ms, 2s or 1m");
    assertThatThrownBy(() -> load(Map.of(), "refine.trigger-interval=0s"))
        .hasMessageContaining("must be a duration greater than zero");
  }

  @Test
  void badBootstrapServersAreRejected() {
    assertThatThrownBy(() -> load(Map.of(), "kafka.bootstrap-servers=localhost"))
        .hasMessageContaining("Invalid value 'localhost' for kafka.bootstrap-servers")
        .hasMessageContaining("host:port");
  }

  @Test
  void portOutOfRangeIsRejected() {
    assertThatThrownBy(() -> load(Map.of(), "kafka.port=70000"))
        .hasMessageContaining("must be a TCP port between 1 and 65535");
  }

  @Test
  void unknownProfileIsRejected() {
    assertThatThrownBy(() -> load(Map.of("LAKEHOUSE_PROFILE", "prod")))
        .hasMessage("Invalid value 'prod' for profile (from environment variable LAKEHOUSE_PROFILE): "
            + "must be one of [cluster, local]");
  }

  @Test
  void unknownKeyIsRejectedWithTheKnownOnes() {
    assertThatThrownBy(() -> load(Map.of(), "spark.shufle-partitions=4"))
        .hasMessageStartingWith("Cannot set unknown key 'spark.shufle-partitions' (from --conf): known keys are [")
        .hasMessageContaining("spark.shuffle-partitions");
  }

  @Test
  void assignmentWithoutEqualsIsRejected() {
    assertThatThrownBy(() -> load(Map.of(), "home"))
        .hasMessageStartingWith("Invalid --conf 'home': expected key=value");
  }

  @Test
  void emptyHomeIsRejected() {
    assertThatThrownBy(() -> load(Map.of("LAKEHOUSE_HOME", " ")))
        .hasMessageContaining("for home (from environment variable LAKEHOUSE_HOME): must not be empty");
  }

  @Test
  void badTopicNameIsRejected() {
    assertThatThrownBy(() -> load(Map.of(), "ingest.topics=ok.topic,bad topic"))
        .hasMessageContaining("topic 'bad topic' must match");
  }

  @Test
  void pathsUnderAUriRootStayUris() {
    assertThat(load(Map.of(), "home=s3a://bucket/lake").path("tables/bronze/x")).isEqualTo("s3a://bucket/lake/tables/bronze/x");
    assertThat(load(Map.of(), "home=/data/lake/").path("checkpoints")).isEqualTo("/data/lake/checkpoints");
  }

  @Test
  void topicPrefixApplies() {
    assertThat(load(Map.of(), "kafka.topic-prefix=prod.").kafka().topic("commerce.events")).isEqualTo("prod.commerce.events");
  }
}
