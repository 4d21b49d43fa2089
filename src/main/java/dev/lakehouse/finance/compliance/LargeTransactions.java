package dev.lakehouse.finance.compliance;

import java.util.List;

/**
 * Large transactions: one finding per payment at or above the reporting threshold of its currency
 * ({@link ComplianceRules#isLarge}). An amount exactly at the threshold is large, so it is never
 * counted as "just below" by {@link Structuring}.
 */
public final class LargeTransactions {
  private LargeTransactions() {}

  /** One finding per large payment, of any customers, oldest first (ties in id order). */
  public static List<Finding> find(List<Transaction> transactions, ComplianceRules rules) {
    return Checks.present(transactions, "transactions").stream()
        .filter(rules::isLarge)
        .sorted(Transaction.CHRONOLOGICAL)
        .map(large -> finding(large, rules))
        .toList();
  }

  private static Finding finding(Transaction large, ComplianceRules rules) {
    String detail = String.format("Payment of %s, at or above the %s reporting threshold",
        Details.amount(large.amount(), large.currency()),
        Details.limit(rules.thresholdFor(large.currency()), large.currency()));
    return new Finding(Finding.Kind.LARGE_TRANSACTION, large.customerId(), large.at(), large.at(), large.amount(),
        large.currency(), List.of(large.id()), detail, null);
  }
}
