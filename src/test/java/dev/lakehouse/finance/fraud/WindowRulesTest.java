package dev.lakehouse.finance.fraud;

import static dev.lakehouse.finance.fraud.Payments.habitualCard;
import static dev.lakehouse.finance.fraud.Payments.payment;
import static dev.lakehouse.finance.fraud.Payments.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** VELOCITY_1M, VELOCITY_10M and SMALL_AMOUNT_BURST, on event time. */
class WindowRulesTest {
  private static final List<Payments.Place> EUROPE =
      List.of(Payments.MADRID, Payments.ROME, Payments.WARSAW, Payments.BERLIN, Payments.PARIS);
  private final FraudRules rules = FraudRules.withDefaults();

  @Test
  void fifthPaymentWithinAMinute() {
    List<Score> scores = scores(rules, CardState.empty(), paymentsEvery(Duration.ofSeconds(10), 5));

    assertThat(reasonsOf(scores)).containsExactly(
        List.of(), List.of(), List.of(), List.of(), List.of(ReasonCodes.VELOCITY_1M));
  }

  @Test
  void windowExcludesAPaymentExactlyOneMinuteOld() {
    // the window of a payment at t is (t - 1 min, t]
    List<Score> exactlyAMinute = scores(rules, CardState.empty(), paymentsEvery(Duration.ofSeconds(15), 5));
    List<Score> justUnder = scores(rules, CardState.empty(), paymentsEvery(Duration.ofMillis(14_999), 5));

    assertThat(last(exactlyAMinute).reasonCodes()).isEmpty();
    assertThat(last(justUnder).reasonCodes()).containsExactly(ReasonCodes.VELOCITY_1M);
  }

  @Test
  void tenthPaymentWithinTenMinutes() {
    // 61 s apart: never 5 in a minute, and the 10th is 549 s after the first
    List<Score> scores = scores(rules, CardState.empty(), paymentsEvery(Duration.ofSeconds(61), 11));

    assertThat(scores.subList(0, 9)).allSatisfy(score -> assertThat(score.reasonCodes()).isEmpty());
    assertThat(scores.get(9).reasonCodes()).containsExactly(ReasonCodes.VELOCITY_10M);
    assertThat(scores.get(10).reasonCodes()).containsExactly(ReasonCodes.VELOCITY_10M);
  }

  @Test
  void latePaymentCountsAtItsEventTime() {
    // at 0, 10, 20, 30 s; then one from 5 s arrives late, then one at 40 s
    List<Payment> payments = new ArrayList<>(paymentsEvery(Duration.ofSeconds(10), 4));
    payments.add(payment().after(Duration.ofSeconds(5)).build());
    payments.add(payment().after(Duration.ofSeconds(40)).build());

    List<Score> scores = scores(rules, CardState.empty(), payments);

    // the late one sees only the payment at 0 s in (-55 s, 5 s]; the last sees all six in (-20 s, 40 s]
    assertThat(scores.get(4).reasonCodes()).isEmpty();
    assertThat(scores.get(5).reasonCodes()).containsExactly(ReasonCodes.VELOCITY_1M);
  }

  @Test
  void burstOfSmallAmounts() {
    // a minute apart, so no velocity rule fires: 4 small, 1 large, then a 5th small at exactly the limit
    List<Payment> payments = new ArrayList<>();
    for (int minute = 0; minute < 4; minute++) {
      payments.add(payment().after(Duration.ofMinutes(minute)).amountCents(300).build());
    }
    payments.add(payment().after(Duration.ofMinutes(4)).amountCents(2_500).build());
    payments.add(payment().after(Duration.ofMinutes(5)).amountCents(500).build());
    payments.add(payment().after(Duration.ofMinutes(6)).amountCents(501).build());

    List<Score> scores = scores(rules, CardState.empty(), payments);

    assertThat(reasonsOf(scores)).containsExactly(List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(ReasonCodes.SMALL_AMOUNT_BURST), List.of());
  }

  @Test
  void cardTestingBurst() {
    // the generator's card testing: 25 online payments of 1-3 euros within 5 minutes, from a new device,
    // at merchants all over Europe, on a card with 20 habitual payments
    List<Payment> burst = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      burst.add(payment()
          .after(Duration.ofSeconds(12L * i))
          .amountCents(100 + 37L * i % 200)
          .category("online_services")
          .device("dev-testing")
          .in(EUROPE.get(i % EUROPE.size()))
          .build());
    }

    List<Score> scores = scores(rules, habitualCard(rules, 20), burst);

    // first: a new device in a new category; from the 5th, 5 tiny ones within 48 s; from the 10th, 10 in 108 s;
    // never impossible travel, since an online merchant's place is not the card's
    assertThat(scores.get(0).reasonCodes())
        .containsExactly(ReasonCodes.NEW_DEVICE, ReasonCodes.NEW_MERCHANT_CATEGORY);
    assertThat(scores.subList(1, 4)).allSatisfy(score -> assertThat(score.reasonCodes()).isEmpty());
    assertThat(scores.subList(4, 9)).allSatisfy(score -> assertThat(score.reasonCodes())
        .containsExactly(ReasonCodes.VELOCITY_1M, ReasonCodes.SMALL_AMOUNT_BURST));
    assertThat(scores.subList(9, 25)).allSatisfy(score -> assertThat(score.reasonCodes())
        .containsExactly(ReasonCodes.VELOCITY_1M, ReasonCodes.VELOCITY_10M, ReasonCodes.SMALL_AMOUNT_BURST));
    // 1 - 0.4 * 0.65 * 0.65 = 0.831
    assertThat(last(scores).score()).isCloseTo(0.831, within(1e-12));
  }

  private static List<Payment> paymentsEvery(Duration gap, int count) {
    List<Payment> payments = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      payments.add(payment().after(gap.multipliedBy(i)).build());
    }
    return payments;
  }

  private static List<List<String>> reasonsOf(List<Score> scores) {
    return scores.stream().map(Score::reasonCodes).toList();
  }

  private static Score last(List<Score> scores) {
    return scores.get(scores.size() - 1);
  }
}
