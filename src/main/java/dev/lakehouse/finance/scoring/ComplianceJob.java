package dev.lakehouse.finance.scoring;

import static org.apache.spark.sql.functions.col;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.finance.compliance.ComplianceChecks;
import dev.lakehouse.finance.compliance.ComplianceRules;
import dev.lakehouse.finance.compliance.Finding;
import dev.lakehouse.finance.compliance.SanctionedName;
import dev.lakehouse.finance.compliance.SanctionsList;
import dev.lakehouse.finance.compliance.Transaction;
import dev.lakehouse.quality.GatedWrite;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Compliance checks of a date over silver.finance_payments, per customer on the executors: large
 * transactions, structuring episodes and (when silver.finance_customers and
 * silver.finance_sanctions hold names) sanctions matches. The day before is read too, so an
 * episode that crosses midnight is seen whole; a finding belongs to the date of its last payment.
 * The date's findings in gold.finance_compliance_findings are replaced.
 */
public final class ComplianceJob {
  public static final String TABLE = "gold.finance_compliance_findings";

  static final StructType SCHEMA = new StructType()
      .add("finding_id", DataTypes.StringType, false)
      .add("finding_date", DataTypes.DateType, false)
      .add("kind", DataTypes.StringType, false)
      .add("customer_id", DataTypes.StringType, false)
      .add("first_at", DataTypes.TimestampType, false)
      .add("last_at", DataTypes.TimestampType, false)
      .add("total_amount", DataTypes.createDecimalType(18, 2), false)
      .add("currency", DataTypes.StringType, false)
      .add("payment_ids", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("payments", DataTypes.IntegerType, false)
      .add("detail", DataTypes.StringType, false)
      .add("match_score", DataTypes.DoubleType, true)
      .add("computed_at", DataTypes.TimestampType, false);

  private final TableCatalog catalog;
  private final ComplianceRules rules;

  public ComplianceJob(TableCatalog catalog, ComplianceRules rules) {
    this.catalog = catalog;
    this.rules = rules;
  }

  /** Checks the date and writes its findings; returns them. */
  public List<Row> run(SparkSession spark, LocalDate date) {
    Map<String, List<String>> names = new LinkedHashMap<>();
    spark.table("silver.finance_sanctions").select("entry_id", "name").orderBy("entry_id", "name").collectAsList()
        .forEach(r -> names.computeIfAbsent(r.getString(0), id -> new ArrayList<>()).add(r.getString(1)));
    SanctionsList sanctions = SanctionsList.of(names.entrySet().stream()
        .map(e -> new SanctionedName(e.getKey(), List.copyOf(e.getValue()))).toList());
    Dataset<Row> payments = spark.table("silver.finance_payments")
        .where(col("paid_date").between(Date.valueOf(date.minusDays(1)), Date.valueOf(date)))
        // one name per customer (the latest loaded), so a customer loaded twice does not double its payments
        .join(spark.sql("SELECT customer_id, max_by(full_name, loaded_at) AS full_name FROM silver.finance_customers "
            + "GROUP BY customer_id"), new String[] {"customer_id"}, "left")
        .select("customer_id", "payment_id", "paid_at", "amount_cents", "currency", "full_name");
    Dataset<Row> findings = payments
        .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .flatMapGroups(new CheckCustomer(sanctions, rules, date, Timestamp.from(Instant.now())), Encoders.row(SCHEMA))
        .persist();
    try {
      new GatedWrite(catalog).replace(spark, TABLE, findings, GatedWrite.onDate("finding_date", date), date);
      return findings.orderBy("kind", "customer_id", "first_at").collectAsList();
    } finally {
      findings.unpersist();
    }
  }

  /** All checks of one customer's payments; keeps the findings whose last payment is on the date. */
  static final class CheckCustomer implements FlatMapGroupsFunction<String, Row, Row> {
    private final SanctionsList sanctions;
    private final ComplianceRules rules;
    private final LocalDate date;
    private final Timestamp computedAt;

    CheckCustomer(SanctionsList sanctions, ComplianceRules rules, LocalDate date, Timestamp computedAt) {
      this.sanctions = sanctions;
      this.rules = rules;
      this.date = date;
      this.computedAt = computedAt;
    }

    @Override
    public Iterator<Row> call(String customer, Iterator<Row> rows) {
      List<Transaction> transactions = new ArrayList<>();
      String name = null;
      while (rows.hasNext()) {
        Row r = rows.next();
        transactions.add(Transaction.ofCents(r.getString(1), customer, r.getTimestamp(2).toInstant(), r.getLong(3), r.getString(4)));
        name = r.isNullAt(5) ? name : r.getString(5);
      }
      List<Row> out = new ArrayList<>();
      for (Finding f : ComplianceChecks.ofCustomer(sanctions.size() == 0 ? null : name, transactions, sanctions, rules)) {
        LocalDate day = LocalDate.ofInstant(f.lastAt(), ZoneOffset.UTC);
        if (day.equals(date)) {
          out.add(RowFactory.create(f.id(), Date.valueOf(day), f.kind().label(), customer, Timestamp.from(f.firstAt()),
              Timestamp.from(f.lastAt()), f.totalAmount().setScale(2, java.math.RoundingMode.HALF_UP), f.currency(),
              f.transactionIds().toArray(String[]::new), f.count(), f.detail(), f.score(), computedAt));
        }
      }
      return out.iterator();
    }
  }
}
