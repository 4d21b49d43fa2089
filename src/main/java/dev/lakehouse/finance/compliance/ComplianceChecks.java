package dev.lakehouse.finance.compliance;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every check over one customer's payments, for a Spark job that groups payments by customer (and
 * date) and maps each group to its findings. Pure Java: no Spark, no I/O.
 */
public final class ComplianceChecks {
  private ComplianceChecks() {}

  /**
   * Large transactions, then structuring episodes, then sanctions matches of one customer; each kind
   * oldest first. {@code customerName} may be null when the customer is unknown: no sanctions check.
   */
  public static List<Finding> ofCustomer(String customerName, List<Transaction> ofOneCustomer,
      SanctionsList sanctions, ComplianceRules rules) {
    Checks.oneCustomer(ofOneCustomer, "compliance checks");
    return Stream.of(
            LargeTransactions.find(ofOneCustomer, rules),
            Structuring.find(ofOneCustomer, rules),
            SanctionsScreening.find(customerName, ofOneCustomer, sanctions, rules))
        .flatMap(List::stream)
        .toList();
  }
}
