package dev.lakehouse.refine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/** Splits parsed bronze rows into silver rows (deduplicated) and quarantine rows. */
public final class RefinedRecords {
  private RefinedRecords() {}

  /** Rank of a valid row among the copies of its merge key in a batch; 1 is the copy kept. */
  public static final String COPY = "_copy";
  /** sha-256 of a row's payload columns: two copies with the same content are one record delivered twice. */
  public static final String CONTENT = "_content";
  /** The content and the source position of the copy kept for the key. */
  public static final String KEPT_CONTENT = "_kept_content";
  public static final String KEPT_AT = "_kept_at";
  /** The rule of a record whose key is taken by a different record. */
  public static final String CONFLICT = "dedupe.conflict";

  /** {@link #silver(Dataset, RefineSpec, Timestamp, Map)} for a table without lookups. */
  public static Dataset<Row> silver(Dataset<Row> parsed, RefineSpec spec, Timestamp refinedAt) {
    return silver(parsed, spec, refinedAt, Map.of());
  }

  /**
   * Valid rows shaped as the silver table, one per merge key: the copy with the lowest
   * (partition, offset) wins, so a duplicate delivered twice lands once; a table with latest-by
   * keeps the copy latest by those columns instead. {@code dimensions} holds the rows of each of
   * the spec's lookups, by alias.
   */
  public static Dataset<Row> silver(Dataset<Row> parsed, RefineSpec spec, Timestamp refinedAt,
      Map<String, Dataset<Row>> dimensions) {
    return kept(ranked(parsed, spec, dimensions), spec, refinedAt);
  }

  /**
   * Valid rows with lookups and derived columns, each with its rank among the copies of its key
   * ({@link #COPY}), its content hash and the kept copy's content and source position.
   */
  public static Dataset<Row> ranked(Dataset<Row> parsed, RefineSpec spec, Map<String, Dataset<Row>> dimensions) {
    Dataset<Row> valid = parsed.filter(col(RecordParser.RULE).isNull());
    for (Lookup lookup : spec.lookups()) {
      valid = lookup.join(valid, dimensions.get(lookup.alias()));
    }
    for (Map.Entry<String, String> derived : spec.derived().entrySet()) {
      valid = valid.withColumn(derived.getKey(), expr(derived.getValue()));
    }
    // the first copy of a key by source position is the one kept, or the latest by latest-by
    List<Column> order = new ArrayList<>();
    spec.latestBy().forEach(c -> order.add(col(c).desc_nulls_last()));
    order.add(col("_kafka_partition"));
    order.add(col("_kafka_offset"));
    WindowSpec copies = Window.partitionBy(keys(spec)).orderBy(order.toArray(Column[]::new));
    return valid
        .withColumn(CONTENT, content(spec))
        .withColumn(COPY, row_number().over(copies))
        .withColumn(KEPT_CONTENT, first(col(CONTENT)).over(copies))
        .withColumn(KEPT_AT, first(position()).over(copies));
  }

  /** The kept copy of each key, shaped as the silver table. */
  public static Dataset<Row> kept(Dataset<Row> ranked, RefineSpec spec, Timestamp refinedAt) {
    return ranked.filter(col(COPY).equalTo(1)).select(silverColumns(spec, refinedAt).toArray(Column[]::new));
  }

  /**
   * The other copies of a key in the batch. With the kept copy's content they are re-deliveries
   * (dropped, counted); with other content, a record whose key is taken: {@link #CONFLICT}, unless
   * the table keeps the latest row per key, where an older row is superseded (dropped, counted).
   */
  public static Dataset<Row> otherCopies(Dataset<Row> ranked) {
    return ranked.filter(col(COPY).gt(1));
  }

  /** Marks rows (parsed bronze rows of records not kept) as conflicts with the record that holds their key. */
  public static Dataset<Row> asConflicts(Dataset<Row> rows, RefineSpec spec, Column holderAt) {
    return rows
        .withColumn(RecordParser.RULE, lit(CONFLICT))
        .withColumn(RecordParser.REASON, format_string(
            "key (%s) is already taken by the record at %s, with different content", keyText(spec), holderAt));
  }

  /** The payload's content hash of a row (payload columns only: not derived, not lineage). */
  public static Column content(RefineSpec spec) {
    Column[] payload = java.util.Arrays.stream(spec.payload().fieldNames()).map(c -> col(c)).toArray(Column[]::new);
    return sha2(to_json(struct(payload)), 256);
  }

  /** topic/partition/offset of a row's source record. */
  public static Column position() {
    return concat_ws("/", col("_kafka_topic"), col("_kafka_partition").cast(DataTypes.StringType),
        col("_kafka_offset").cast(DataTypes.StringType));
  }

  static Column[] keys(RefineSpec spec) {
    return spec.mergeKeys().stream().map(k -> col(k)).toArray(Column[]::new);
  }

  private static Column keyText(RefineSpec spec) {
    List<Column> parts = new ArrayList<>();
    for (String key : spec.mergeKeys()) {
      parts.add(concat(lit(key + "="), coalesce(col(key).cast(DataTypes.StringType), lit("null"))));
    }
    return concat_ws(", ", parts.toArray(Column[]::new));
  }

  private static List<Column> silverColumns(RefineSpec spec, Timestamp refinedAt) {
    List<Column> columns = new ArrayList<>();
    for (String field : spec.payload().fieldNames()) {
      columns.add(col(field));
    }
    spec.derived().keySet().forEach(field -> columns.add(col(field)));
    for (String field : spec.lineage()) {
      columns.add(field.equals("_refined_at") ? lit(refinedAt).as(field) : col(field));
    }
    return columns;
  }

  /** Rows that broke a rule, shaped as ops.quarantine; one row per (source record, target table, rule). */
  public static Dataset<Row> quarantine(Dataset<Row> parsed, RefineSpec spec, String queryName, long batchId,
      Timestamp quarantinedAt) {
    Column source = lit(spec.source());
    return parsed
        .filter(col(RecordParser.RULE).isNotNull())
        .select(
            // the target is part of the id: one bronze table can feed several silver tables
            sha2(concat_ws("|", source, lit(spec.target()), col("_kafka_topic"), col("_kafka_partition").cast(DataTypes.StringType),
                col("_kafka_offset").cast(DataTypes.StringType), col(RecordParser.RULE)), 256).as("quarantine_id"),
            source.as("source_table"),
            lit(spec.target()).as("target_table"),
            lit("refine").as("stage"),
            col(RecordParser.RULE).as("rule_id"),
            col(RecordParser.REASON).as("reason"),
            col("key").as("raw_key"),
            col("value").as("raw_value"),
            octet_length(col("value")).as("raw_size_bytes"),
            col("_kafka_topic"),
            col("_kafka_partition"),
            col("_kafka_offset"),
            col("_kafka_timestamp"),
            lit(queryName).as("query_name"),
            lit(batchId).as("batch_id"),
            lit(quarantinedAt).as("quarantined_at"),
            lit(null).cast(DataTypes.BinaryType).as("edited_value"),
            lit(null).cast(DataTypes.TimestampType).as("replayed_at"),
            lit(null).cast(DataTypes.StringType).as("replay_run_id"),
            to_date(lit(quarantinedAt)).as("quarantined_date"));
  }
}
