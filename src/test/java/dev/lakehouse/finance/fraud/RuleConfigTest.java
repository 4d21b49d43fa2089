package dev.lakehouse.finance.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Defaults, and messages that name the field, the value and the rule. */
class RuleConfigTest {

  @Test
  void defaults() {
    RuleConfig config = RuleConfig.defaults();

    assertThat(config.velocities()).extracting(RuleConfig.Velocity::reasonCode)
        .containsExactly(ReasonCodes.VELOCITY_1M, ReasonCodes.VELOCITY_10M);
    assertThat(config.largestWindow()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.amountLimit().limitCentsFor("EUR")).isEqualTo(200_000);
  }

  @Test
  void velocityReasonCodesNameTheWindow() {
    assertThat(ReasonCodes.velocity(Duration.ofSeconds(90))).isEqualTo("VELOCITY_90S");
    assertThat(ReasonCodes.velocity(Duration.ofMinutes(1))).isEqualTo("VELOCITY_1M");
    assertThat(ReasonCodes.velocity(Duration.ofHours(2))).isEqualTo("VELOCITY_2H");
  }

  @Test
  void largestWindowMayBeAVelocityWindow() {
    RuleConfig config = RuleConfig.defaults()
        .withVelocities(List.of(new RuleConfig.Velocity(Duration.ofHours(1), 20, 0.3)));

    assertThat(config.largestWindow()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void weightOutsideTheUnitInterval() {
    assertThatThrownBy(() -> new RuleConfig.AmountLimit(200_000, Map.of(), 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid weight 1.5 for rule AMOUNT_OVER_LIMIT: must be in [0, 1]; "
            + "0 reports the reason without scoring it");
    assertThatThrownBy(() -> new RuleConfig.NewDevice(5, 8, Double.NaN))
        .hasMessageStartingWith("Invalid weight NaN for rule NEW_DEVICE");
  }

  @Test
  void currencyLimitMustBePositive() {
    assertThatThrownBy(() -> new RuleConfig.AmountLimit(200_000, Map.of("JPY", 0L), 0.35))
        .hasMessage("Invalid limitCentsByCurrency[JPY] 0 for rule AMOUNT_OVER_LIMIT: must be at least 1");
  }

  @Test
  void emptyNightWindow() {
    assertThatThrownBy(() -> new RuleConfig.UnusualHour(LocalTime.of(23, 0), LocalTime.of(23, 0), 0.15))
        .hasMessage("Invalid endsAt 23:00 for rule UNUSUAL_HOUR: must differ from startsAt 23:00; "
            + "the window would be empty or the whole day");
  }

  @Test
  void velocityNeedsTwoPayments() {
    assertThatThrownBy(() -> new RuleConfig.Velocity(Duration.ofMinutes(1), 1, 0.35))
        .hasMessage("Invalid minPayments 1 for rule VELOCITY_1M: must be at least 2");
  }

  @Test
  void windowOfWholeSeconds() {
    assertThatThrownBy(() -> new RuleConfig.Velocity(Duration.ZERO, 5, 0.35))
        .hasMessage("Invalid window PT0S for rule VELOCITY: must be a whole number of seconds, at least PT1S");
    assertThatThrownBy(() -> new RuleConfig.SmallAmountBurst(500, Duration.ofMillis(1500), 5, 0.6))
        .hasMessage("Invalid window PT1.5S for rule SMALL_AMOUNT_BURST: must be a whole number of seconds, "
            + "at least PT1S");
  }

  @Test
  void twoVelocityRulesWithTheSameWindow() {
    List<RuleConfig.Velocity> twice = List.of(RuleConfig.Velocity.ONE_MINUTE,
        new RuleConfig.Velocity(Duration.ofSeconds(60), 3, 0.1));

    assertThatThrownBy(() -> RuleConfig.defaults().withVelocities(twice))
        .hasMessage("Invalid window PT1M for rule VELOCITY_1M: two velocity rules have this window; keep one");
  }

  @Test
  void recentPaymentsCapTooSmallForAWindowRule() {
    assertThatThrownBy(() -> RuleConfig.defaults().withRecentPaymentsCap(8))
        .hasMessage("Invalid recentPaymentsCap 8 for rule VELOCITY_10M: must be at least 10, the rule's "
            + "minPayments, so that state can hold a full window");
  }

  @Test
  void recentPaymentsCapTooLarge() {
    assertThatThrownBy(() -> RuleConfig.defaults().withRecentPaymentsCap(5_000))
        .hasMessage("Invalid recentPaymentsCap 5000 for rule VELOCITY and SMALL_AMOUNT_BURST: must be at most 1024 "
            + "so that card state stays small");
  }

  @Test
  void remembersAtMostSixtyFourDevices() {
    assertThatThrownBy(() -> new RuleConfig.NewDevice(5, 100, 0.3))
        .hasMessage("Invalid capacity 100 for rule NEW_DEVICE: must be at most 64 so that card state stays small");
  }

  @Test
  void historyRuleSettings() {
    assertThatThrownBy(() -> new RuleConfig.AmountHistory(1, 3.0, 0.3, 100, 0.4))
        .hasMessage("Invalid minPayments 1 for rule AMOUNT_ABOVE_HISTORY: must be at least 2");
    assertThatThrownBy(() -> new RuleConfig.AmountHistory(10, 3.0, 0.0, 100, 0.4))
        .hasMessage("Invalid minStdDev 0.0 for rule AMOUNT_ABOVE_HISTORY: must be a positive finite number");
    assertThatThrownBy(() -> new RuleConfig.AmountHistory(10, 3.0, 0.3, 1, 0.4))
        .hasMessage("Invalid horizon 1 for rule AMOUNT_ABOVE_HISTORY: must be at least 2");
  }

  @Test
  void travelRuleSettings() {
    assertThatThrownBy(() -> new RuleConfig.ImpossibleTravel(-900, 100, Set.of(), 0.6))
        .hasMessage("Invalid maxSpeedKmh -900.0 for rule IMPOSSIBLE_TRAVEL: must be a positive finite number");
    assertThatThrownBy(() -> new RuleConfig.ImpossibleTravel(900, Double.NaN, Set.of(), 0.6))
        .hasMessage("Invalid minDistanceKm NaN for rule IMPOSSIBLE_TRAVEL: must be a finite number >= 0");
  }

  @Test
  void missingRule() {
    RuleConfig defaults = RuleConfig.defaults();

    assertThatThrownBy(() -> defaults.withNewMerchantCategory(null))
        .hasMessage("Invalid newMerchantCategory null for rule NEW_MERCHANT_CATEGORY: must be set");
  }

  @Test
  void withReplacesOneRuleOnly() {
    RuleConfig.NewDevice strict = new RuleConfig.NewDevice(1, 4, 0.5);

    RuleConfig config = RuleConfig.defaults().withNewDevice(strict);

    assertThat(config.newDevice()).isEqualTo(strict);
    assertThat(config.withNewDevice(RuleConfig.NewDevice.DEFAULT)).isEqualTo(RuleConfig.defaults());
  }
}
