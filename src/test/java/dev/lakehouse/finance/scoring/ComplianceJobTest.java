package dev.lakehouse.finance.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.finance.compliance.ComplianceRules;
import dev.lakehouse.testing.TestLakehouse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Compliance findings of 2026-11-21 over hand-made payments, a customer table and a sanctions list. */
class ComplianceJobTest {
  private static final LocalDate DATE = LocalDate.of(2026, 11, 21);
  private static Lakehouse lakehouse;
  private static List<Row> findings;

  @BeforeAll
  static void check() {
    lakehouse = TestLakehouse.fresh();
    List<Row> payments = new ArrayList<>();
    // c-1 structures: 9,500 + 9,000 + 8,700 EUR within 20 hours across midnight; the last on the 21st
    payments.add(payment("p-1", "c-1", "2026-11-20 18:00:00", 950_000, "EUR"));
    payments.add(payment("p-2", "c-1", "2026-11-21 02:00:00", 900_000, "EUR"));
    payments.add(payment("p-3", "c-1", "2026-11-21 14:00:00", 870_000, "EUR"));
    // c-2 pays 12,000 USD once (large) and 9,900 USD once (alone: not structuring)
    payments.add(payment("p-4", "c-2", "2026-11-21 10:00:00", 1_200_000, "USD"));
    payments.add(payment("p-5", "c-2", "2026-11-21 11:00:00", 990_000, "USD"));
    // c-3 is on the sanctions list under another spelling; c-4 pays 9,000 on the 20th only (another date's business)
    payments.add(payment("p-6", "c-3", "2026-11-21 09:00:00", 2_500, "EUR"));
    payments.add(payment("p-7", "c-4", "2026-11-20 09:00:00", 900_000, "EUR"));
    write("silver.finance_payments", payments);
    Timestamp now = new Timestamp(System.currentTimeMillis());
    write("silver.finance_customers", List.of(RowFactory.create("c-3", "Mr. Ivan IVANOV", now),
        RowFactory.create("c-1", "Anna Schmidt", now)));
    write("silver.finance_sanctions", List.of(RowFactory.create("sdn-1", "Ivanov, Ivan", "TEST", now),
        RowFactory.create("sdn-1", "Iwan Iwanow", "TEST", now), RowFactory.create("sdn-2", "Petra Novak", "TEST", now)));
    findings = new ComplianceJob(lakehouse.catalog(), ComplianceRules.defaults()).run(lakehouse.spark(), DATE);
  }

  private static Row payment(String id, String customer, String at, long cents, String currency) {
    Timestamp paidAt = Timestamp.valueOf(at);
    return RowFactory.create(id, customer, "DE", "card-" + customer, "m-1", "electronics", "DE", cents, currency, "dev-1", 52.5, 13.4,
        paidAt, Date.valueOf(paidAt.toLocalDateTime().toLocalDate()), false, null, "finance.payments", 0, 0L, paidAt, paidAt);
  }

  private static void write(String table, List<Row> rows) {
    lakehouse.spark().createDataFrame(rows, lakehouse.spark().table(table).schema()).write().format("delta").mode("append")
        .save(lakehouse.catalog().location(table));
  }

  @Test
  void findsTheLargePaymentTheStructuringEpisodeAndTheSanctionsMatchWithTheirEvidence() {
    assertThat(lakehouse.spark().sql("SELECT kind, customer_id, payment_ids, total_amount, currency FROM "
            + "gold.finance_compliance_findings ORDER BY kind, customer_id").collectAsList())
        .extracting(Row::toString)
        .containsExactly(
            "[large_transaction,c-2,WrappedArray(p-4),12000.00,USD]",
            "[sanctions_match,c-3,WrappedArray(p-6),25.00,EUR]",
            "[structuring,c-1,WrappedArray(p-1, p-2, p-3),27200.00,EUR]");
    assertThat(findings).hasSize(3);
    assertThat(lakehouse.spark().sql("SELECT match_score FROM gold.finance_compliance_findings WHERE kind = 'sanctions_match'")
        .head().getDouble(0)).isGreaterThanOrEqualTo(0.92);
  }

  @Test
  void runningTheDateAgainReplacesItsFindings() {
    new ComplianceJob(lakehouse.catalog(), ComplianceRules.defaults()).run(lakehouse.spark(), DATE);
    assertThat(lakehouse.spark().sql("SELECT count(*), count(DISTINCT finding_id) FROM gold.finance_compliance_findings")
        .head().toString()).isEqualTo("[3,3]");
  }
}
