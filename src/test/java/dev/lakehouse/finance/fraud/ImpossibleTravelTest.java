package dev.lakehouse.finance.fraud;

import static dev.lakehouse.finance.fraud.Payments.payment;
import static dev.lakehouse.finance.fraud.Payments.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IMPOSSIBLE_TRAVEL: farther than 900 km/h allows from the last card-present place. */
class ImpossibleTravelTest {
  private final FraudRules rules = FraudRules.withDefaults();

  @Test
  void greatCircleDistances() {
    assertThat(GreatCircle.distanceKm(48.8566, 2.3522, 40.7128, -74.0060)).isCloseTo(5837.25, within(0.01));
    assertThat(GreatCircle.distanceKm(48.8566, 2.3522, 52.52, 13.405)).isCloseTo(877.46, within(0.01));
    assertThat(GreatCircle.distanceKm(0, 0, 0, 180)).isCloseTo(Math.PI * GreatCircle.EARTH_RADIUS_KM, within(1e-6));
    assertThat(GreatCircle.distanceKm(48.8566, 2.3522, 48.8566, 2.3522)).isEqualTo(0.0);
  }

  @Test
  void parisThenNewYorkHalfAnHourLater() {
    // 5,837 km in 30 minutes is 11,674 km/h
    assertThat(secondPayment(Payments.PARIS, Payments.NEW_YORK, Duration.ofMinutes(30)))
        .containsExactly(ReasonCodes.IMPOSSIBLE_TRAVEL);
  }

  @Test
  void parisThenVersaillesFiveMinutesLater() {
    // 18 km is under the 100 km minimum, whatever the speed
    assertThat(secondPayment(Payments.PARIS, Payments.VERSAILLES, Duration.ofMinutes(5))).isEmpty();
  }

  @Test
  void sameMerchantAgain() {
    assertThat(secondPayment(Payments.PARIS, Payments.PARIS, Duration.ZERO)).isEmpty();
  }

  @Test
  void parisThenBerlinByPlaneOrFaster() {
    // 877 km: in 2 hours 439 km/h is a flight; in 30 minutes 1,755 km/h is not
    assertThat(secondPayment(Payments.PARIS, Payments.BERLIN, Duration.ofHours(2))).isEmpty();
    assertThat(secondPayment(Payments.PARIS, Payments.BERLIN, Duration.ofMinutes(30)))
        .containsExactly(ReasonCodes.IMPOSSIBLE_TRAVEL);
  }

  @Test
  void twoPlacesAtTheSameInstant() {
    // the generator's impossible_travel pattern pays abroad at the very time of the genuine payment
    assertThat(secondPayment(Payments.PARIS, Payments.NEW_YORK, Duration.ZERO))
        .containsExactly(ReasonCodes.IMPOSSIBLE_TRAVEL);
  }

  @Test
  void onlinePaymentsDoNotPlaceTheCard() {
    List<Score> scores = scores(rules, CardState.empty(), List.of(
        payment().in(Payments.PARIS).build(),
        payment().in(Payments.NEW_YORK).category("online_services").after(Duration.ofMinutes(10)).build(),
        payment().in(Payments.PARIS).after(Duration.ofMinutes(20)).build()));

    assertThat(scores).allSatisfy(score -> assertThat(score.reasonCodes()).isEmpty());
    assertThat(scores.get(2).next().placedCountry()).isEqualTo("FR");
  }

  @Test
  void unknownPlaceIsSkipped() {
    List<Score> scores = scores(rules, CardState.empty(), List.of(
        payment().in(Payments.PARIS).build(),
        payment().in(Payments.UNKNOWN).after(Duration.ofMinutes(1)).build()));

    assertThat(scores.get(1).reasonCodes()).isEmpty();
    assertThat(scores.get(1).next().placedCountry()).isEqualTo("FR");
  }

  @Test
  void latePaymentIsJudgedOnTheTimeBetweenAndDoesNotMoveTheCardBack() {
    Instant noon = Payments.MONDAY_NOON.toInstant();
    List<Score> scores = scores(rules, CardState.empty(), List.of(
        payment().in(Payments.NEW_YORK).after(Duration.ofMinutes(30)).build(),
        payment().in(Payments.PARIS).build(),
        payment().in(Payments.NEW_YORK).after(Duration.ofMinutes(45)).build()));

    // Paris at noon arrives after New York at 12:30: still 30 minutes apart, not a negative speed
    assertThat(scores.get(1).reasonCodes()).containsExactly(ReasonCodes.IMPOSSIBLE_TRAVEL);
    assertThat(scores.get(1).next().placedCountry()).isEqualTo("US");
    assertThat(scores.get(1).next().placedAt()).contains(noon.plus(Duration.ofMinutes(30)));
    assertThat(scores.get(2).reasonCodes()).isEmpty();
  }

  private List<String> secondPayment(Payments.Place first, Payments.Place second, Duration later) {
    List<Score> scores = scores(rules, CardState.empty(), List.of(
        payment().in(first).build(),
        payment().in(second).after(later).build()));
    return scores.get(1).reasonCodes();
  }
}
