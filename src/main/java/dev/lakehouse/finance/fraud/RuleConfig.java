package dev.lakehouse.finance.fraud;

import java.io.Serializable;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Thresholds and weights of {@link FraudRules}, one nested record per rule; {@link #defaults()} gives
 * the documented defaults, and the {@code with...} methods replace one rule's settings. Every record
 * checks its values when built and names the field, the value and the rule in the message, e.g.
 * {@code Invalid weight 1.5 for rule AMOUNT_OVER_LIMIT: must be in [0, 1]; ...}.
 *
 * <p>Weights are in [0, 1] and combine as {@code 1 - Π(1 - w)} (see {@link Score#combine}); a weight
 * of 0 still reports the reason code, which is how a new rule is watched before it scores. The
 * default weights are starting points to be calibrated against labelled payments.
 *
 * @param amountLimit          AMOUNT_OVER_LIMIT
 * @param unusualHour          UNUSUAL_HOUR
 * @param velocities           one VELOCITY_&lt;window&gt; rule per entry, windows distinct; may be empty
 * @param smallAmountBurst     SMALL_AMOUNT_BURST
 * @param amountHistory        AMOUNT_ABOVE_HISTORY
 * @param impossibleTravel     IMPOSSIBLE_TRAVEL
 * @param newDevice            NEW_DEVICE
 * @param newMerchantCategory  NEW_MERCHANT_CATEGORY
 * @param recentPaymentsCap    the most recent payments card state keeps for the window rules (default
 *                             32, at most 1024); at least the largest {@code minPayments} of those rules
 */
public record RuleConfig(
    AmountLimit amountLimit,
    UnusualHour unusualHour,
    List<Velocity> velocities,
    SmallAmountBurst smallAmountBurst,
    AmountHistory amountHistory,
    ImpossibleTravel impossibleTravel,
    NewDevice newDevice,
    NewMerchantCategory newMerchantCategory,
    int recentPaymentsCap) implements Serializable {

  /** Controls how many recent payments card state keeps for the velocity and burst rules. */
  public static final int DEFAULT_RECENT_PAYMENTS_CAP = 32;
  private static final int MAX_RECENT_PAYMENTS_CAP = 1024;
  private static final String WINDOW_RULES = "VELOCITY and SMALL_AMOUNT_BURST";

  public RuleConfig {
    ConfigChecks.notNull(amountLimit, "amountLimit", ReasonCodes.AMOUNT_OVER_LIMIT);
    ConfigChecks.notNull(unusualHour, "unusualHour", ReasonCodes.UNUSUAL_HOUR);
    velocities = List.copyOf(ConfigChecks.notNull(velocities, "velocities", "VELOCITY"));
    ConfigChecks.notNull(smallAmountBurst, "smallAmountBurst", ReasonCodes.SMALL_AMOUNT_BURST);
    ConfigChecks.notNull(amountHistory, "amountHistory", ReasonCodes.AMOUNT_ABOVE_HISTORY);
    ConfigChecks.notNull(impossibleTravel, "impossibleTravel", ReasonCodes.IMPOSSIBLE_TRAVEL);
    ConfigChecks.notNull(newDevice, "newDevice", ReasonCodes.NEW_DEVICE);
    ConfigChecks.notNull(newMerchantCategory, "newMerchantCategory", ReasonCodes.NEW_MERCHANT_CATEGORY);
    requireDistinctWindows(velocities);
    requireRoomForWindows(recentPaymentsCap, velocities, smallAmountBurst);
  }

  /** All rules with their default settings; see each rule's {@code DEFAULT}. */
  public static RuleConfig defaults() {
    return new RuleConfig(AmountLimit.DEFAULT, UnusualHour.DEFAULT, List.of(Velocity.ONE_MINUTE, Velocity.TEN_MINUTES),
        SmallAmountBurst.DEFAULT, AmountHistory.DEFAULT, ImpossibleTravel.DEFAULT, NewDevice.DEFAULT,
        NewMerchantCategory.DEFAULT, DEFAULT_RECENT_PAYMENTS_CAP);
  }

  /** The longest window any rule looks back over: card state keeps recent payments this long. */
  public Duration largestWindow() {
    return velocities.stream()
        .map(Velocity::window)
        .reduce(smallAmountBurst.window(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
  }

  public RuleConfig withAmountLimit(AmountLimit rule) {
    return new RuleConfig(rule, unusualHour, velocities, smallAmountBurst, amountHistory, impossibleTravel, newDevice,
        newMerchantCategory, recentPaymentsCap);
  }

  public RuleConfig withUnusualHour(UnusualHour rule) {
    return new RuleConfig(amountLimit, rule, velocities, smallAmountBurst, amountHistory, impossibleTravel, newDevice,
        newMerchantCategory, recentPaymentsCap);
  }

  public RuleConfig withVelocities(List<Velocity> rules) {
    return new RuleConfig(amountLimit, unusualHour, rules, smallAmountBurst, amountHistory, impossibleTravel, newDevice,
        newMerchantCategory, recentPaymentsCap);
  }

  public RuleConfig withSmallAmountBurst(SmallAmountBurst rule) {
    return new RuleConfig(amountLimit, unusualHour, velocities, rule, amountHistory, impossibleTravel, newDevice,
        newMerchantCategory, recentPaymentsCap);
  }

  public RuleConfig withAmountHistory(AmountHistory rule) {
    return new RuleConfig(amountLimit, unusualHour, velocities, smallAmountBurst, rule, impossibleTravel, newDevice,
        newMerchantCategory, recentPaymentsCap);
  }

  public RuleConfig withImpossibleTravel(ImpossibleTravel rule) {
    return new RuleConfig(amountLimit, unusualHour, velocities, smallAmountBurst, amountHistory, rule, newDevice,
        newMerchantCategory, recentPaymentsCap);
  }

  public RuleConfig withNewDevice(NewDevice rule) {
    return new RuleConfig(amountLimit, unusualHour, velocities, smallAmountBurst, amountHistory, impossibleTravel, rule,
        newMerchantCategory, recentPaymentsCap);
  }

  public RuleConfig withNewMerchantCategory(NewMerchantCategory rule) {
    return new RuleConfig(amountLimit, unusualHour, velocities, smallAmountBurst, amountHistory, impossibleTravel,
        newDevice, rule, recentPaymentsCap);
  }

  public RuleConfig withRecentPaymentsCap(int cap) {
    return new RuleConfig(amountLimit, unusualHour, velocities, smallAmountBurst, amountHistory, impossibleTravel,
        newDevice, newMerchantCategory, cap);
  }

  // two windows of the same length would report the same reason code twice
  private static void requireDistinctWindows(List<Velocity> velocities) {
    Set<String> codes = new HashSet<>();
    for (Velocity velocity : velocities) {
      ConfigChecks.notNull(velocity, "velocities entry", "VELOCITY");
      if (!codes.add(velocity.reasonCode())) {
        throw ConfigChecks.invalid("window", velocity.window(), velocity.reasonCode(),
            "two velocity rules have this window; keep one");
      }
    }
  }

  // a window rule can only count as many payments as state keeps, plus the one being scored
  private static void requireRoomForWindows(int cap, List<Velocity> velocities, SmallAmountBurst burst) {
    ConfigChecks.atMost(cap, MAX_RECENT_PAYMENTS_CAP, "recentPaymentsCap", WINDOW_RULES);
    String neediest = ReasonCodes.SMALL_AMOUNT_BURST;
    int needed = burst.minPayments();
    for (Velocity velocity : velocities) {
      if (velocity.minPayments() > needed) {
        neediest = velocity.reasonCode();
        needed = velocity.minPayments();
      }
    }
    if (cap < needed) {
      throw ConfigChecks.invalid("recentPaymentsCap", cap, neediest,
          "must be at least " + needed + ", the rule's minPayments, so that state can hold a full window");
    }
  }

  /**
   * AMOUNT_OVER_LIMIT: the amount is strictly over the limit, in minor units of the payment's currency.
   * Default: 2,000.00 in any currency, weight 0.35. Add a per-currency limit for currencies whose unit
   * is far from the euro's (JPY: 300,000 yen is {@code 300_000} minor units).
   *
   * @param limitCents            the limit for currencies without their own entry; positive
   * @param limitCentsByCurrency  per-currency limits (ISO 4217 code to minor units); positive
   * @param weight                in [0, 1]
   */
  public record AmountLimit(long limitCents, Map<String, Long> limitCentsByCurrency, double weight)
      implements Serializable {
    public static final AmountLimit DEFAULT = new AmountLimit(200_000, Map.of(), 0.35);

    public AmountLimit {
      ConfigChecks.atLeast(limitCents, 1, "limitCents", ReasonCodes.AMOUNT_OVER_LIMIT);
      limitCentsByCurrency = Map.copyOf(
          ConfigChecks.notNull(limitCentsByCurrency, "limitCentsByCurrency", ReasonCodes.AMOUNT_OVER_LIMIT));
      limitCentsByCurrency.forEach((currency, limit) ->
          ConfigChecks.atLeast(limit, 1, "limitCentsByCurrency[" + currency + "]", ReasonCodes.AMOUNT_OVER_LIMIT));
      ConfigChecks.weight(weight, ReasonCodes.AMOUNT_OVER_LIMIT);
    }

    /** The limit that applies to a currency. */
    public long limitCentsFor(String currency) {
      return currency == null ? limitCents : limitCentsByCurrency.getOrDefault(currency, limitCents);
    }
  }

  /**
   * UNUSUAL_HOUR: the local time in the customer's zone is in [startsAt, endsAt). When startsAt is
   * after endsAt the window wraps past midnight, as the default 23:00-05:00 does (so 23:00 and 04:59
   * are in it, 22:59 and 05:00 are not). Default weight 0.15: many genuine payments happen at night.
   *
   * @param startsAt  first local time in the window
   * @param endsAt    first local time after the window; not equal to startsAt
   * @param weight    in [0, 1]
   */
  public record UnusualHour(LocalTime startsAt, LocalTime endsAt, double weight) implements Serializable {
    public static final UnusualHour DEFAULT = new UnusualHour(LocalTime.of(23, 0), LocalTime.of(5, 0), 0.15);

    public UnusualHour {
      ConfigChecks.notNull(startsAt, "startsAt", ReasonCodes.UNUSUAL_HOUR);
      ConfigChecks.notNull(endsAt, "endsAt", ReasonCodes.UNUSUAL_HOUR);
      if (startsAt.equals(endsAt)) {
        throw ConfigChecks.invalid("endsAt", endsAt, ReasonCodes.UNUSUAL_HOUR, "must differ from startsAt " + startsAt
            + "; the window would be empty or the whole day");
      }
      ConfigChecks.weight(weight, ReasonCodes.UNUSUAL_HOUR);
    }

    /** Whether a local time falls in the window, wrapping past midnight when startsAt > endsAt. */
    public boolean contains(LocalTime time) {
      boolean afterStart = !time.isBefore(startsAt);
      boolean beforeEnd = time.isBefore(endsAt);
      return startsAt.isBefore(endsAt) ? afterStart && beforeEnd : afterStart || beforeEnd;
    }
  }

  /**
   * VELOCITY_&lt;window&gt;: at least minPayments payments on the card, this one included, with event
   * times in (t - window, t], t being this payment's time. Defaults: 5 in 1 minute and 10 in 10
   * minutes (VELOCITY_1M, VELOCITY_10M), weight 0.35 each.
   *
   * @param window       whole seconds, at least 1 s; names the reason code
   * @param minPayments  at least 2
   * @param weight       in [0, 1]
   */
  public record Velocity(Duration window, int minPayments, double weight) implements Serializable {
    public static final Velocity ONE_MINUTE = new Velocity(Duration.ofMinutes(1), 5, 0.35);
    public static final Velocity TEN_MINUTES = new Velocity(Duration.ofMinutes(10), 10, 0.35);

    public Velocity {
      ConfigChecks.window(window, "VELOCITY");
      ConfigChecks.atLeast(minPayments, 2, "minPayments", ReasonCodes.velocity(window));
      ConfigChecks.weight(weight, ReasonCodes.velocity(window));
    }

    public String reasonCode() {
      return ReasonCodes.velocity(window);
    }
  }

  /**
   * SMALL_AMOUNT_BURST, card testing: this payment is at most maxAmountCents and, with it, at least
   * minPayments such payments fall in (t - window, t]. Default: 5 payments of at most 5.00 within
   * 10 minutes, weight 0.6.
   *
   * @param maxAmountCents  what counts as a small amount, minor units; at least 1
   * @param window          whole seconds, at least 1 s
   * @param minPayments     at least 2
   * @param weight          in [0, 1]
   */
  public record SmallAmountBurst(long maxAmountCents, Duration window, int minPayments, double weight)
      implements Serializable {
    public static final SmallAmountBurst DEFAULT = new SmallAmountBurst(500, Duration.ofMinutes(10), 5, 0.6);

    public SmallAmountBurst {
      ConfigChecks.atLeast(maxAmountCents, 1, "maxAmountCents", ReasonCodes.SMALL_AMOUNT_BURST);
      ConfigChecks.window(window, ReasonCodes.SMALL_AMOUNT_BURST);
      ConfigChecks.atLeast(minPayments, 2, "minPayments", ReasonCodes.SMALL_AMOUNT_BURST);
      ConfigChecks.weight(weight, ReasonCodes.SMALL_AMOUNT_BURST);
    }
  }

  /**
   * AMOUNT_ABOVE_HISTORY: z = (ln amount - mean) / max(stdDev, minStdDev) is at least minZScore, where
   * mean and stdDev are those of the log amounts of the card's earlier payments (amounts are roughly
   * log-normal, so their logs are roughly normal). Only once the card has minPayments payments.
   * Defaults: after 10 payments, z >= 3, stdDev floored at 0.3 (a card that always pays the same
   * amount would otherwise flag every small change), a horizon of 100 payments, weight 0.4.
   *
   * @param minPayments  earlier payments needed; at least 2
   * @param minZScore    positive
   * @param minStdDev    floor of the standard deviation of log amounts; positive
   * @param horizon      payments after which the statistics turn into an EWMA with alpha = 1 / horizon,
   *                     so that old habits fade; at least 2 (see {@link CardState})
   * @param weight       in [0, 1]
   */
  public record AmountHistory(int minPayments, double minZScore, double minStdDev, int horizon, double weight)
      implements Serializable {
    public static final AmountHistory DEFAULT = new AmountHistory(10, 3.0, 0.3, 100, 0.4);

    public AmountHistory {
      ConfigChecks.atLeast(minPayments, 2, "minPayments", ReasonCodes.AMOUNT_ABOVE_HISTORY);
      ConfigChecks.positive(minZScore, "minZScore", ReasonCodes.AMOUNT_ABOVE_HISTORY);
      ConfigChecks.positive(minStdDev, "minStdDev", ReasonCodes.AMOUNT_ABOVE_HISTORY);
      ConfigChecks.atLeast(horizon, 2, "horizon", ReasonCodes.AMOUNT_ABOVE_HISTORY);
      ConfigChecks.weight(weight, ReasonCodes.AMOUNT_ABOVE_HISTORY);
    }
  }

  /**
   * IMPOSSIBLE_TRAVEL: the great-circle distance from the card's last card-present payment is at least
   * minDistanceKm and more than maxSpeedKmh times the time between the two (in either order, so a
   * late payment never gives a negative speed; no time at all counts as infinite speed). Payments in
   * cardNotPresentCategories are skipped and do not move the card: an online merchant's address says
   * nothing about where the card is. Defaults: 900 km/h (an airliner), 100 km (merchants of one city
   * lie up to about 55 km apart), {@code online_services}, weight 0.6.
   *
   * @param maxSpeedKmh               positive
   * @param minDistanceKm             >= 0
   * @param cardNotPresentCategories  merchant categories whose place is not the card's
   * @param weight                    in [0, 1]
   */
  public record ImpossibleTravel(double maxSpeedKmh, double minDistanceKm, Set<String> cardNotPresentCategories,
      double weight) implements Serializable {
    public static final ImpossibleTravel DEFAULT = new ImpossibleTravel(900, 100, Set.of("online_services"), 0.6);

    public ImpossibleTravel {
      ConfigChecks.positive(maxSpeedKmh, "maxSpeedKmh", ReasonCodes.IMPOSSIBLE_TRAVEL);
      ConfigChecks.nonNegative(minDistanceKm, "minDistanceKm", ReasonCodes.IMPOSSIBLE_TRAVEL);
      cardNotPresentCategories = Set.copyOf(
          ConfigChecks.notNull(cardNotPresentCategories, "cardNotPresentCategories", ReasonCodes.IMPOSSIBLE_TRAVEL));
      ConfigChecks.weight(weight, ReasonCodes.IMPOSSIBLE_TRAVEL);
    }

    /** Whether the payment's place is where the card is: located, and not in a card-not-present category. */
    public boolean placesCard(Payment payment) {
      return payment.isLocated() && !cardNotPresentCategories.contains(payment.merchantCategory());
    }
  }

  /**
   * NEW_DEVICE: a device id the card has not used among its last {@code capacity} devices, once the
   * card has minPayments payments and at least one known device. Default: after 5 payments, 8 devices
   * remembered, weight 0.3.
   *
   * @param minPayments  at least 1
   * @param capacity     devices remembered, least recently used dropped first; 1 to 64
   * @param weight       in [0, 1]
   */
  public record NewDevice(int minPayments, int capacity, double weight) implements Serializable {
    public static final NewDevice DEFAULT = new NewDevice(5, 8, 0.3);

    public NewDevice {
      ConfigChecks.atLeast(minPayments, 1, "minPayments", ReasonCodes.NEW_DEVICE);
      ConfigChecks.atLeast(capacity, 1, "capacity", ReasonCodes.NEW_DEVICE);
      ConfigChecks.atMost(capacity, 64, "capacity", ReasonCodes.NEW_DEVICE);
      ConfigChecks.weight(weight, ReasonCodes.NEW_DEVICE);
    }
  }

  /**
   * NEW_MERCHANT_CATEGORY: a category the card has not used among its last {@code capacity}
   * categories, once the card has minPayments payments. Default: after 20 payments (a card needs
   * time to show its habits), 16 categories remembered, weight 0.2.
   *
   * @param minPayments  at least 1
   * @param capacity     categories remembered, least recently used dropped first; 1 to 64
   * @param weight       in [0, 1]
   */
  public record NewMerchantCategory(int minPayments, int capacity, double weight) implements Serializable {
    public static final NewMerchantCategory DEFAULT = new NewMerchantCategory(20, 16, 0.2);

    public NewMerchantCategory {
      ConfigChecks.atLeast(minPayments, 1, "minPayments", ReasonCodes.NEW_MERCHANT_CATEGORY);
      ConfigChecks.atLeast(capacity, 1, "capacity", ReasonCodes.NEW_MERCHANT_CATEGORY);
      ConfigChecks.atMost(capacity, 64, "capacity", ReasonCodes.NEW_MERCHANT_CATEGORY);
      ConfigChecks.weight(weight, ReasonCodes.NEW_MERCHANT_CATEGORY);
    }
  }
}
