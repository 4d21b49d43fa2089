package dev.lakehouse.commerce.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.config.InvalidConfigException;
import dev.lakehouse.config.LakehouseConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommerceStreamConfigTest {
  private static LakehouseConfig load(String... conf) {
    return LakehouseConfig.load(Map.of(), List.of(conf));
  }

  @Test
  void defaults() {
    LakehouseConfig.CommerceStream settings = load().commerceStream();
    assertThat(settings.watermark()).isEqualTo(Duration.ofMinutes(10));
    assertThat(settings.triggerInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.anomalyWindows()).isEqualTo(12);
    assertThat(settings.anomalyZ()).isEqualTo(3.0);
    assertThat(load().value("commerce.anomaly-z")).isEqualTo("3.0");
    assertThat(settings.anomalyNoiseFloor()).isEqualTo(2.0);
    assertThat(load().value("commerce.anomaly-noise-floor")).isEqualTo("2.0");
  }

  @Test
  void overridesFromEnvironmentAndConf() {
    LakehouseConfig config = LakehouseConfig.load(Map.of("LAKEHOUSE_COMMERCE_ANOMALY_WINDOWS", "24"),
        List.of("commerce.anomaly-z=2.5", "commerce.watermark=2m", "commerce.anomaly-noise-floor=0"));
    assertThat(config.commerceStream().anomalyNoiseFloor()).isZero();
    assertThat(config.commerceStream().anomalyWindows()).isEqualTo(24);
    assertThat(config.commerceStream().anomalyZ()).isEqualTo(2.5);
    assertThat(config.commerceStream().watermark()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void invalidValuesNameKeyValueSourceAndRule() {
    assertThatThrownBy(() -> load("commerce.anomaly-windows=1"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("Invalid value '1' for commerce.anomaly-windows (from --conf commerce.anomaly-windows): must be an integer >= 2");
    assertThatThrownBy(() -> load("commerce.anomaly-z=0"))
        .hasMessage("Invalid value '0' for commerce.anomaly-z (from --conf commerce.anomaly-z): must be a number > 0.0");
    assertThatThrownBy(() -> load("commerce.anomaly-z=NaN"))
        .hasMessageContaining("for commerce.anomaly-z").hasMessageContaining("must be a number > 0.0");
    assertThatThrownBy(() -> load("commerce.anomaly-noise-floor=-0.5"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("Invalid value '-0.5' for commerce.anomaly-noise-floor (from --conf commerce.anomaly-noise-floor): "
            + "must be a number >= 0.0");
    assertThatThrownBy(() -> load("commerce.anomaly-noise-floor=wide"))
        .hasMessage("Invalid value 'wide' for commerce.anomaly-noise-floor (from --conf commerce.anomaly-noise-floor): "
            + "must be a number >= 0.0");
    assertThatThrownBy(() -> load("commerce.watermark=0s"))
        .hasMessageContaining("Invalid value '0s' for commerce.watermark").hasMessageContaining("greater than zero");
    assertThatThrownBy(() -> load("commerce.stream-trigger-interval=often"))
        .hasMessageContaining("Invalid value 'often' for commerce.stream-trigger-interval")
        .hasMessageContaining("must be a duration such as 500ms, 2s or 1m");
  }
}
