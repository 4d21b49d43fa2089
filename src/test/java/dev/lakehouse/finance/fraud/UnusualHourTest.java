package dev.lakehouse.finance.fraud;

import static dev.lakehouse.finance.fraud.Payments.payment;
import static dev.lakehouse.finance.fraud.Payments.reasons;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** UNUSUAL_HOUR: 23:00-05:00 in the customer's zone, wrapping past midnight. */
class UnusualHourTest {
  private static final LocalDate WINTER_MONDAY = Payments.MONDAY_NOON.toLocalDate();
  private final FraudRules rules = FraudRules.withDefaults();

  @ParameterizedTest(name = "{0} in Paris is unusual: {1}")
  @CsvSource({"22:59, false", "23:00, true", "00:00, true", "02:00, true", "04:59, true", "05:00, false",
      "12:00, false"})
  void parisNight(LocalTime local, boolean isUnusual) {
    Payment payment = payment().at(ZonedDateTime.of(WINTER_MONDAY, local, Payments.PARIS_ZONE)).build();

    List<String> expected = isUnusual ? List.of(ReasonCodes.UNUSUAL_HOUR) : List.of();

    assertThat(reasons(rules, CardState.empty(), payment)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} in New York is unusual: {1}")
  @CsvSource({"22:59, false", "23:00, true", "02:00, true", "04:59, true", "05:00, false"})
  void newYorkNight(LocalTime local, boolean isUnusual) {
    ZoneId newYork = ZoneId.of("America/New_York");
    Payment payment = payment().zone(newYork).at(ZonedDateTime.of(WINTER_MONDAY, local, newYork)).build();
    List<String> expected = isUnusual ? List.of(ReasonCodes.UNUSUAL_HOUR) : List.of();

    assertThat(reasons(rules, CardState.empty(), payment)).isEqualTo(expected);
  }

  @Test
  void theSameInstantIsNightInOneZoneAndMorningInAnother() {
    // 04:30 UTC is 05:30 in Paris and 23:30 the evening before in New York
    Instant instant = Instant.parse("2026-01-12T04:30:00Z");

    assertThat(reasons(rules, CardState.empty(), payment().at(instant).build())).isEmpty();
    assertThat(reasons(rules, CardState.empty(), payment().at(instant).zone(ZoneId.of("America/New_York")).build()))
        .containsExactly(ReasonCodes.UNUSUAL_HOUR);
  }

  @Test
  void summerTimeIsApplied() {
    // 21:30 UTC in July is 23:30 in Paris (UTC+2) but still 21:30 for a customer in UTC
    Instant instant = Instant.parse("2026-07-13T21:30:00Z");

    assertThat(reasons(rules, CardState.empty(), payment().at(instant).build()))
        .containsExactly(ReasonCodes.UNUSUAL_HOUR);
    assertThat(reasons(rules, CardState.empty(), payment().at(instant).zone(ZoneOffset.UTC).build())).isEmpty();
  }

  @ParameterizedTest(name = "{0} in a 01:00-04:00 window: {1}")
  @CsvSource({"00:59, false", "01:00, true", "03:59, true", "04:00, false", "23:30, false"})
  void windowThatDoesNotWrap(LocalTime local, boolean isUnusual) {
    RuleConfig.UnusualHour earlyMorning = new RuleConfig.UnusualHour(LocalTime.of(1, 0), LocalTime.of(4, 0), 0.15);

    assertThat(earlyMorning.contains(local)).isEqualTo(isUnusual);
  }
}
