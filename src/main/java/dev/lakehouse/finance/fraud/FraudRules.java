package dev.lakehouse.finance.fraud;

import java.io.Serializable;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule-based fraud scoring of card payments: {@code (state, payment) -> (score, reasons, next state)},
 * a pure function with no clock, no I/O and no mutable fields, so that a Spark job can fold each
 * card's payments through it in {@code flatMapGroupsWithState}.
 *
 * <p>The rules, in the order their reason codes are reported (settings in {@link RuleConfig}):
 * <ol>
 *   <li>{@code AMOUNT_OVER_LIMIT}: the amount is over the limit of its currency;
 *   <li>{@code UNUSUAL_HOUR}: the local time in the customer's zone is in 23:00-05:00 (wrapping);
 *   <li>{@code VELOCITY_1M}, {@code VELOCITY_10M}: too many payments within a sliding event-time window;
 *   <li>{@code SMALL_AMOUNT_BURST}: several tiny payments within a short window (card testing);
 *   <li>{@code AMOUNT_ABOVE_HISTORY}: the log amount is far above the card's own history;
 *   <li>{@code IMPOSSIBLE_TRAVEL}: too far from the last card-present place for the time between;
 *   <li>{@code NEW_DEVICE}, {@code NEW_MERCHANT_CATEGORY}: not seen lately on a card with history.
 * </ol>
 * Every rule compares the payment with the state <em>before</em> it; the payment itself counts in the
 * windows. The score combines the weights of the rules that fired, see {@link Score#combine}.
 */
public final class FraudRules implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final double MS_PER_HOUR = 3_600_000.0;

  private final RuleConfig config;

  public FraudRules(RuleConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("Invalid rule config null: pass RuleConfig.defaults() or your own");
    }
    this.config = config;
  }

  /** The rules with {@link RuleConfig#defaults()}. */
  public static FraudRules withDefaults() {
    return new FraudRules(RuleConfig.defaults());
  }

  public RuleConfig config() {
    return config;
  }

  /**
   * Scores a payment against the card's state and returns the state to keep. A null state is a card
   * with no payments yet. Payments may come out of event-time order (see {@link CardState}); for the
   * most faithful windows, feed each card's payments of a micro-batch sorted by event time.
   */
  public Score evaluate(CardState state, Payment payment) {
    CardState before = state == null ? CardState.empty() : state;
    Findings found = new Findings();
    found.addIf(isOverLimit(payment), ReasonCodes.AMOUNT_OVER_LIMIT, config.amountLimit().weight());
    found.addIf(isUnusualHour(payment), ReasonCodes.UNUSUAL_HOUR, config.unusualHour().weight());
    for (RuleConfig.Velocity velocity : config.velocities()) {
      found.addIf(isTooFast(before, payment, velocity), velocity.reasonCode(), velocity.weight());
    }
    found.addIf(isSmallAmountBurst(before, payment), ReasonCodes.SMALL_AMOUNT_BURST,
        config.smallAmountBurst().weight());
    found.addIf(isAboveHistory(before, payment), ReasonCodes.AMOUNT_ABOVE_HISTORY, config.amountHistory().weight());
    found.addIf(isImpossibleTravel(before, payment), ReasonCodes.IMPOSSIBLE_TRAVEL,
        config.impossibleTravel().weight());
    found.addIf(isNewDevice(before, payment), ReasonCodes.NEW_DEVICE, config.newDevice().weight());
    found.addIf(isNewCategory(before, payment), ReasonCodes.NEW_MERCHANT_CATEGORY,
        config.newMerchantCategory().weight());
    return found.score(before.after(payment, config));
  }

  /**
   * How many standard deviations the payment's log amount lies above the card's history, with the
   * deviation floored at {@code minStdDev}; what AMOUNT_ABOVE_HISTORY compares with its threshold.
   */
  public double amountZScore(CardState state, Payment payment) {
    CardState before = state == null ? CardState.empty() : state;
    double stdDev = Math.max(before.logAmountStdDev(), config.amountHistory().minStdDev());
    return (CardState.logAmount(payment.amountCents()) - before.logAmountMean()) / stdDev;
  }

  /** Names of the model's features, in the order {@link #features} returns them. */
  public static final List<String> FEATURES = List.of(
      "log_amount", "amount_z", "amount_to_limit", "log_card_payments", "local_hour", "payments_1m", "payments_10m",
      "small_payments_10m", "log_distance_km", "log_speed_kmh", "is_foreign", "is_card_present", "is_new_device",
      "is_new_category", "known_devices", "known_categories");

  /**
   * What the model sees of a payment: the same evidence the rules weigh, as numbers instead of
   * thresholds (counts in the rule windows, the amount against the card's history and its limit,
   * travel distance and speed from the last place, novelty of device and category), computed from
   * the state before the payment, like the rules. Missing evidence is 0, never NaN.
   */
  public double[] features(CardState state, Payment payment) {
    CardState before = state == null ? CardState.empty() : state;
    long atMs = payment.paidAtMs();
    LocalTime local = payment.paidAt().atZone(payment.customerZone()).toLocalTime();
    double distanceKm = 0;
    double speedKmh = 0;
    boolean cardPresent = config.impossibleTravel().placesCard(payment);
    if (before.isPlaced() && cardPresent) {
      distanceKm = GreatCircle.distanceKm(before.placedLatitude(), before.placedLongitude(), payment.latitude(),
          payment.longitude());
      double hours = Math.max(Math.abs(atMs - before.placedAtMs()) / MS_PER_HOUR, 1.0 / 60);
      speedKmh = distanceKm / hours;
    }
    long smallCents = config.smallAmountBurst().maxAmountCents();
    boolean foreign = before.placedCountry() != null && payment.merchantCountry() != null
        && !before.placedCountry().equals(payment.merchantCountry());
    return new double[] {
        CardState.logAmount(payment.amountCents()),
        before.payments() < 2 ? 0 : amountZScore(before, payment),
        (double) payment.amountCents() / config.amountLimit().limitCentsFor(payment.currency()),
        Math.log1p(before.payments()),
        local.getHour() + local.getMinute() / 60.0,
        before.paymentsWithin(atMs - 60_000, atMs) + 1,
        before.paymentsWithin(atMs - 600_000, atMs) + 1,
        before.smallPaymentsWithin(atMs - 600_000, atMs, smallCents) + (payment.amountCents() <= smallCents ? 1 : 0),
        Math.log1p(distanceKm),
        Math.log1p(speedKmh),
        foreign ? 1 : 0,
        cardPresent ? 1 : 0,
        isPresent(payment.deviceId()) && before.hasDevices() && !before.knowsDevice(payment.deviceId()) ? 1 : 0,
        isPresent(payment.merchantCategory()) && before.hasCategories()
            && !before.knowsCategory(payment.merchantCategory()) ? 1 : 0,
        before.knownDevices().size(),
        before.knownCategories().size()};
  }

  private boolean isOverLimit(Payment payment) {
    return payment.amountCents() > config.amountLimit().limitCentsFor(payment.currency());
  }

  private boolean isUnusualHour(Payment payment) {
    LocalTime local = payment.paidAt().atZone(payment.customerZone()).toLocalTime();
    return config.unusualHour().contains(local);
  }

  // this payment and the earlier ones in (t - window, t]
  private static boolean isTooFast(CardState before, Payment payment, RuleConfig.Velocity velocity) {
    long atMs = payment.paidAtMs();
    return before.paymentsWithin(atMs - velocity.window().toMillis(), atMs) + 1 >= velocity.minPayments();
  }

  private boolean isSmallAmountBurst(CardState before, Payment payment) {
    RuleConfig.SmallAmountBurst burst = config.smallAmountBurst();
    long atMs = payment.paidAtMs();
    return payment.amountCents() <= burst.maxAmountCents()
        && before.smallPaymentsWithin(atMs - burst.window().toMillis(), atMs, burst.maxAmountCents()) + 1
        >= burst.minPayments();
  }

  private boolean isAboveHistory(CardState before, Payment payment) {
    RuleConfig.AmountHistory history = config.amountHistory();
    return before.payments() >= history.minPayments() && amountZScore(before, payment) >= history.minZScore();
  }

  // distance over the time between, in either order; no time at all is infinitely fast
  private boolean isImpossibleTravel(CardState before, Payment payment) {
    RuleConfig.ImpossibleTravel travel = config.impossibleTravel();
    if (!before.isPlaced() || !travel.placesCard(payment)) {
      return false;
    }
    double distanceKm = GreatCircle.distanceKm(before.placedLatitude(), before.placedLongitude(),
        payment.latitude(), payment.longitude());
    double elapsedHours = Math.abs(payment.paidAtMs() - before.placedAtMs()) / MS_PER_HOUR;
    return distanceKm >= travel.minDistanceKm() && distanceKm > travel.maxSpeedKmh() * elapsedHours;
  }

  private boolean isNewDevice(CardState before, Payment payment) {
    return isPresent(payment.deviceId())
        && before.payments() >= config.newDevice().minPayments()
        && before.hasDevices()
        && !before.knowsDevice(payment.deviceId());
  }

  private boolean isNewCategory(CardState before, Payment payment) {
    return isPresent(payment.merchantCategory())
        && before.payments() >= config.newMerchantCategory().minPayments()
        && before.hasCategories()
        && !before.knowsCategory(payment.merchantCategory());
  }

  private static boolean isPresent(String value) {
    return value != null && !value.isBlank();
  }

  /** Reason codes and weights of the rules that fired, in rule order. */
  private static final class Findings {
    private final List<String> reasonCodes = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();

    void addIf(boolean fired, String reasonCode, double weight) {
      if (fired) {
        reasonCodes.add(reasonCode);
        weights.add(weight);
      }
    }

    Score score(CardState next) {
      return new Score(Score.combine(weights.stream().mapToDouble(Double::doubleValue).toArray()), reasonCodes, next);
    }
  }
}
