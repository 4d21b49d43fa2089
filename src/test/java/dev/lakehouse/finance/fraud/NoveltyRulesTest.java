package dev.lakehouse.finance.fraud;

import static dev.lakehouse.finance.fraud.Payments.habitualCard;
import static dev.lakehouse.finance.fraud.Payments.payment;
import static dev.lakehouse.finance.fraud.Payments.reasons;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** NEW_DEVICE and NEW_MERCHANT_CATEGORY, only on cards with history. */
class NoveltyRulesTest {
  private final FraudRules rules = FraudRules.withDefaults();

  @Test
  void newDeviceOnACardWithHistory() {
    assertThat(reasons(rules, habitualCard(rules, 5), payment().device("dev-999999").build()))
        .containsExactly(ReasonCodes.NEW_DEVICE);
  }

  @Test
  void newDeviceIsKnownOnceUsed() {
    Score first = rules.evaluate(habitualCard(rules, 20), payment().device("dev-999999").build());

    assertThat(reasons(rules, first.next(), payment().device("dev-999999").build())).isEmpty();
    assertThat(first.next().knownDevices()).containsExactly("dev-999999", Payments.USUAL_DEVICE);
  }

  @Test
  void newDeviceOnAYoungCard() {
    assertThat(reasons(rules, habitualCard(rules, 4), payment().device("dev-999999").build())).isEmpty();
  }

  @Test
  void missingDeviceIsNotNew() {
    assertThat(reasons(rules, habitualCard(rules, 20), payment().device(null).build())).isEmpty();
    assertThat(reasons(rules, habitualCard(rules, 20), payment().device(" ").build())).isEmpty();
  }

  @Test
  void cardWhoseHistoryHadNoDeviceIds() {
    CardState state = CardState.empty();
    for (int i = 0; i < 10; i++) {
      state = rules.evaluate(state, payment().after(Duration.ofHours(i)).device(null).build()).next();
    }

    assertThat(reasons(rules, state, payment().after(Duration.ofHours(10)).build())).isEmpty();
  }

  @Test
  void leastRecentlyUsedDeviceIsForgotten() {
    // eight other devices, an hour apart, push the usual one out of the eight remembered
    CardState state = habitualCard(rules, 20);
    for (int i = 0; i < 8; i++) {
      state = rules.evaluate(state, payment().after(Duration.ofHours(i)).device("dev-other-" + i).build()).next();
    }

    assertThat(state.knownDevices()).hasSize(8).doesNotContain(Payments.USUAL_DEVICE);
    assertThat(reasons(rules, state, payment().after(Duration.ofHours(8)).build()))
        .containsExactly(ReasonCodes.NEW_DEVICE);
  }

  @Test
  void newMerchantCategoryOnACardWithHistory() {
    assertThat(reasons(rules, habitualCard(rules, 20), payment().category("electronics").build()))
        .containsExactly(ReasonCodes.NEW_MERCHANT_CATEGORY);
  }

  @Test
  void newMerchantCategoryOnACardWithoutEnoughHistory() {
    assertThat(reasons(rules, habitualCard(rules, 19), payment().category("electronics").build())).isEmpty();
  }

  @Test
  void accountTakeover() {
    // the generator's account_takeover_new_device pattern: a new device, 10 times the typical amount
    Payment payment = payment().device("dev-new").category("online_services").amountCents(25_000).build();

    assertThat(reasons(rules, habitualCard(rules, 20), payment)).containsExactly(
        ReasonCodes.AMOUNT_ABOVE_HISTORY, ReasonCodes.NEW_DEVICE, ReasonCodes.NEW_MERCHANT_CATEGORY);
  }
}
