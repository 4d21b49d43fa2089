package dev.lakehouse.finance.compliance;

import static dev.lakehouse.finance.compliance.Payments.eur;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One customer's day through every check, as the Spark job's mapGroups would run it. */
class ComplianceChecksTest {
  private static final ComplianceRules RULES = ComplianceRules.defaults();
  private static final SanctionsList LIST = SanctionsList.of(List.of(SanctionedName.of("SDN-2", "IVANOV, Ivan")));
  private static final List<Transaction> DAY = List.of(
      eur("p1", 0, "9500.00"),
      eur("p2", 4, "12000.00"),
      eur("p3", 8, "9000.00"),
      eur("p4", 20, "8700.00"),
      eur("p5", 21, "35.00"));

  @Test
  void largeThenStructuringThenSanctions() {
    List<Finding> findings = ComplianceChecks.ofCustomer("Ivan Ivanov", DAY, LIST, RULES);

    assertThat(findings).extracting(Finding::kind).containsExactly(
        Finding.Kind.LARGE_TRANSACTION, Finding.Kind.STRUCTURING, Finding.Kind.SANCTIONS_MATCH);
    assertThat(findings).extracting(Finding::transactionIds).containsExactly(
        List.of("p2"), List.of("p1", "p3", "p4"), List.of("p1", "p2", "p3", "p4", "p5"));
  }

  @Test
  void anUnknownNameSkipsOnlyTheSanctionsCheck() {
    assertThat(ComplianceChecks.ofCustomer(null, DAY, LIST, RULES)).extracting(Finding::kind)
        .containsExactly(Finding.Kind.LARGE_TRANSACTION, Finding.Kind.STRUCTURING);
  }

  @Test
  void theOrderOfTheInputDoesNotChangeTheFindings() {
    List<Transaction> reversed = new ArrayList<>(DAY);
    Collections.reverse(reversed);

    assertThat(ComplianceChecks.ofCustomer("Ivan Ivanov", reversed, LIST, RULES))
        .isEqualTo(ComplianceChecks.ofCustomer("Ivan Ivanov", DAY, LIST, RULES));
  }
}
