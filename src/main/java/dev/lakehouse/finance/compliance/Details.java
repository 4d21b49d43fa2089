package dev.lakehouse.finance.compliance;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Text and evidence shared by the checks; nothing here depends on the locale or the clock. */
final class Details {
  private Details() {}

  /** An amount as written in a detail: 27200.00 EUR. */
  static String amount(BigDecimal amount, String currency) {
    return amount.toPlainString() + " " + currency;
  }

  /** A threshold or floor without trailing zeros: 10000 EUR, 8000 EUR, 8500.5 GBP. */
  static String limit(BigDecimal limit, String currency) {
    return amount(limit.stripTrailingZeros(), currency);
  }

  /** Hours and minutes, seconds dropped: 20h 00m, 0h 45m. */
  static String duration(Duration duration) {
    return String.format(Locale.ROOT, "%dh %02dm", duration.toHours(), duration.toMinutesPart());
  }

  static BigDecimal total(List<Transaction> transactions) {
    return transactions.stream().map(Transaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The evidence column: ids sorted as strings. */
  static List<String> sortedIds(List<Transaction> transactions) {
    return transactions.stream().map(Transaction::id).sorted().toList();
  }
}
