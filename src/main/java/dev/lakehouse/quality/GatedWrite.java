package dev.lakehouse.quality;

import dev.lakehouse.Timings;
import dev.lakehouse.catalog.TableCatalog;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Replaces a date's rows of a gold table behind the table's quality gate: the suite sees exactly
 * the rows about to be written, and an error-level failure throws before anything is written, so
 * the date keeps its previous rows. A table without a suite is written as is.
 */
public final class GatedWrite {
  private final TableCatalog catalog;
  private final QualityGate gate;

  public GatedWrite(TableCatalog catalog) {
    this(catalog, new QualityGate(catalog));
  }

  public GatedWrite(TableCatalog catalog, QualityGate gate) {
    this.catalog = catalog;
    this.gate = gate;
  }

  /** Gates {@code rows} as the date's data, then overwrites what {@code replaceWhere} selects; returns the rows written. */
  public long replace(SparkSession spark, String table, Dataset<Row> rows, Column replaceWhere, LocalDate date) {
    return replace(spark, table, rows, replaceWhere, null, List.of(date));
  }

  /**
   * Gates each date's rows ({@code dateColumn} = date) on their own, then overwrites what
   * {@code replaceWhere} selects in one commit; returns the rows written.
   */
  public long replace(SparkSession spark, String table, Dataset<Row> rows, Column replaceWhere, String dateColumn,
      List<LocalDate> dates) {
    return Timings.time("publish " + table, () -> gateAndReplace(spark, table, rows, replaceWhere, dateColumn, dates));
  }

  private long gateAndReplace(SparkSession spark, String table, Dataset<Row> rows, Column replaceWhere, String dateColumn,
      List<LocalDate> dates) {
    String[] columns = Timings.time("read the schema of " + table, () ->
        spark.read().format("delta").load(catalog.location(table)).schema().fieldNames());
    Dataset<Row> shaped = Timings.time("plan and cache the rows", () ->
        rows.select(java.util.Arrays.stream(columns).map(functions::col).toArray(Column[]::new)).persist());
    try {
      if (gate.guards(table)) {
        for (LocalDate date : dates) {
          Dataset<Row> ofDate = dateColumn == null ? shaped
              : shaped.where(functions.col(dateColumn).equalTo(functions.lit(java.sql.Date.valueOf(date))));
          gate.check(spark, ofDate, RunKey.gateForDate(table, date, Instant.now()));
        }
      }
      Timings.time("write " + table, () ->
          shaped.write().format("delta").mode("overwrite").option("replaceWhere", sql(replaceWhere)).save(catalog.location(table)));
      return shaped.count();
    } finally {
      shaped.unpersist();
    }
  }

  /**
   * The SQL text of a predicate built with the DataFrame API: Spark renders the literals (quoted and
   * escaped), so no value is ever concatenated into SQL by hand.
   */
  public static String sql(Column predicate) {
    return predicate.expr().sql();
  }

  /** {@code column = date}. */
  public static Column onDate(String column, LocalDate date) {
    return functions.col(column).equalTo(functions.lit(java.sql.Date.valueOf(date)));
  }

  /** {@code column IN (dates)}. */
  public static Column onDates(String column, List<LocalDate> dates) {
    return functions.col(column).isin(dates.stream().map(java.sql.Date::valueOf).toArray());
  }
}
