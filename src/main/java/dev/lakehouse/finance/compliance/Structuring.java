package dev.lakehouse.finance.compliance;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Structuring: one customer splits what would be a reportable amount into payments that each stay
 * just below the threshold. Grain: one finding per episode, per customer and currency.
 *
 * <p>How it is found, for each currency of the customer separately (amounts are never converted):
 * <ol>
 *   <li>keep the just-below payments ({@link ComplianceRules#isJustBelow}), oldest first;
 *   <li>slide a window over them: for each payment, the window is it and every earlier just-below
 *       payment at most {@code structuringWindow} before it (both ends included);
 *   <li>a window qualifies when it holds at least {@code structuringMinCount} payments and sums to
 *       more than the threshold;
 *   <li>qualifying windows that share a payment are one episode; its evidence is every payment in them.
 * </ol>
 * Checking only the widest window ending at each payment is enough: any narrower window that qualifies
 * lies inside it, and amounts are not negative. Two pointers make this one pass after an O(n log n)
 * sort. An episode may span more than one window length when its windows chain (four payments 10 hours
 * apart make one 30-hour episode), and then not every pair of its payments is within one window.
 *
 * <p>For a daily job: feed the customer's payments of the day plus the {@code structuringWindow} before
 * it, so an episode that crosses midnight is seen whole; {@link Finding#id()} stays the same when the
 * same episode is found from both days.
 */
public final class Structuring {
  private Structuring() {}

  /** Where an episode starts and ends, as indexes into the sorted just-below payments. */
  private record Episode(int first, int last) {}

  /** The structuring episodes in one customer's payments, in any order; oldest episode first. */
  public static List<Finding> find(List<Transaction> ofOneCustomer, ComplianceRules rules) {
    Checks.oneCustomer(ofOneCustomer, "structuring");
    Map<String, List<Transaction>> justBelowByCurrency = ofOneCustomer.stream()
        .filter(rules::isJustBelow)
        .sorted(Transaction.CHRONOLOGICAL)
        .collect(Collectors.groupingBy(Transaction::currency, TreeMap::new, Collectors.toList()));
    List<Finding> findings = new ArrayList<>();
    justBelowByCurrency.forEach((currency, justBelow) -> findings.addAll(findings(justBelow, currency, rules)));
    findings.sort(Comparator.comparing(Finding::firstAt).thenComparing(Finding::currency));
    return findings;
  }

  private static List<Finding> findings(List<Transaction> justBelow, String currency, ComplianceRules rules) {
    return episodes(justBelow, rules.thresholdFor(currency), rules).stream()
        .map(episode -> finding(justBelow.subList(episode.first(), episode.last() + 1), currency, rules))
        .toList();
  }

  // two pointers: [left, right] is the widest window ending at right
  private static List<Episode> episodes(List<Transaction> justBelow, BigDecimal threshold, ComplianceRules rules) {
    List<Episode> episodes = new ArrayList<>();
    Episode open = null;
    BigDecimal sum = BigDecimal.ZERO;
    int left = 0;
    for (int right = 0; right < justBelow.size(); right++) {
      sum = sum.add(justBelow.get(right).amount());
      while (apart(justBelow.get(left), justBelow.get(right)).compareTo(rules.structuringWindow()) > 0) {
        sum = sum.subtract(justBelow.get(left++).amount());
      }
      boolean qualifies = right - left + 1 >= rules.structuringMinCount() && sum.compareTo(threshold) > 0;
      if (qualifies && open != null && open.last() >= left) {
        // shares a payment with the open episode: the same episode, now longer
        open = new Episode(open.first(), right);
      } else if (qualifies) {
        addIfAny(episodes, open);
        open = new Episode(left, right);
      }
    }
    addIfAny(episodes, open);
    return episodes;
  }

  private static Finding finding(List<Transaction> evidence, String currency, ComplianceRules rules) {
    Transaction first = evidence.get(0);
    Transaction last = evidence.get(evidence.size() - 1);
    BigDecimal total = Details.total(evidence);
    String detail = String.format(
        "%d payments each from %s to under %s, over %s, in %s windows of at least %d summing above the threshold;"
            + " total %s",
        evidence.size(), Details.limit(rules.justBelowFloorFor(currency), currency),
        Details.limit(rules.thresholdFor(currency), currency), Details.duration(apart(first, last)),
        Details.duration(rules.structuringWindow()), rules.structuringMinCount(), Details.amount(total, currency));
    return new Finding(Finding.Kind.STRUCTURING, first.customerId(), first.at(), last.at(), total, currency,
        Details.sortedIds(evidence), detail, null);
  }

  private static Duration apart(Transaction earlier, Transaction later) {
    return Duration.between(earlier.at(), later.at());
  }

  private static void addIfAny(List<Episode> episodes, Episode episode) {
    if (episode != null) {
      episodes.add(episode);
    }
  }
}
