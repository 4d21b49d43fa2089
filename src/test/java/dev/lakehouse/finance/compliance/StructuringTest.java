package dev.lakehouse.finance.compliance;

import static dev.lakehouse.finance.compliance.Payments.eur;
import static dev.lakehouse.finance.compliance.Payments.hour;
import static dev.lakehouse.finance.compliance.Payments.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Just-below payments in [8,000, 10,000), three or more within 24 hours summing above 10,000. */
class StructuringTest {
  private static final ComplianceRules RULES = ComplianceRules.defaults();

  @Test
  void threeJustBelowWithinTwentyHoursAreOneFinding() {
    List<Transaction> payments = List.of(
        eur("p1", 0, "9500.00"),
        eur("p2", 8, "9000.00"),
        eur("p3", 20, "8700.00"));

    Finding finding = single(Structuring.find(payments, RULES));

    assertThat(finding.kind()).isEqualTo(Finding.Kind.STRUCTURING);
    assertThat(finding.customerId()).isEqualTo("c-00001");
    assertThat(finding.transactionIds()).containsExactly("p1", "p2", "p3");
    assertThat(finding.firstAt()).isEqualTo(hour(0));
    assertThat(finding.lastAt()).isEqualTo(hour(20));
    assertThat(finding.totalAmount()).isEqualTo(new BigDecimal("27200.00"));
    assertThat(finding.currency()).isEqualTo("EUR");
    assertThat(finding.count()).isEqualTo(3);
    assertThat(finding.detail()).isEqualTo("3 payments each from 8000 EUR to under 10000 EUR, over 20h 00m,"
        + " in 24h 00m windows of at least 3 summing above the threshold; total 27200.00 EUR");
  }

  @Test
  void theSameSpreadOverThirtyHoursIsNone() {
    List<Transaction> payments = List.of(
        eur("p1", 0, "9500.00"),
        eur("p2", 15, "9000.00"),
        eur("p3", 30, "8700.00"));

    assertThat(Structuring.find(payments, RULES)).isEmpty();
  }

  @Test
  void fourJustBelowInOneDayAreOneFindingNotTwo() {
    List<Transaction> payments = List.of(
        eur("p1", 0, "9100.00"),
        eur("p2", 6, "9200.00"),
        eur("p3", 12, "9300.00"),
        eur("p4", 18, "9400.00"));

    Finding finding = single(Structuring.find(payments, RULES));

    assertThat(finding.transactionIds()).containsExactly("p1", "p2", "p3", "p4");
    assertThat(finding.totalAmount()).isEqualTo(new BigDecimal("37000.00"));
  }

  @Test
  void overlappingWindowsChainIntoOneEpisode() {
    // windows [0h, 20h] and [10h, 30h] both qualify and share p2 and p3
    List<Transaction> payments = List.of(
        eur("p1", 0, "9000.00"),
        eur("p2", 10, "9000.00"),
        eur("p3", 20, "9000.00"),
        eur("p4", 30, "9000.00"));

    Finding finding = single(Structuring.find(payments, RULES));

    assertThat(finding.transactionIds()).containsExactly("p1", "p2", "p3", "p4");
    assertThat(finding.firstAt()).isEqualTo(hour(0));
    assertThat(finding.lastAt()).isEqualTo(hour(30));
    assertThat(finding.detail()).contains("over 30h 00m");
  }

  @Test
  void windowsWithNoPaymentInCommonAreSeparateEpisodes() {
    List<Transaction> payments = List.of(
        eur("p1", 0, "9000.00"), eur("p2", 1, "9000.00"), eur("p3", 2, "9000.00"),
        eur("p4", 40, "8500.00"), eur("p5", 41, "8500.00"), eur("p6", 42, "8500.00"));

    List<Finding> findings = Structuring.find(payments, RULES);

    assertThat(findings).extracting(Finding::transactionIds)
        .containsExactly(List.of("p1", "p2", "p3"), List.of("p4", "p5", "p6"));
    assertThat(findings).extracting(Finding::totalAmount)
        .containsExactly(new BigDecimal("27000.00"), new BigDecimal("25500.00"));
  }

  @Test
  void twoJustBelowAreNone() {
    List<Transaction> payments = List.of(eur("p1", 0, "9900.00"), eur("p2", 1, "9900.00"));

    assertThat(Structuring.find(payments, RULES)).isEmpty();
  }

  @Test
  void paymentsAtTheThresholdAreLargeNotStructuring() {
    List<Transaction> payments = List.of(
        eur("p1", 0, "10000.00"),
        eur("p2", 1, "10000.00"),
        eur("p3", 2, "9999.99"));

    assertThat(Structuring.find(payments, RULES)).isEmpty();
    assertThat(LargeTransactions.find(payments, RULES)).extracting(Finding::transactionIds)
        .containsExactly(List.of("p1"), List.of("p2"));
  }

