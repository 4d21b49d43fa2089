package dev.lakehouse.refine;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Every valid record a refine batch does not write is accounted for. A later copy of a key with the
 * same content as the row kept is a re-delivery (dropped, counted in lineage); with other content it
 * is a different record whose key is taken, and goes to ops.quarantine as {@code dedupe.conflict}
 * naming the key and the record that holds it. In a table that keeps the latest row per key
 * (latest-by) an older row is superseded (dropped, counted). The same holds for a key already stored
 * by an earlier batch.
 */
public final class DroppedCopies {
  /** Counts of records not written, for the batch's lineage; conflicts are also quarantined. */
  public record Counts(long redelivered, long conflicts, long superseded) {
    public Counts plus(Counts other) {
      return new Counts(redelivered + other.redelivered, conflicts + other.conflicts, superseded + other.superseded);
    }

    public boolean isEmpty() {
      return redelivered == 0 && conflicts == 0 && superseded == 0;
    }
  }

  private static final String STORED_CONTENT = "_stored_content";
  private static final String STORED_AT = "_stored_at";

  private DroppedCopies() {}

  /** Parsed bronze rows of the batch's copies that conflict with the kept copy of their key (none with latest-by). */
  public static Dataset<Row> conflictsWithinBatch(Dataset<Row> ranked, RefineSpec spec) {
    Dataset<Row> others = RefinedRecords.otherCopies(ranked);
    if (spec.keepsLatest()) {
      return others.limit(0);
    }
    return RefinedRecords.asConflicts(
        others.filter(col(RefinedRecords.CONTENT).notEqual(col(RefinedRecords.KEPT_CONTENT))), spec,
        col(RefinedRecords.KEPT_AT));
  }

  /** What the batch's other copies were: re-deliveries and conflicts, or superseded rows (latest-by). */
  public static Counts withinBatch(Dataset<Row> ranked, RefineSpec spec) {
    Dataset<Row> others = RefinedRecords.otherCopies(ranked);
    if (spec.keepsLatest()) {
      return new Counts(0, 0, others.count());
    }
    Row counts = others.selectExpr(
        "count_if(" + RefinedRecords.CONTENT + " = " + RefinedRecords.KEPT_CONTENT + ")",
        "count_if(" + RefinedRecords.CONTENT + " != " + RefinedRecords.KEPT_CONTENT + ")").head();
    return new Counts(counts.getLong(0), counts.getLong(1), 0);
  }

  /**
   * The rows given to the MERGE whose key an earlier record already holds in the table ({@code
   * stored}, read after the MERGE), with that record's content and position: rows the MERGE wrote
   * itself have the same position and are not among them.
   */
  public static Dataset<Row> heldByEarlier(Dataset<Row> given, Dataset<Row> stored, RefineSpec spec) {
    Column[] storedColumns = new Column[spec.mergeKeys().size() + 2];
    int i = 0;
    for (String key : spec.mergeKeys()) {
      storedColumns[i++] = col(key).as("_stored_" + key);
    }
    storedColumns[i++] = RefinedRecords.content(spec).as(STORED_CONTENT);
    storedColumns[i] = RefinedRecords.position().as(STORED_AT);
    Column sameKey = RefinedRecords.position().notEqual(col(STORED_AT));
    for (String key : spec.mergeKeys()) {
      sameKey = sameKey.and(col(key).equalTo(col("_stored_" + key)));
    }
    return given.withColumn(RefinedRecords.CONTENT, RefinedRecords.content(spec))
        .join(stored.select(storedColumns), sameKey, "inner");
  }

  /** Counts of {@link #heldByEarlier} rows: re-deliveries and conflicts. */
  public static Counts earlier(Dataset<Row> held) {
    Row counts = held.selectExpr(
        "count_if(" + RefinedRecords.CONTENT + " = " + STORED_CONTENT + ")",
        "count_if(" + RefinedRecords.CONTENT + " != " + STORED_CONTENT + ")").head();
    return new Counts(counts.getLong(0), counts.getLong(1), 0);
  }

  /** The parsed bronze rows of {@link #heldByEarlier} rows with other content, marked as conflicts. */
  public static Dataset<Row> conflictsWithEarlier(Dataset<Row> held, Dataset<Row> parsed, RefineSpec spec) {
    Dataset<Row> conflicting = held.filter(col(RefinedRecords.CONTENT).notEqual(col(STORED_CONTENT)))
        .select(col("_kafka_topic").as("_c_topic"), col("_kafka_partition").as("_c_partition"),
            col("_kafka_offset").as("_c_offset"), col(STORED_AT));
    Dataset<Row> withHolder = parsed.join(conflicting, col("_kafka_topic").equalTo(col("_c_topic"))
        .and(col("_kafka_partition").equalTo(col("_c_partition")))
        .and(col("_kafka_offset").equalTo(col("_c_offset"))), "inner");
    return RefinedRecords.asConflicts(withHolder, spec, col(STORED_AT));
  }
}
