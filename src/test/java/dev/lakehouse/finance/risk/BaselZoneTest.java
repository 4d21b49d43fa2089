package dev.lakehouse.finance.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Exceptions of a 99% VaR over 250 days: green 0-4, yellow 5-9, red 10 and more. */
class BaselZoneTest {

  @Test
  void greenUpToFourYellowFromFive() {
    assertThat(BaselZone.of(0)).isEqualTo(BaselZone.GREEN);
    assertThat(BaselZone.of(4)).isEqualTo(BaselZone.GREEN);
    assertThat(BaselZone.of(5)).isEqualTo(BaselZone.YELLOW);
  }

  @Test
  void yellowUpToNineRedFromTen() {
    assertThat(BaselZone.of(9)).isEqualTo(BaselZone.YELLOW);
    assertThat(BaselZone.of(10)).isEqualTo(BaselZone.RED);
    assertThat(BaselZone.of(250)).isEqualTo(BaselZone.RED);
  }

  @Test
  void rejectsANegativeCount() {
    assertThatThrownBy(() -> BaselZone.of(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid exception count -1: must be at least 0");
  }
}
