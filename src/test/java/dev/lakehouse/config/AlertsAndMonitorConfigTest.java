package dev.lakehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alerts.* (channels) and monitor.* (stream health) keys. */
class AlertsAndMonitorConfigTest {

  private static LakehouseConfig load(Map<String, String> env, String... conf) {
    return LakehouseConfig.load(env, List.of(conf));
  }

  @Test
  void defaultsPublishNowhereAndMonitorWithTheDocumentedThresholds() {
    LakehouseConfig config = load(Map.of());

    assertThat(config.alerts().publishesToRedis()).isFalse();
    assertThat(config.alerts().publishesToWebhook()).isFalse();
    assertThat(config.alerts().redisChannel()).isEqualTo("lakehouse:alerts");
    assertThat(config.monitor()).isEqualTo(new LakehouseConfig.Monitor(
        Duration.ofSeconds(10), Duration.ofSeconds(60), 3, Duration.ofMinutes(5), Duration.ofMinutes(5)));
    assertThat(load(Map.of(), "monitor.max-lag=0s").monitor().maxLag()).isZero();
  }

  @Test
  void channelsAreTurnedOnByTheirUrlFromEnvironmentOrConf() {
    LakehouseConfig config = load(Map.of("LAKEHOUSE_ALERTS_REDIS_URL", "redis://:secret@cache:6379"),
        "alerts.webhook-url=https://hooks.example.com/lakehouse", "alerts.webhook-retries=0");

    assertThat(config.alerts().publishesToRedis()).isTrue();
    assertThat(config.alerts().webhookUrl()).isEqualTo("https://hooks.example.com/lakehouse");
    assertThat(config.alerts().webhookRetries()).isZero();
    assertThat(config.origins().get("alerts.redis-url")).isEqualTo("environment variable LAKEHOUSE_ALERTS_REDIS_URL");
  }

  @Test
  void aUrlOfTheWrongSchemeOrWithoutHostIsRejected() {
    assertThatThrownBy(() -> load(Map.of(), "alerts.redis-url=localhost:6379"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("Invalid value 'localhost:6379' for alerts.redis-url (from --conf alerts.redis-url): "
            + "must be empty or a URI like redis://host:port (scheme redis or rediss)");
    assertThatThrownBy(() -> load(Map.of(), "alerts.webhook-url=ftp://hooks.example.com/x"))
        .hasMessageContaining("Invalid value 'ftp://hooks.example.com/x' for alerts.webhook-url")
        .hasMessageContaining("must be empty or a URI like http://host:port (scheme http or https)");
  }

  @Test
  void thresholdsMustBePositive() {
    assertThatThrownBy(() -> load(Map.of(), "monitor.behind-batches=0"))
        .hasMessage("Invalid value '0' for monitor.behind-batches (from --conf monitor.behind-batches): "
            + "must be an integer >= 1");
    assertThatThrownBy(() -> load(Map.of(), "monitor.max-lag=-1s"))
        .hasMessage("Invalid value '-1s' for monitor.max-lag (from --conf monitor.max-lag): must be a duration of zero or more");
    assertThatThrownBy(() -> load(Map.of(), "monitor.slow-batch=0s"))
        .hasMessageContaining("for monitor.slow-batch").hasMessageContaining("must be a duration greater than zero");
    assertThatThrownBy(() -> load(Map.of(), "alerts.webhook-retries=-1"))
        .hasMessageContaining("for alerts.webhook-retries").hasMessageContaining("must be an integer >= 0");
    assertThatThrownBy(() -> load(Map.of(), "alerts.redis-channel= "))
        .hasMessageContaining("for alerts.redis-channel").hasMessageContaining("must not be empty");
  }

  @Test
  void everyNewKeyRoundTripsThroughValues() {
    LakehouseConfig config = load(Map.of(), "monitor.stall-after=90s", "alerts.webhook-timeout=2s", "monitor.max-lag=45s");

    LakehouseConfig again = LakehouseConfig.load(Map.of(),
        config.values().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());

    assertThat(again.alerts()).isEqualTo(config.alerts());
    assertThat(again.monitor()).isEqualTo(config.monitor());
    assertThat(config.values()).containsKeys("alerts.redis-url", "alerts.redis-channel", "alerts.webhook-url",
        "alerts.webhook-timeout", "alerts.webhook-retries", "monitor.write-interval", "monitor.slow-batch",
        "monitor.behind-batches", "monitor.stall-after", "monitor.max-lag");
  }
}
