package dev.lakehouse.refine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.expr;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/** Splits parsed bronze rows into silver rows (deduplicated) and quarantine rows. */
public final class RefinedRecords {
  private RefinedRecords() {}

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
    List<Column> columns = new ArrayList<>();
    for (String field : spec.payload().fieldNames()) {
      columns.add(col(field));
    }
    spec.derived().keySet().forEach(field -> columns.add(col(field)));
    for (String field : spec.lineage()) {
      columns.add(field.equals("_refined_at") ? lit(refinedAt).as(field) : col(field));
    }
    Column[] keys = spec.mergeKeys().stream().map(k -> col(k)).toArray(Column[]::new);
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
    return valid
        .withColumn("_copy", row_number().over(Window.partitionBy(keys).orderBy(order.toArray(Column[]::new))))
        .filter(col("_copy").equalTo(1))
        .select(columns.toArray(Column[]::new));
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
