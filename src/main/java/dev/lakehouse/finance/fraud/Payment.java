package dev.lakehouse.finance.fraud;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One card payment as the fraud rules see it: the fields of a {@code finance.payments} record plus
 * the customer's time zone, mapped from the record's {@code customer_country} (see {@link HomeZones}).
 *
 * <p>The amount is in minor units of {@code currency} ({@code amount_cents} in the record), a
 * {@code long} rather than a {@code BigDecimal}: it is exact, costs nothing in state, and the rules
 * only compare it and take its logarithm; no rule adds amounts up in money.
 *
 * <p>Latitude and longitude are the merchant's place in degrees; {@code Double.NaN} for either means
 * unknown, and the impossible-travel rule then skips the payment. {@code deviceId} and
 * {@code merchantCategory} may be null, and the rules that need them skip the payment.
 *
 * <p>The job builds payments from silver rows that already passed validation; the constructor only
 * rejects what would make a rule meaningless (no card, no time, no zone, a negative amount).
 */
public record Payment(
    String paymentId,
    String customerId,
    String cardId,
    String merchantId,
    String merchantCategory,
    String merchantCountry,
    String deviceId,
    double latitude,
    double longitude,
    long amountCents,
    String currency,
    Instant paidAt,
    ZoneId customerZone) implements Serializable {

  public Payment {
    if (cardId == null) {
      throw new IllegalArgumentException(invalid(paymentId, "cardId null", "every payment belongs to a card"));
    }
    if (paidAt == null) {
      throw new IllegalArgumentException(invalid(paymentId, "paidAt null", "the rules run on event time"));
    }
    if (customerZone == null) {
      throw new IllegalArgumentException(
          invalid(paymentId, "customerZone null", "pass the customer's zone, e.g. from HomeZones.of(country)"));
    }
    if (amountCents < 0) {
      throw new IllegalArgumentException(
          invalid(paymentId, "amountCents " + amountCents, "must not be negative; refunds are not payments"));
    }
  }

  /** The event time in epoch milliseconds, the unit card state keeps. */
  long paidAtMs() {
    return paidAt.toEpochMilli();
  }

  /** Whether the merchant's place is known. */
  boolean isLocated() {
    return Double.isFinite(latitude) && Double.isFinite(longitude);
  }

  private static String invalid(String paymentId, String what, String rule) {
    return String.format("Invalid payment %s: %s: %s", paymentId, what, rule);
  }
}
