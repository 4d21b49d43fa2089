package dev.lakehouse.finance.compliance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One compliance finding with its evidence; one row of {@code gold.finance_compliance_findings}.
 * Every finding is about one customer and one currency, so {@code totalAmount} is a real sum.
 *
 * @param kind what was found
 * @param customerId whose payments are the evidence
 * @param firstAt the earliest of those payments
 * @param lastAt the latest of those payments (equal to {@code firstAt} for one payment)
 * @param totalAmount the sum of those payments, in {@code currency}
 * @param currency ISO 4217 code of every payment in the evidence
 * @param transactionIds the evidence: payment ids, sorted as strings, never empty
 * @param detail what was seen, in words
 * @param score the name similarity in (0, 1] for {@link Kind#SANCTIONS_MATCH}; null for the others
 */
public record Finding(
    Kind kind,
    String customerId,
    Instant firstAt,
    Instant lastAt,
    BigDecimal totalAmount,
    String currency,
    List<String> transactionIds,
    String detail,
    Double score) {

  /** What a finding is about. */
  public enum Kind {
    /** One payment at or above the reporting threshold. */
    LARGE_TRANSACTION,
    /** Several payments just below the threshold, close in time, that together exceed it. */
    STRUCTURING,
    /** The customer's name matches a name on the sanctions list. */
    SANCTIONS_MATCH;

    /** The value of the {@code kind} column: {@code large_transaction}, {@code structuring}, {@code sanctions_match}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Finding {
    Checks.present(kind, "finding kind");
    Checks.nonBlank(customerId, "finding customer id");
    Checks.present(firstAt, "finding firstAt");
    if (Checks.present(lastAt, "finding lastAt").isBefore(firstAt)) {
      throw new IllegalArgumentException(
          String.format("Invalid finding lastAt %s: must not be before firstAt %s", lastAt, firstAt));
    }
    Checks.present(totalAmount, "finding totalAmount");
    Checks.currency(currency, "finding currency");
    transactionIds = List.copyOf(Checks.present(transactionIds, "finding transactionIds"));
    if (transactionIds.isEmpty()) {
      throw new IllegalArgumentException("Invalid finding transactionIds: a finding needs at least one payment as evidence");
    }
    Checks.nonBlank(detail, "finding detail");
    score(kind, score);
  }

  /** How many payments are the evidence. */
  public int count() {
    return transactionIds.size();
  }

  /**
   * A stable key for merging into the table: sha-256 (hex) of kind, customer, currency and evidence ids.
   * The same payments found again, by a re-run or an overlapping lookback, give the same id.
   */
  public String id() {
    String key = String.join("|", kind.label(), customerId, currency, String.join(",", transactionIds));
    return HexFormat.of().formatHex(sha256().digest(key.getBytes(StandardCharsets.UTF_8)));
  }

  private static void score(Kind kind, Double score) {
    if (kind == Kind.SANCTIONS_MATCH && (score == null || !(score > 0 && score <= 1))) {
      throw new IllegalArgumentException(
          String.format("Invalid score %s of a sanctions match: must be a similarity in (0, 1]", score));
    }
    if (kind != Kind.SANCTIONS_MATCH && score != null) {
      throw new IllegalArgumentException(
          String.format("Invalid score %s of a %s finding: only sanctions matches have a score", score, kind.label()));
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot hash a finding id: this JVM has no SHA-256", e);
    }
  }
}
