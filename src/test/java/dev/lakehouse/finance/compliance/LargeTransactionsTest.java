package dev.lakehouse.finance.compliance;

import static dev.lakehouse.finance.compliance.Payments.eur;
import static dev.lakehouse.finance.compliance.Payments.hour;
import static dev.lakehouse.finance.compliance.Payments.payment;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One finding per payment at or above the threshold, exactly at it included. */
class LargeTransactionsTest {
  private static final ComplianceRules RULES = ComplianceRules.defaults();

  @Test
  void findsPaymentsFromTheThresholdUpOldestFirst() {
    List<Transaction> payments = List.of(
        eur("p4", 5, "25000.00"),
        eur("p1", 1, "9999.99"),
        eur("p2", 2, "10000.00"),
        eur("p3", 3, "10000.01"));

    List<Finding> findings = LargeTransactions.find(payments, RULES);

    assertThat(findings).extracting(Finding::transactionIds)
        .containsExactly(List.of("p2"), List.of("p3"), List.of("p4"));
  }

  @Test
  void aFindingCarriesThePaymentAsItsEvidence() {
    Finding finding = LargeTransactions.find(List.of(eur("p1", 2, "10000.00")), RULES).get(0);

    assertThat(finding.kind()).isEqualTo(Finding.Kind.LARGE_TRANSACTION);
    assertThat(finding.customerId()).isEqualTo("c-00001");
    assertThat(finding.firstAt()).isEqualTo(hour(2));
    assertThat(finding.lastAt()).isEqualTo(hour(2));
    assertThat(finding.totalAmount()).isEqualTo(new BigDecimal("10000.00"));
    assertThat(finding.currency()).isEqualTo("EUR");
    assertThat(finding.count()).isEqualTo(1);
    assertThat(finding.score()).isNull();
    assertThat(finding.detail()).isEqualTo("Payment of 10000.00 EUR, at or above the 10000 EUR reporting threshold");
  }

  @Test
  void eachCurrencyHasItsOwnThreshold() {
    ComplianceRules rules = RULES.withThresholdFor("GBP", new BigDecimal("8500"));
    List<Transaction> payments = List.of(
        payment("p1", "c-00001", hour(1), "8500.00", "GBP"),
        payment("p2", "c-00001", hour(2), "8500.00", "EUR"));

    assertThat(LargeTransactions.find(payments, rules)).singleElement()
        .satisfies(finding -> assertThat(finding.transactionIds()).containsExactly("p1"))
        .satisfies(finding -> assertThat(finding.detail())
            .isEqualTo("Payment of 8500.00 GBP, at or above the 8500 GBP reporting threshold"));
  }

  @Test
  void takesPaymentsOfManyCustomers() {
    List<Transaction> payments = List.of(
        payment("p1", "c-00001", hour(1), "12000.00", "EUR"),
        payment("p2", "c-00002", hour(1), "15000.00", "USD"));

    assertThat(LargeTransactions.find(payments, RULES)).extracting(Finding::customerId)
        .containsExactly("c-00001", "c-00002");
  }

  @Test
  void noPaymentsNoFindings() {
    assertThat(LargeTransactions.find(List.of(), RULES)).isEmpty();
  }
}
