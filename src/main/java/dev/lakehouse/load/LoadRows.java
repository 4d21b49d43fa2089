package dev.lakehouse.load;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.encode;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import dev.lakehouse.refine.Lookup;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * The pure steps of a load, over the rows {@link FileRecords} read (plus {@code _load_time} and
 * {@code _as_of}): lookups, defaults, allowed-value spellings, derived columns, then the rules —
 * required columns ({@code load.required.<column>}), allowed values ({@code load.allowed.<column>}),
 * checks ({@code load.check.<rule>}) and declared keys: rows giving one key different values are a
 * conflict ({@code load.key_conflict}, every such row held); exact copies of a row are duplicates
 * (the first by file and line is kept).
 */
final class LoadRows {
  static final String DUPLICATE = "_duplicate";

  private LoadRows() {}

  /** Every row, with the table's columns filled, {@code _errors} complete and {@code _duplicate}. */
  static Dataset<Row> apply(Dataset<Row> records, LoadSpec spec, Map<String, Dataset<Row>> lookups) {
    Dataset<Row> rows = records;
    for (Lookup lookup : spec.lookups()) {
      rows = lookup.join(rows, lookups.get(lookup.alias()));
    }
    for (Map.Entry<String, String> d : spec.defaults().entrySet()) {
      rows = rows.withColumn(d.getKey(), coalesce(col(d.getKey()), expr(d.getValue()).cast(type(spec, d.getKey()))));
    }
    for (Map.Entry<String, List<String>> a : spec.allowed().entrySet()) {
      rows = rows.withColumn(a.getKey(), spelled(col(a.getKey()), a.getValue()));
    }
    for (Map.Entry<String, String> d : spec.derived().entrySet()) {
      rows = rows.withColumn(d.getKey(), expr(d.getValue()).cast(type(spec, d.getKey())));
    }
    rows = rows.withColumn(FileRecords.ERRORS, concat(col(FileRecords.ERRORS), filter(array(rules(spec)), e -> e.isNotNull())));
    return keyed(rows, spec);
  }

  /** Held rows as ops.quarantine rows: one per row and rule broken, the record's text as the raw value. */
  static Dataset<Row> quarantine(Dataset<Row> held, String target, Timestamp quarantinedAt) {
    return held
        .selectExpr(FileRecords.FILE, FileRecords.LINE, FileRecords.RAW, "explode(" + FileRecords.ERRORS + ") AS _e")
        .select(
            sha2(concat_ws("|", lit("load"), lit(target), col(FileRecords.FILE), col(FileRecords.LINE).cast("string"),
                col("_e.rule")), 256).as("quarantine_id"),
            col(FileRecords.FILE).as("source_table"),
            lit(target).as("target_table"),
            lit("load").as("stage"),
            col("_e.rule").as("rule_id"),
            col("_e.reason").as("reason"),
            lit(null).cast(DataTypes.BinaryType).as("raw_key"),
            encode(col(FileRecords.RAW), "UTF-8").as("raw_value"),
            octet_length(col(FileRecords.RAW)).as("raw_size_bytes"),
            col(FileRecords.FILE).as("_kafka_topic"),
            lit(null).cast(DataTypes.IntegerType).as("_kafka_partition"),
            col(FileRecords.LINE).as("_kafka_offset"),
            lit(null).cast(DataTypes.TimestampType).as("_kafka_timestamp"),
            lit("load." + target).as("query_name"),
            lit(null).cast(DataTypes.LongType).as("batch_id"),
            lit(quarantinedAt).as("quarantined_at"),
            lit(null).cast(DataTypes.BinaryType).as("edited_value"),
            lit(null).cast(DataTypes.TimestampType).as("replayed_at"),
            lit(null).cast(DataTypes.StringType).as("replay_run_id"),
            to_date(lit(quarantinedAt)).as("quarantined_date"))
        .dropDuplicates("quarantine_id");
  }

  // a value matching an allowed one ignoring case is stored as listed (currencies upper-case)
  private static Column spelled(Column value, List<String> allowed) {
    if (allowed.equals(List.of(LoadSpec.ISO_4217))) {
      return upper(trim(value));
    }
    Column spelled = value;
    for (String v : allowed) {
      spelled = when(lower(trim(value)).equalTo(v.toLowerCase(java.util.Locale.ROOT)), lit(v)).otherwise(spelled);
    }
    return spelled;
  }

