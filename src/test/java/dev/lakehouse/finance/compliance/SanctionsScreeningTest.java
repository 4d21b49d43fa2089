package dev.lakehouse.finance.compliance;

import static dev.lakehouse.finance.compliance.Payments.eur;
import static dev.lakehouse.finance.compliance.Payments.hour;
import static dev.lakehouse.finance.compliance.Payments.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A matching customer's payments become the evidence, one finding per currency. */
class SanctionsScreeningTest {
  private static final ComplianceRules RULES = ComplianceRules.defaults();
  private static final SanctionsList LIST = SanctionsList.of(List.of(
      SanctionedName.of("SDN-2", "IVANOV, Ivan", "Иван Иванов")));

  @Test
  void aMatchingCustomerGetsOneFindingPerCurrency() {
    List<Transaction> payments = List.of(
        eur("p2", 5, "20.00"),
        payment("p3", "c-00001", hour(3), "7.25", "GBP"),
        eur("p1", 1, "100.50"));

    List<Finding> findings = SanctionsScreening.find("Mr Ivan Ivanov", payments, LIST, RULES);

    assertThat(findings).hasSize(2);
    Finding eur = findings.get(0);
    assertThat(eur.kind()).isEqualTo(Finding.Kind.SANCTIONS_MATCH);
    assertThat(eur.customerId()).isEqualTo("c-00001");
    assertThat(eur.transactionIds()).containsExactly("p1", "p2");
    assertThat(eur.firstAt()).isEqualTo(hour(1));
    assertThat(eur.lastAt()).isEqualTo(hour(5));
    assertThat(eur.totalAmount()).isEqualTo(new BigDecimal("120.50"));
    assertThat(eur.score()).isEqualTo(1.0);
    assertThat(eur.detail())
        .isEqualTo("Customer name 'Mr Ivan Ivanov' matches 'IVANOV, Ivan' of sanctioned entry SDN-2 with similarity 1.000");
    assertThat(findings.get(1).currency()).isEqualTo("GBP");
    assertThat(findings.get(1).transactionIds()).containsExactly("p3");
  }

  @Test
  void aCustomerWhoDoesNotMatchHasNoFinding() {
    assertThat(SanctionsScreening.find("Ivan Petrov", List.of(eur("p1", 1, "10.00")), LIST, RULES)).isEmpty();
    assertThat(SanctionsScreening.find(null, List.of(eur("p1", 1, "10.00")), LIST, RULES)).isEmpty();
  }

  @Test
  void theRulesThresholdApplies() {
    SanctionsList smiths = SanctionsList.of(List.of(SanctionedName.of("UK-7", "John Smith")));
    List<Transaction> payments = List.of(eur("p1", 1, "10.00"));

    assertThat(SanctionsScreening.find("Jon Smith", payments, smiths, RULES)).singleElement()
        .satisfies(finding -> assertThat(finding.score()).isCloseTo(0.9733, within(1e-4)));
    assertThat(SanctionsScreening.find("Jon Smith", payments, smiths, RULES.withSanctionsMatchThreshold(0.98))).isEmpty();
  }

  @Test
  void aMatchingCustomerWithoutPaymentsHasNoFinding() {
    assertThat(SanctionsScreening.find("Ivan Ivanov", List.of(), LIST, RULES)).isEmpty();
  }

  @Test
  void rejectsPaymentsOfMoreThanOneCustomer() {
    List<Transaction> payments = List.of(eur("p1", 1, "10.00"), payment("p2", "c-00009", hour(2), "1.00", "EUR"));

    assertThatThrownBy(() -> SanctionsScreening.find("Ivan Ivanov", payments, LIST, RULES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid transactions: sanctions screening looks at one customer at a time, got c-00001 and c-00009"
            + " (transaction p2)");
  }
}
