package dev.lakehouse.finance.fraud;

import static dev.lakehouse.finance.fraud.Payments.habitualCard;
import static dev.lakehouse.finance.fraud.Payments.payment;
import static dev.lakehouse.finance.fraud.Payments.reasons;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** AMOUNT_OVER_LIMIT and AMOUNT_ABOVE_HISTORY. */
class AmountRulesTest {
  private final FraudRules rules = FraudRules.withDefaults();

  @Test
  void habitualPaymentHasNoReasons() {
    Score score = rules.evaluate(habitualCard(rules, 20), payment().build());

    assertThat(score.reasonCodes()).isEmpty();
    assertThat(score.score()).isEqualTo(0.0);
  }

  @Test
  void amountAtTheLimitIsNotOverIt() {
    assertThat(reasons(rules, CardState.empty(), payment().amountCents(200_000).build())).isEmpty();
  }

  @Test
  void amountOneCentOverTheLimit() {
    assertThat(reasons(rules, CardState.empty(), payment().amountCents(200_001).build()))
        .containsExactly(ReasonCodes.AMOUNT_OVER_LIMIT);
  }

  @Test
  void currencyWithItsOwnLimit() {
    // 250,000 yen is about 1,500 euros: over the default limit in minor units, under the yen's own
    FraudRules withYen = new FraudRules(RuleConfig.defaults().withAmountLimit(
        new RuleConfig.AmountLimit(200_000, Map.of("JPY", 300_000L), 0.35)));

    assertThat(reasons(withYen, CardState.empty(), payment().currency("JPY").amountCents(250_000).build())).isEmpty();
    assertThat(reasons(withYen, CardState.empty(), payment().currency("USD").amountCents(250_000).build()))
        .containsExactly(ReasonCodes.AMOUNT_OVER_LIMIT);
  }

  @Test
  void zScoreIsOverTheFlooredStdDevOfLogAmounts() {
    // 20 habitual payments: log mean 7.781011, std dev 0.2993 floored to 0.3
    double mean = LongStream.of(Payments.HABITUAL_CENTS).mapToDouble(Math::log).average().orElseThrow();
    double expected = (Math.log(10_000) - mean) / 0.3;

    double z = rules.amountZScore(habitualCard(rules, 20), payment().amountCents(10_000).build());

    assertThat(z).isCloseTo(expected, within(1e-9)).isCloseTo(4.7644, within(1e-4));
  }

  @Test
  void amountFarAboveTheCardsHistory() {
    // z >= 3 from exp(7.781011 + 0.9) = 58.90 euros on
    assertThat(reasons(rules, habitualCard(rules, 20), payment().amountCents(10_000).build()))
        .containsExactly(ReasonCodes.AMOUNT_ABOVE_HISTORY);
  }

  @Test
  void amountSomewhatAboveTheCardsHistory() {
    assertThat(reasons(rules, habitualCard(rules, 20), payment().amountCents(5_800).build())).isEmpty();
  }

  @Test
  void historyTooShortToJudge() {
    assertThat(reasons(rules, habitualCard(rules, 9), payment().amountCents(100_000).build())).isEmpty();
    assertThat(reasons(rules, habitualCard(rules, 10), payment().amountCents(100_000).build()))
        .containsExactly(ReasonCodes.AMOUNT_ABOVE_HISTORY);
  }

  @Test
  void amountFarBelowTheCardsHistoryIsNotSuspicious() {
    assertThat(reasons(rules, habitualCard(rules, 20), payment().amountCents(600).build())).isEmpty();
  }

  @Test
  void largeAmountAtNightOnACardWithHistory() {
    // the generator's large_amount_unusual_hour pattern: 20 times the typical amount at 01:30
    Payment payment = payment().at(Payments.MONDAY_NOON.withHour(1).withMinute(30)).amountCents(500_000).build();

    Score score = rules.evaluate(habitualCard(rules, 20), payment);

    assertThat(score.reasonCodes()).containsExactly(
        ReasonCodes.AMOUNT_OVER_LIMIT, ReasonCodes.UNUSUAL_HOUR, ReasonCodes.AMOUNT_ABOVE_HISTORY);
    assertThat(score.score()).isCloseTo(0.6685, within(1e-12));
  }
}
