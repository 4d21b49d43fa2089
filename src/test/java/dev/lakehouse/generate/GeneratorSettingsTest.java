package dev.lakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratorSettingsTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

  @Test
  void rejectsAMalformedFractionOfOneOrMore() {
    assertThatThrownBy(() -> new GeneratorSettings(1, DAY, 1.5, Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid malformed fraction 1.5: must be in [0, 1)");
    assertThatThrownBy(() -> new GeneratorSettings(1, DAY, 1.0, Set.of()))
        .hasMessageStartingWith("Invalid malformed fraction 1.0");
  }

  @Test
  void rejectsANegativeOrMissingFraction() {
    assertThatThrownBy(() -> new GeneratorSettings(1, DAY, -0.1, Set.of()))
        .hasMessageStartingWith("Invalid malformed fraction -0.1");
    assertThatThrownBy(() -> new GeneratorSettings(1, DAY, Double.NaN, Set.of()))
        .hasMessageStartingWith("Invalid malformed fraction NaN");
  }

  @Test
  void rejectsAMissingDayOrAnomalySet() {
    assertThatThrownBy(() -> new GeneratorSettings(1, null, 0, Set.of())).hasMessageStartingWith("Invalid day null");
    assertThatThrownBy(() -> new GeneratorSettings(1, DAY, 0, null)).hasMessageStartingWith("Invalid anomalies null");
  }

  @Test
  void keepsAnImmutableCopyOfTheAnomalies() {
    var anomalies = new java.util.HashSet<>(Set.of(Anomaly.ERROR_BURST));
    var settings = new GeneratorSettings(1, DAY, 0, anomalies);
    anomalies.add(Anomaly.CARD_TESTING);
    assertThat(settings.anomalies()).containsExactly(Anomaly.ERROR_BURST);
    assertThat(settings.injects(Anomaly.ERROR_BURST)).isTrue();
    assertThat(settings.injects(Anomaly.CARD_TESTING)).isFalse();
  }
}
