package dev.lakehouse.finance.fraud;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made payments for the rule tests: a builder whose defaults are a habitual payment (25.00 EUR
 * of groceries in Paris at noon on a winter Monday, on the card's usual device), and a card history
 * of such payments.
 */
final class Payments {
  static final ZoneId PARIS_ZONE = ZoneId.of("Europe/Paris");
  /** Paris is at UTC+1 that day. */
  static final ZonedDateTime MONDAY_NOON = ZonedDateTime.of(2026, 1, 12, 12, 0, 0, 0, PARIS_ZONE);
  static final String USUAL_DEVICE = "dev-000001";
  static final String USUAL_CATEGORY = "grocery";
  // the amounts of the habitual history, cycled: logs have mean 7.7810 and standard deviation 0.2993
  static final long[] HABITUAL_CENTS = {1500, 2500, 3500, 2000, 3000};

  record Place(String country, double latitude, double longitude) {}

  static final Place PARIS = new Place("FR", 48.8566, 2.3522);
  /** Versailles, 17 km from the centre of Paris. */
  static final Place VERSAILLES = new Place("FR", 48.8049, 2.1204);
  static final Place BERLIN = new Place("DE", 52.52, 13.405);
  static final Place NEW_YORK = new Place("US", 40.7128, -74.0060);
  static final Place MADRID = new Place("ES", 40.4168, -3.7038);
  static final Place ROME = new Place("IT", 41.9028, 12.4964);
  static final Place WARSAW = new Place("PL", 52.2297, 21.0122);
  static final Place UNKNOWN = new Place(null, Double.NaN, Double.NaN);

  private int sequence;
  private Instant paidAt = MONDAY_NOON.toInstant();
  private long amountCents = 2500;
  private String currency = "EUR";
  private String category = USUAL_CATEGORY;
  private String device = USUAL_DEVICE;
  private Place place = PARIS;
  private ZoneId zone = PARIS_ZONE;

  private Payments() {}

  static Payments payment() {
    return new Payments();
  }

  Payments at(ZonedDateTime time) {
    return at(time.toInstant());
  }

  Payments at(Instant time) {
    paidAt = time;
    return this;
  }

  Payments after(Duration elapsed) {
    return at(MONDAY_NOON.toInstant().plus(elapsed));
  }

  Payments amountCents(long cents) {
    amountCents = cents;
    return this;
  }

  Payments currency(String code) {
    currency = code;
    return this;
  }

  Payments category(String name) {
    category = name;
    return this;
  }

  Payments device(String id) {
    device = id;
    return this;
  }

  Payments in(Place where) {
    place = where;
    return this;
  }

  Payments zone(ZoneId customerZone) {
    zone = customerZone;
    return this;
  }

  Payment build() {
    sequence++;
    return new Payment("pay-" + sequence, "c-00001", "card-000001", "m-" + place.country() + "-" + category,
        category, place.country(), device, place.latitude(), place.longitude(), amountCents, currency, paidAt, zone);
  }

  /** A card with this many habitual payments, one a day at noon, the last one the day before MONDAY_NOON. */
  static CardState habitualCard(FraudRules rules, int count) {
    List<Payment> history = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      history.add(payment()
          .at(MONDAY_NOON.minusDays(count - i))
          .amountCents(HABITUAL_CENTS[i % HABITUAL_CENTS.length])
          .build());
    }
    return finalState(rules, CardState.empty(), history);
  }

  /** The scores of payments fed one after another, starting from a state. */
  static List<Score> scores(FraudRules rules, CardState start, List<Payment> payments) {
    List<Score> scores = new ArrayList<>();
    CardState state = start;
    for (Payment payment : payments) {
      Score score = rules.evaluate(state, payment);
      scores.add(score);
      state = score.next();
    }
    return scores;
  }

  static CardState finalState(FraudRules rules, CardState start, List<Payment> payments) {
    List<Score> scores = scores(rules, start, payments);
    return scores.isEmpty() ? start : scores.get(scores.size() - 1).next();
  }

  static List<String> reasons(FraudRules rules, CardState state, Payment payment) {
    return rules.evaluate(state, payment).reasonCodes();
  }
}
