package dev.lakehouse.finance.fraud;

import static dev.lakehouse.finance.fraud.Payments.finalState;
import static dev.lakehouse.finance.fraud.Payments.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CardStateTest {
  private static final List<Payments.Place> PLACES =
      List.of(Payments.PARIS, Payments.BERLIN, Payments.NEW_YORK, Payments.VERSAILLES);
  private final FraudRules rules = FraudRules.withDefaults();

  @Test
  void emptyCard() {
    CardState empty = CardState.empty();

    assertThat(empty.payments()).isZero();
    assertThat(empty.newestPaymentAt()).isEmpty();
    assertThat(empty.placedAt()).isEmpty();
    assertThat(empty.knownDevices()).isEmpty();
    assertThat(empty.logAmountStdDev()).isZero();
  }

  @Test
  void staysBoundedAfterTenThousandPayments() throws IOException, ClassNotFoundException {
    // a payment a second, each on a new device, in one of 100 categories, at log-normal amounts
    SplittableRandom random = new SplittableRandom(42);
    CardState state = CardState.empty();
    for (int i = 0; i < 10_000; i++) {
      long cents = Math.round(Math.exp(8 + random.nextGaussian()));
      state = rules.evaluate(state, payment()
          .after(Duration.ofSeconds(i))
          .amountCents(cents)
          .device("dev-" + i)
          .category("category-" + i % 100)
          .in(PLACES.get(i % PLACES.size()))
          .build()).next();
    }
    byte[] serialized = serialize(state);

    assertThat(state.payments()).isEqualTo(10_000);
    assertThat(state.recentPayments()).isEqualTo(RuleConfig.DEFAULT_RECENT_PAYMENTS_CAP);
    assertThat(state.knownDevices()).hasSize(8).startsWith("dev-9999");
    assertThat(state.knownCategories()).hasSize(16).startsWith("category-99");
    assertThat(state.logAmountMean()).isCloseTo(8, within(0.5));
    assertThat(state.logAmountStdDev()).isCloseTo(1, within(0.5));
    assertThat(serialized.length).isLessThan(2_048);
    assertThat(deserialize(serialized).toString()).isEqualTo(state.toString());
  }

  @Test
  void amountStatisticsAreThoseOfTheLogAmounts() {
    long[] cents = {1200, 5400, 800, 23000, 3100};
    CardState state = finalState(rules, CardState.empty(), paymentsOf(cents));
    double[] logs = LongStream.of(cents).mapToDouble(Math::log).toArray();
    double mean = Arrays.stream(logs).average().orElseThrow();
    double variance = Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).sum() / logs.length;

    assertThat(state.logAmountMean()).isCloseTo(mean, within(1e-12));
    assertThat(state.logAmountStdDev()).isCloseTo(Math.sqrt(variance), within(1e-12));
  }

  @Test
  void pastTheHorizonOldHabitsFade() {
    // horizon 4: after four payments of 10.00 the weight stays at 1/4
    FraudRules shortMemory = new FraudRules(RuleConfig.defaults()
        .withAmountHistory(new RuleConfig.AmountHistory(2, 3.0, 0.3, 4, 0.4)));
    CardState four = finalState(shortMemory, CardState.empty(), paymentsOf(1000, 1000, 1000, 1000));
    Payment fifth = payment().after(Duration.ofDays(5)).amountCents(8000).build();

    CardState five = finalState(shortMemory, four, List.of(fifth));

    double delta = Math.log(8000) - Math.log(1000);
    assertThat(five.logAmountMean()).isCloseTo(Math.log(1000) + delta / 4, within(1e-12));
    assertThat(five.logAmountStdDev()).isCloseTo(Math.sqrt(0.75 * delta * delta / 4), within(1e-12));
  }

  @Test
  void oldPaymentsLeaveTheWindow() {
    CardState state = finalState(rules, CardState.empty(), List.of(
        payment().build(),
        payment().after(Duration.ofMinutes(10)).build()));

    // the largest window is 10 minutes, (t - 10 min, t]: the first payment is out
    assertThat(state.recentPayments()).isEqualTo(1);
  }

  @Test
  void latePaymentOutsideTheWindowIsCountedButNotKept() {
    CardState before = finalState(rules, CardState.empty(), List.of(payment().build()));

    Score late = rules.evaluate(before, payment().after(Duration.ofMinutes(-11)).build());

    assertThat(late.next().payments()).isEqualTo(2);
    assertThat(late.next().recentPayments()).isEqualTo(1);
    assertThat(late.next().newestPaymentAt()).isEqualTo(before.newestPaymentAt());
  }

  private static List<Payment> paymentsOf(long... cents) {
    List<Payment> payments = new ArrayList<>();
    for (int i = 0; i < cents.length; i++) {
      payments.add(payment().after(Duration.ofDays(i)).amountCents(cents[i]).build());
    }
    return payments;
  }

  private static byte[] serialize(CardState state) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(state);
    }
    return bytes.toByteArray();
  }

  private static CardState deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (CardState) in.readObject();
    }
  }
}
