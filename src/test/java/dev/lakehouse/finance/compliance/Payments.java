package dev.lakehouse.finance.compliance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Hand-made payments: customer c-00001 in EUR unless a test says otherwise, times as hours after a fixed start. */
final class Payments {
  static final String CUSTOMER = "c-00001";
  static final Instant START = Instant.parse("2024-03-01T06:00:00Z");

  private Payments() {}

  static Instant hour(long hours) {
    return START.plus(Duration.ofHours(hours));
  }

  /** A EUR payment of the usual customer, {@code hours} after the start. */
  static Transaction eur(String id, long hours, String amount) {
    return payment(id, CUSTOMER, hour(hours), amount, "EUR");
  }

  static Transaction payment(String id, String customer, Instant at, String amount, String currency) {
    return new Transaction(id, customer, at, new BigDecimal(amount), currency);
  }
}
