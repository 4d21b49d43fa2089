package dev.lakehouse.finance.fraud;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a card's earlier payments leave behind for the rules: one per card, kept in Spark state between
 * micro-batches. Immutable; {@link FraudRules#evaluate} returns the next one. Start a card with
 * {@link #empty()}.
 *
 * <p>Its size is bounded whatever the card's history, about 1 KB serialized with the defaults:
 * <ul>
 *   <li>recent payments (event time and amount), oldest first: only those within the largest rule
 *       window of the newest event time seen, and at most {@code recentPaymentsCap} of them;
 *   <li>the mean and variance of the log amounts: Welford's update written for the mean and the
 *       population variance, with weight {@code 1 / n} for the n-th payment:
 *       <pre>
 *         delta = x - mean;  mean += w * delta;  variance = (1 - w) * (variance + w * delta^2)
 *       </pre>
 *       Once n reaches the horizon the weight stays at {@code 1 / horizon}, which turns the same
 *       update into an exponentially weighted mean and variance, so old habits fade;
 *   <li>the last card-present place: latitude, longitude, country and event time;
 *   <li>the last devices and merchant categories used, most recent first, each capped (an LRU).
 * </ul>
 *
 * <p>Out-of-order payments: the windows are on event time, a late payment is slotted into its place
 * (or dropped if it is already outside the largest window of the newest payment), the last place
 * moves only to a newer payment, and the newest event time never goes back.
 *
 * <p>Serializable with a fixed {@code serialVersionUID}; in Spark use
 * {@code Encoders.javaSerialization(CardState.class)} or {@code Encoders.kryo(CardState.class)}.
 */
public final class CardState implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long NEVER = Long.MIN_VALUE;
  private static final String[] NONE = new String[0];
  private static final CardState EMPTY = new CardState(0, NEVER, new long[0], new long[0], 0, 0, NEVER, Double.NaN,
      Double.NaN, null, NONE, NONE);

  private final long payments;
  private final long newestAtMs;
  private final long[] recentAtMs;
  private final long[] recentAmountCents;
  private final double logAmountMean;
  private final double logAmountVariance;
  private final long placedAtMs;
  private final double placedLatitude;
  private final double placedLongitude;
  private final String placedCountry;
  private final String[] devices;
  private final String[] categories;

  private CardState(long payments, long newestAtMs, long[] recentAtMs, long[] recentAmountCents, double logAmountMean,
      double logAmountVariance, long placedAtMs, double placedLatitude, double placedLongitude, String placedCountry,
      String[] devices, String[] categories) {
    this.payments = payments;
    this.newestAtMs = newestAtMs;
    this.recentAtMs = recentAtMs;
    this.recentAmountCents = recentAmountCents;
    this.logAmountMean = logAmountMean;
    this.logAmountVariance = logAmountVariance;
    this.placedAtMs = placedAtMs;
    this.placedLatitude = placedLatitude;
    this.placedLongitude = placedLongitude;
    this.placedCountry = placedCountry;
    this.devices = devices;
    this.categories = categories;
  }

  /** A card with no payments yet. */
  public static CardState empty() {
    return EMPTY;
  }

  /** Payments seen on the card, ever. */
  public long payments() {
    return payments;
  }

  /** The latest event time seen; empty before the first payment. */
  public Optional<Instant> newestPaymentAt() {
    return payments == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(newestAtMs));
  }

  /** How many recent payments the state holds for the window rules. */
  public int recentPayments() {
    return recentAtMs.length;
  }

  /** Mean of the natural log of the amounts in minor units; 0 before the first payment. */
  public double logAmountMean() {
    return logAmountMean;
  }

  /** Standard deviation of the log amounts (population); 0 before the second payment. */
  public double logAmountStdDev() {
    return Math.sqrt(logAmountVariance);
  }

  /** When the card was last seen in a place (a card-present payment); empty if never. */
  public Optional<Instant> placedAt() {
    return isPlaced() ? Optional.of(Instant.ofEpochMilli(placedAtMs)) : Optional.empty();
  }

  /** The merchant country of the last card-present payment; null if never placed or unknown. */
  public String placedCountry() {
    return placedCountry;
  }

  /** Devices used lately, most recent first. */
  public List<String> knownDevices() {
    return List.of(devices);
  }

  /** Merchant categories used lately, most recent first. */
  public List<String> knownCategories() {
    return List.of(categories);
  }

  @Override
  public String toString() {
    return String.format("CardState[payments=%d, recent=%d, logAmountMean=%.4f, logAmountStdDev=%.4f, placedCountry=%s,"
        + " devices=%s, categories=%s]", payments, recentAtMs.length, logAmountMean, logAmountStdDev(), placedCountry,
        Arrays.toString(devices), Arrays.toString(categories));
  }

  /** The natural log of an amount in minor units; an amount of 0 counts as 1. */
  static double logAmount(long amountCents) {
    return Math.log(Math.max(1, amountCents));
  }

  /** Recent payments with event times in (fromMs, untilMs]. */
  int paymentsWithin(long fromMs, long untilMs) {
    return smallPaymentsWithin(fromMs, untilMs, Long.MAX_VALUE);
  }

  /** Recent payments of at most maxAmountCents with event times in (fromMs, untilMs]. */
  int smallPaymentsWithin(long fromMs, long untilMs, long maxAmountCents) {
    int count = 0;
    for (int i = 0; i < recentAtMs.length; i++) {
      boolean inWindow = recentAtMs[i] > fromMs && recentAtMs[i] <= untilMs;
      count += inWindow && recentAmountCents[i] <= maxAmountCents ? 1 : 0;
    }
    return count;
  }

  boolean isPlaced() {
    return placedAtMs != NEVER;
  }

  long placedAtMs() {
    return placedAtMs;
  }

  double placedLatitude() {
    return placedLatitude;
  }

  double placedLongitude() {
    return placedLongitude;
  }

  boolean hasDevices() {
    return devices.length > 0;
  }

  boolean hasCategories() {
    return categories.length > 0;
  }

  boolean knowsDevice(String deviceId) {
    return Arrays.asList(devices).contains(deviceId);
  }

  boolean knowsCategory(String category) {
    return Arrays.asList(categories).contains(category);
  }

  /** The state after one more payment, within the bounds the config sets. */
  CardState after(Payment payment, RuleConfig config) {
    long atMs = payment.paidAtMs();
    long newest = Math.max(newestAtMs, atMs);
    Recent recent = recentWith(atMs, payment.amountCents(), newest - config.largestWindow().toMillis(),
        config.recentPaymentsCap());
    // Welford's weight 1 / n, held at 1 / horizon from then on
    double weight = 1.0 / Math.min(payments + 1, config.amountHistory().horizon());
    double delta = logAmount(payment.amountCents()) - logAmountMean;
    double mean = logAmountMean + weight * delta;
    double variance = (1 - weight) * (logAmountVariance + weight * delta * delta);
    boolean moves = config.impossibleTravel().placesCard(payment) && atMs >= placedAtMs;
    return new CardState(payments + 1, newest, recent.atMs(), recent.amountCents(), mean, variance,
        moves ? atMs : placedAtMs,
        moves ? payment.latitude() : placedLatitude,
        moves ? payment.longitude() : placedLongitude,
        moves ? payment.merchantCountry() : placedCountry,
        touched(devices, payment.deviceId(), config.newDevice().capacity()),
        touched(categories, payment.merchantCategory(), config.newMerchantCategory().capacity()));
  }

  // the payment goes after those at the same time; then the oldest go: outside the window, over the cap
  private Recent recentWith(long atMs, long amountCents, long keepAfterMs, int cap) {
    int n = recentAtMs.length;
    int slot = n;
    while (slot > 0 && recentAtMs[slot - 1] > atMs) {
      slot--;
    }
    long[] times = insert(recentAtMs, slot, atMs);
    long[] amounts = insert(recentAmountCents, slot, amountCents);
    int first = Math.max(0, times.length - cap);
    while (first < times.length && times[first] <= keepAfterMs) {
      first++;
    }
    return new Recent(Arrays.copyOfRange(times, first, times.length),
        Arrays.copyOfRange(amounts, first, amounts.length));
  }

  private record Recent(long[] atMs, long[] amountCents) {}

  private static long[] insert(long[] values, int slot, long value) {
    long[] out = new long[values.length + 1];
    System.arraycopy(values, 0, out, 0, slot);
    out[slot] = value;
    System.arraycopy(values, slot, out, slot + 1, values.length - slot);
    return out;
  }

  // most recent first, without duplicates, at most capacity; a missing value changes nothing
  private static String[] touched(String[] recentFirst, String value, int capacity) {
    if (value == null || value.isBlank()) {
      return recentFirst.length <= capacity ? recentFirst : Arrays.copyOf(recentFirst, capacity);
    }
    List<String> out = new ArrayList<>(capacity);
    out.add(value);
    for (String known : recentFirst) {
      if (out.size() < capacity && !known.equals(value)) {
        out.add(known);
      }
    }
    return out.toArray(NONE);
  }
}
