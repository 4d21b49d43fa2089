package dev.lakehouse.finance.compliance;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Sanctions screening of a customer who paid: when the customer's name matches the sanctions list,
 * the customer's payments are the evidence. Grain: one finding per customer and currency, so that
 * each finding's total is one sum; a customer with no payments gives no finding.
 */
public final class SanctionsScreening {
  private SanctionsScreening() {}

  /** Findings for one customer's payments when {@code customerName} matches the list at the rules' threshold. */
  public static List<Finding> find(String customerName, List<Transaction> ofOneCustomer, SanctionsList list,
      ComplianceRules rules) {
    return Checks.present(list, "sanctions list").match(customerName, rules.sanctionsMatchThreshold())
        .map(match -> findings(customerName, match, ofOneCustomer))
        .orElse(List.of());
  }

  /**
   * Findings for a match already made, e.g. by a UDF over the customer table: one per currency of the
   * customer's payments, oldest currency group first.
   */
  public static List<Finding> findings(String customerName, NameMatch match, List<Transaction> ofOneCustomer) {
    Checks.oneCustomer(ofOneCustomer, "sanctions screening");
    Map<String, List<Transaction>> byCurrency = ofOneCustomer.stream()
        .sorted(Transaction.CHRONOLOGICAL)
        .collect(Collectors.groupingBy(Transaction::currency, TreeMap::new, Collectors.toList()));
    return byCurrency.values().stream()
        .map(payments -> finding(customerName, match, payments))
        .sorted(Comparator.comparing(Finding::firstAt).thenComparing(Finding::currency))
        .toList();
  }

  private static Finding finding(String customerName, NameMatch match, List<Transaction> payments) {
    Transaction first = payments.get(0);
    Transaction last = payments.get(payments.size() - 1);
    String detail = String.format(Locale.ROOT,
        "Customer name '%s' matches '%s' of sanctioned entry %s with similarity %.3f",
        customerName, match.matchedName(), match.entryId(), match.score());
    return new Finding(Finding.Kind.SANCTIONS_MATCH, first.customerId(), first.at(), last.at(),
        Details.total(payments), first.currency(), Details.sortedIds(payments), detail, match.score());
  }
}