  @Test
  void paymentsUnderTheBandDoNotCount() {
    List<Transaction> payments = List.of(
        eur("p1", 0, "8000.00"),
        eur("p2", 1, "7999.99"),
        eur("p3", 2, "9000.00"));

    assertThat(Structuring.find(payments, RULES)).isEmpty();
  }

  @Test
  void paymentsOutsideTheBandInBetweenAreNotEvidence() {
    List<Transaction> payments = List.of(
        eur("p1", 0, "9000.00"),
        eur("p2", 1, "50.00"),
        eur("p3", 2, "9000.00"),
        eur("p4", 3, "12000.00"),
        eur("p5", 4, "9000.00"));

    assertThat(single(Structuring.find(payments, RULES)).transactionIds()).containsExactly("p1", "p3", "p5");
  }

  @Test
  void unsortedInputGivesTheSameFinding() {
    List<Transaction> sorted = List.of(
        eur("p1", 0, "9500.00"),
        eur("p2", 8, "9000.00"),
        eur("p3", 20, "8700.00"),
        eur("p4", 50, "9000.00"));
    List<Transaction> shuffled = new ArrayList<>(sorted);
    Collections.reverse(shuffled);

    assertThat(Structuring.find(shuffled, RULES)).isEqualTo(Structuring.find(sorted, RULES)).hasSize(1);
  }

  @Test
  void theWindowIncludesBothEnds() {
    List<Transaction> payments = List.of(
        eur("p1", 0, "9000.00"),
        eur("p2", 12, "9000.00"),
        eur("p3", 24, "9000.00"));
    List<Transaction> oneSecondLater = List.of(
        payments.get(0),
        payments.get(1),
        payment("p3", "c-00001", hour(24).plusSeconds(1), "9000.00", "EUR"));

    assertThat(Structuring.find(payments, RULES)).hasSize(1);
    assertThat(Structuring.find(oneSecondLater, RULES)).isEmpty();
  }

  @Test
  void theSumMustExceedTheThreshold() {
    // a band from 3,000 lets two payments stay under the threshold together
    ComplianceRules wideBand = RULES.withJustBelowFraction(new BigDecimal("0.30")).withStructuringMinCount(2);

    assertThat(Structuring.find(List.of(eur("p1", 0, "4000.00"), eur("p2", 1, "6000.00")), wideBand)).isEmpty();
    assertThat(Structuring.find(List.of(eur("p1", 0, "4000.00"), eur("p2", 1, "6000.01")), wideBand))
        .singleElement()
        .satisfies(finding -> assertThat(finding.totalAmount()).isEqualTo(new BigDecimal("10000.01")));
  }

  @Test
  void currenciesAreNeverSummedTogether() {
    List<Transaction> payments = List.of(
        eur("p1", 0, "9000.00"),
        eur("p2", 1, "9000.00"),
        payment("p3", "c-00001", hour(2), "9000.00", "GBP"),
        payment("u1", "c-00001", hour(3), "9000.00", "USD"),
        payment("u2", "c-00001", hour(4), "9000.00", "USD"),
        payment("u3", "c-00001", hour(5), "9000.00", "USD"));

    assertThat(single(Structuring.find(payments, RULES)))
        .satisfies(finding -> assertThat(finding.currency()).isEqualTo("USD"))
        .satisfies(finding -> assertThat(finding.transactionIds()).containsExactly("u1", "u2", "u3"));
  }

  @Test
  void aShorterWindowAndHigherCountApply() {
    ComplianceRules strict = RULES.withStructuringWindow(Duration.ofHours(2)).withStructuringMinCount(4);
    List<Transaction> payments = List.of(
        eur("p1", 0, "9000.00"), eur("p2", 1, "9000.00"), eur("p3", 2, "9000.00"), eur("p4", 3, "9000.00"));

    assertThat(Structuring.find(payments, strict)).isEmpty();
    assertThat(Structuring.find(payments, strict.withStructuringWindow(Duration.ofHours(3)))).hasSize(1);
  }

  @Test
  void rejectsPaymentsOfMoreThanOneCustomer() {
    List<Transaction> payments = List.of(
        eur("p1", 0, "9000.00"),
        payment("p2", "c-00002", hour(1), "9000.00", "EUR"));

    assertThatThrownBy(() -> Structuring.find(payments, RULES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid transactions: structuring looks at one customer at a time, got c-00001 and c-00002"
            + " (transaction p2)");
  }

  @Test
  void noPaymentsNoFindings() {
    assertThat(Structuring.find(List.of(), RULES)).isEmpty();
  }

  private static Finding single(List<Finding> findings) {
    assertThat(findings).hasSize(1);
    return findings.get(0);
  }
}
