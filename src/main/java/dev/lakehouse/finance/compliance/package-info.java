/**
 * Compliance checks over card payments in plain Java, no Spark: the library the finance compliance
 * job calls per date and customer group, writing each {@link dev.lakehouse.finance.compliance.Finding}
 * as a row of {@code gold.finance_compliance_findings} with its evidence (payment ids).
 *
 * <p>Checks, all configured by one {@link dev.lakehouse.finance.compliance.ComplianceRules}:
 * <ul>
 *   <li>{@link dev.lakehouse.finance.compliance.LargeTransactions}: a payment at or above the reporting
 *       threshold (10,000 in the payment's currency by default);
 *   <li>{@link dev.lakehouse.finance.compliance.Structuring}: a customer's payments just below the
 *       threshold, several within 24 hours, summing above it; one finding per episode;
 *   <li>{@link dev.lakehouse.finance.compliance.SanctionsScreening}: the customer's name matches the
 *       sanctions list, by {@link dev.lakehouse.finance.compliance.NameMatcher} over a prepared
 *       {@link dev.lakehouse.finance.compliance.SanctionsList}.
 * </ul>
 * {@link dev.lakehouse.finance.compliance.ComplianceChecks#ofCustomer} runs all three on one customer.
 *
 * <p>Conventions: amounts are {@link java.math.BigDecimal} in major units and never converted between
 * currencies, so thresholds and sums apply per currency; times are {@link java.time.Instant} (UTC);
 * evidence ids are sorted as strings. The same inputs give the same findings, in the same order, with
 * the same {@link dev.lakehouse.finance.compliance.Finding#id() ids}.
 */
package dev.lakehouse.finance.compliance;
