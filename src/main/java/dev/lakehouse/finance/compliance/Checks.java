package dev.lakehouse.finance.compliance;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/** Argument checks shared by the package; every message names the field and the rule it breaks. */
final class Checks {
  // ISO 4217 alphabetic codes: EUR, GBP, USD
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private Checks() {}

  static <T> T present(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(String.format("Invalid %s: must not be null", field));
    }
    return value;
  }

  static String nonBlank(String value, String field) {
    if (present(value, field).isBlank()) {
      throw new IllegalArgumentException(String.format("Invalid %s '%s': must not be blank", field, value));
    }
    return value;
  }

  static BigDecimal positive(BigDecimal value, String field) {
    if (present(value, field).signum() <= 0) {
      throw new IllegalArgumentException(
          String.format("Invalid %s %s: must be greater than 0", field, value.toPlainString()));
    }
    return value;
  }

  static String currency(String code, String field) {
    if (!CURRENCY.matcher(present(code, field)).matches()) {
      throw new IllegalArgumentException(
          String.format("Invalid %s '%s': must be an ISO 4217 code of three capital letters, e.g. EUR", field, code));
    }
    return code;
  }

  /** The transactions of one customer only; an empty list passes. */
  static void oneCustomer(List<Transaction> transactions, String check) {
    present(transactions, "transactions");
    transactions.stream()
        .filter(t -> !t.customerId().equals(transactions.get(0).customerId()))
        .findFirst()
        .ifPresent(other -> {
          throw new IllegalArgumentException(String.format(
              "Invalid transactions: %s looks at one customer at a time, got %s and %s (transaction %s)",
              check, transactions.get(0).customerId(), other.customerId(), other.id()));
        });
  }
}
