package dev.lakehouse.finance.compliance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;

/**
 * One payment as the compliance checks see it: a row of {@code finance.payments} reduced to who paid,
 * when, and how much in which currency.
 *
 * @param id the payment id ({@code payment_id}, e.g. {@code pay-00000a3f1c})
 * @param customerId the paying customer ({@code customer_id}, e.g. {@code c-00042})
 * @param at when it was paid ({@code paid_at}, UTC)
 * @param amount the amount in {@code currency}, major units (12.50 is twelve euros fifty); at least 0
 * @param currency ISO 4217 code in capitals: EUR, GBP, USD
 */
public record Transaction(String id, String customerId, Instant at, BigDecimal amount, String currency) {
  /** Oldest first; payments at the same instant in id order, so every sort gives the same sequence. */
  static final Comparator<Transaction> CHRONOLOGICAL =
      Comparator.comparing(Transaction::at).thenComparing(Transaction::id);

  public Transaction {
    Checks.nonBlank(id, "transaction id");
    Checks.nonBlank(customerId, "customer id of transaction " + id);
    Checks.present(at, "time of transaction " + id);
    if (Checks.present(amount, "amount of transaction " + id).signum() < 0) {
      throw new IllegalArgumentException(
          String.format("Invalid amount %s of transaction %s: must be at least 0", amount.toPlainString(), id));
    }
    Checks.currency(currency, "currency of transaction " + id);
  }

  /** A payment as the generator writes it: {@code amount_cents} in minor units (1250 is 12.50). */
  public static Transaction ofCents(String id, String customerId, Instant at, long amountCents, String currency) {
    return new Transaction(id, customerId, at, BigDecimal.valueOf(amountCents, 2), currency);
  }
}
