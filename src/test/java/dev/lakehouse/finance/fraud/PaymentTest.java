package dev.lakehouse.finance.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PaymentTest {
  private static final Instant NOON = Instant.parse("2026-01-12T11:00:00Z");
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void negativeAmount() {
    assertThatThrownBy(() -> new Payment("pay-1", "c-1", "card-1", "m-1", "grocery", "FR", "dev-1", 48.8, 2.3, -5,
        "EUR", NOON, PARIS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid payment pay-1: amountCents -5: must not be negative; refunds are not payments");
  }

  @Test
  void missingZone() {
    assertThatThrownBy(() -> new Payment("pay-1", "c-1", "card-1", "m-1", "grocery", "FR", "dev-1", 48.8, 2.3, 500,
        "EUR", NOON, null))
        .hasMessage("Invalid payment pay-1: customerZone null: pass the customer's zone, "
            + "e.g. from HomeZones.of(country)");
  }

  @Test
  void homeZonesOfTheGeneratorsCountries() {
    for (String country : new String[] {"DE", "FR", "NL", "ES", "IT", "AT", "PL", "GB", "IE", "US", "BR", "JP",
        "AU", "SG", "ZA"}) {
      assertThat(HomeZones.of(country)).as(country).isPresent();
    }
    assertThat(HomeZones.of("fr")).contains(PARIS);
    assertThat(HomeZones.of("US")).contains(ZoneId.of("America/New_York"));
    assertThat(HomeZones.of("XX")).isEmpty();
    assertThat(HomeZones.of(null)).isEmpty();
  }
}