  private static Column[] rules(LoadSpec spec) {
    Column unreadable = exists(col(FileRecords.ERRORS), e -> e.getField("rule").startsWith("load.parse."));
    List<Column> rules = new ArrayList<>();
    for (StructField field : spec.columns().fields()) {
      String c = field.name();
      boolean managed = spec.mode() == LoadSpec.Mode.SCD2 && LoadSpec.SCD2_COLUMNS.contains(c);
      if (field.nullable() || managed) {
        continue;
      }
      Column mistyped = exists(col(FileRecords.ERRORS), e -> e.getField("rule").equalTo("load.type." + c));
      rules.add(when(col(c).isNull().and(not(unreadable)).and(not(mistyped)),
          error("load.required." + c, lit(required(spec, c)))));
    }
    for (Map.Entry<String, List<String>> a : spec.allowed().entrySet()) {
      Set<String> values = LoadSpec.allowedValues(a.getValue());
      Column checked = a.getValue().equals(List.of(LoadSpec.ISO_4217)) ? col(a.getKey()) : lower(col(a.getKey()));
      rules.add(when(col(a.getKey()).isNotNull().and(not(checked.isin(values.toArray()))),
          error("load.allowed." + a.getKey(), concat(lit("Invalid " + a.getKey() + " '"), col(a.getKey()),
              lit("': must be " + LoadSpec.describeAllowed(a.getValue()))))));
    }
    for (LoadSpec.Check check : spec.checks().values()) {
      rules.add(when(not(unreadable).and(not(coalesce(expr(check.condition()), lit(true)))),
          error("load.check." + check.rule(), lit("Invalid row: " + check.reason() + " (" + check.condition() + ")"))));
    }
    return rules.toArray(Column[]::new);
  }

  private static String required(LoadSpec spec, String column) {
    if (spec.derived().containsKey(column)) {
      return "Invalid row: " + column + " is required, and its derivation (" + spec.derived().get(column) + ") gives none";
    }
    if (spec.defaults().containsKey(column)) {
      return "Invalid row: " + column + " is required; the file gives none, and its default (" + spec.defaults().get(column)
          + ") gives none either";
    }
    return "Invalid row: " + column + " is required; the file gives none (map a column with --map or give one value with --set)";
  }

  // rows giving one key different values are all held; exact copies keep the first
  private static Dataset<Row> keyed(Dataset<Row> rows, LoadSpec spec) {
    Column ok = size(col(FileRecords.ERRORS)).equalTo(0);
    Column[] keys = spec.keys().stream().map(k -> col(k)).toArray(Column[]::new);
    WindowSpec byKey = Window.partitionBy(keys);
    Column values = struct(Arrays.stream(spec.inputs().fieldNames()).map(c -> col(c)).toArray(Column[]::new));
    Column where = concat(regexp_extract(col(FileRecords.FILE), "([^/]*)$", 1), lit(":"),
        coalesce(col(FileRecords.LINE).cast("string"), lit("?")));
    Dataset<Row> valid = rows.filter(ok)
        .withColumn("_versions", size(collect_set(values).over(byKey)))
        .withColumn("_copy", row_number().over(byKey.orderBy(col(FileRecords.FILE), col(FileRecords.LINE))))
        .withColumn("_copies", count(lit(1)).over(byKey))
        .withColumn("_where", slice(collect_list(where).over(byKey), 1, 5));
    Column key = concat_ws(", ", spec.keys().stream().map(k -> concat(lit(k + "="), coalesce(col(k).cast("string"), lit("null"))))
        .toArray(Column[]::new));
    Column conflict = error("load.key_conflict", concat(lit("Cannot load key "), key, lit(": "), col("_copies").cast("string"),
        lit(" rows in the input give it different values ("), concat_ws(", ", col("_where")),
        when(col("_copies").gt(5), lit(", ...")).otherwise(lit("")), lit("); keep one and load again")));
    Dataset<Row> checked = valid
        .withColumn(FileRecords.ERRORS, when(col("_versions").gt(1), array(conflict)).otherwise(col(FileRecords.ERRORS)))
        .withColumn(DUPLICATE, col("_versions").equalTo(1).and(col("_copy").gt(1)))
        .drop("_versions", "_copy", "_copies", "_where");
    return checked.unionByName(rows.filter(not(ok)).withColumn(DUPLICATE, lit(false)));
  }

  private static Column error(String rule, Column reason) {
    return struct(lit(rule).as("rule"), reason.as("reason"));
  }

  private static DataType type(LoadSpec spec, String column) {
    return spec.columns().apply(column).dataType();
  }
}
