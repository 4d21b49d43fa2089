package dev.lakehouse.finance.compliance;

import static dev.lakehouse.finance.compliance.Payments.hour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A finding's own rules: evidence, time order, score only for sanctions, a stable id. */
class FindingTest {

  @Test
  void theIdDependsOnKindCustomerCurrencyAndEvidenceOnly() {
    Finding finding = structuring(List.of("p1", "p2", "p3"), "first detail");
    Finding sameEvidence = structuring(List.of("p1", "p2", "p3"), "other detail");
    Finding otherEvidence = structuring(List.of("p1", "p2", "p4"), "first detail");

    assertThat(finding.id()).hasSize(64).matches("[0-9a-f]+");
    assertThat(sameEvidence.id()).isEqualTo(finding.id());
    assertThat(otherEvidence.id()).isNotEqualTo(finding.id());
  }

  @Test
  void kindLabelsAreTheColumnValues() {
    assertThat(Finding.Kind.LARGE_TRANSACTION.label()).isEqualTo("large_transaction");
    assertThat(Finding.Kind.STRUCTURING.label()).isEqualTo("structuring");
    assertThat(Finding.Kind.SANCTIONS_MATCH.label()).isEqualTo("sanctions_match");
  }

  @Test
  void theEvidenceIsACopy() {
    List<String> ids = new ArrayList<>(List.of("p1"));
    Finding finding = structuring(ids, "detail");
    ids.add("p2");

    assertThat(finding.transactionIds()).containsExactly("p1");
  }

  @Test
  void rejectsAFindingWithoutEvidence() {
    assertThatThrownBy(() -> structuring(List.of(), "detail"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid finding transactionIds: a finding needs at least one payment as evidence");
  }

  @Test
  void rejectsALastTimeBeforeTheFirst() {
    assertThatThrownBy(() -> new Finding(Finding.Kind.STRUCTURING, "c-00001", hour(2), hour(1), BigDecimal.ONE, "EUR",
        List.of("p1"), "detail", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid finding lastAt 2024-03-01T07:00:00Z: must not be before firstAt 2024-03-01T08:00:00Z");
  }

  @Test
  void onlySanctionsMatchesHaveAScore() {
    assertThatThrownBy(() -> new Finding(Finding.Kind.LARGE_TRANSACTION, "c-00001", hour(1), hour(1), BigDecimal.ONE,
        "EUR", List.of("p1"), "detail", 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid score 0.5 of a large_transaction finding: only sanctions matches have a score");
    assertThatThrownBy(() -> new Finding(Finding.Kind.SANCTIONS_MATCH, "c-00001", hour(1), hour(1), BigDecimal.ONE,
        "EUR", List.of("p1"), "detail", null))
        .hasMessage("Invalid score null of a sanctions match: must be a similarity in (0, 1]");
  }

  private static Finding structuring(List<String> ids, String detail) {
    return new Finding(Finding.Kind.STRUCTURING, "c-00001", hour(0), hour(3), new BigDecimal("27000.00"), "EUR", ids,
        detail, null);
  }
}
