package dev.lakehouse.refine;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.decode;
import static org.apache.spark.sql.functions.encode;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Bronze rows (raw {@code value} bytes) -> the payload's typed columns plus, for records that
 * cannot be used, the first rule they break:
 *
 * <ul>
 *   <li>{@code decode.empty} — no value, or zero bytes</li>
 *   <li>{@code decode.too_large} — more bytes than the limit</li>
 *   <li>{@code decode.utf8} — not valid UTF-8</li>
 *   <li>{@code parse.json} — not a JSON object (truncated, bad syntax, an array or a scalar)</li>
 *   <li>{@code parse.duplicate_key.<field>} — a field named twice in the object</li>
 *   <li>{@code parse.not_scalar.<field>} — an object or array where the column holds one value</li>
 *   <li>{@code parse.type.<field>} — a field whose value is not of the column's type</li>
 *   <li>{@code required.<field>} — a required (NOT NULL) field missing or null</li>
 * </ul>
 *
 * Valid rows have null {@code _rule_id} and {@code _reason}. Timestamps and dates must be ISO-8601
 * strings; numbers are not taken as epoch seconds.
 */
public final class RecordParser {
  public static final String RULE = "_rule_id";
  public static final String REASON = "_reason";

  private static final String CORRUPT = "_corrupt_record";
  private static final String PARSED = "_parsed";
  private static final String TEXT = "_text";
  private static final String SHAPE = "_shape";
  private static final StructType PROBLEM = new StructType().add("rule", DataTypes.StringType).add("reason", DataTypes.StringType);
  private static final String ISO_DATE_TIME =
      "^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)?)?$";

  private RecordParser() {}

  /**
   * @param bronze rows with a binary {@code value} column
   * @param payload the columns to read from the JSON object, with the types they must have
   * @param required payload columns that must be present and non-null
   * @param maxRecordBytes larger values are rejected before parsing
   */
  public static Dataset<Row> apply(Dataset<Row> bronze, StructType payload, List<String> required, int maxRecordBytes) {
    JsonShape shape = new JsonShape(Set.of(payload.fieldNames()), scalarColumns(payload));
    Dataset<Row> parsed = bronze
        .withColumn(TEXT, decode(col("value"), "UTF-8"))
        .withColumn(SHAPE, udf((UDF1<String, Row>) shape::problem, PROBLEM).apply(col(TEXT)))
        .withColumn(PARSED, from_json(col(TEXT), parseSchema(payload),
            Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", CORRUPT)));
    for (StructField field : payload.fields()) {
      parsed = parsed.withColumn(field.name(), typed(field));
    }
    List<Column[]> checks = checks(payload, required, maxRecordBytes);
    return parsed
        .withColumn(RULE, firstThatHolds(checks, 1))
        .withColumn(REASON, firstThatHolds(checks, 2))
        .drop(TEXT, PARSED, SHAPE);
  }

  /** Columns that hold one value: not a struct, an array or a map. */
  private static Set<String> scalarColumns(StructType payload) {
    Set<String> scalars = new java.util.HashSet<>();
    for (StructField field : payload.fields()) {
      DataType type = field.dataType();
      if (!(type instanceof StructType || type instanceof org.apache.spark.sql.types.ArrayType
          || type instanceof org.apache.spark.sql.types.MapType)) {
        scalars.add(field.name());
      }
    }
    return scalars;
  }

  /** JSON is read with temporal fields as strings, so their format can be checked strictly. */
  static StructType parseSchema(StructType payload) {
    StructType schema = new StructType();
    for (StructField field : payload.fields()) {
      schema = schema.add(field.name(), isTemporal(field.dataType()) ? DataTypes.StringType : field.dataType(), true);
    }
    return schema.add(CORRUPT, DataTypes.StringType, true);
  }

  private static Column typed(StructField field) {
    Column raw = col(PARSED).getField(field.name());
    if (!isTemporal(field.dataType())) {
      return raw;
    }
    return when(raw.rlike(ISO_DATE_TIME), raw.cast(field.dataType()));
  }

  /** Element {@code part} (1 rule id, 2 reason) of the first check whose condition holds, else null. */
  private static Column firstThatHolds(List<Column[]> checks, int part) {
    Column first = lit(null).cast(DataTypes.StringType);
    for (int i = checks.size() - 1; i >= 0; i--) {
      first = when(checks.get(i)[0], checks.get(i)[part]).otherwise(first);
    }
    return first;
  }

  /** (condition, rule id, reason), in the order they are checked; the first that holds wins. */
  private static List<Column[]> checks(StructType payload, List<String> required, int maxRecordBytes) {
    Column value = col("value");
    Column bytes = coalesce(octet_length(value), lit(0));
    Column text = col(TEXT);
    Column corrupt = col(PARSED).getField(CORRUPT);
    List<Column[]> checks = new ArrayList<>();
    checks.add(check(value.isNull().or(bytes.equalTo(0)), "decode.empty", lit("empty value (0 bytes)")));
    checks.add(check(bytes.gt(maxRecordBytes), "decode.too_large",
        format_string("value of %d bytes exceeds refine.max-record-bytes (%d)", bytes, lit(maxRecordBytes))));
    checks.add(check(encode(text, "UTF-8").notEqual(value), "decode.utf8", lit("value is not valid UTF-8")));
    checks.add(check(col(PARSED).isNull(), "parse.json",
        format_string("not a JSON object: %s", substring(text, 1, 120))));
    // a field named twice, or an object/array where one value belongs (see JsonShape)
    checks.add(new Column[] {col(SHAPE).isNotNull(), col(SHAPE).getField("rule"), col(SHAPE).getField("reason")});
    for (StructField field : payload.fields()) {
      checks.add(check(typeMismatch(field), "parse.type." + field.name(),
          format_string("field '%s' is not a valid %s: %s", lit(field.name()), lit(field.dataType().simpleString()),
              substring(get_json_object(text, "$." + field.name()), 1, 120))));
    }
    checks.add(check(corrupt.isNotNull(), "parse.json",
        format_string("malformed JSON (truncated or invalid syntax): %s", substring(text, 1, 120))));
    for (String field : required) {
      checks.add(check(col(field).isNull(), "required." + field,
          lit("required field '" + field + "' is missing or null")));
    }
    return checks;
  }

  private static Column typeMismatch(StructField field) {
    Column raw = get_json_object(col(TEXT), "$." + field.name());
    return raw.isNotNull().and(col(field.name()).isNull());
  }

  private static Column[] check(Column condition, String ruleId, Column reason) {
    return new Column[] {condition, lit(ruleId), reason};
  }

  private static boolean isTemporal(DataType type) {
    return type.equals(DataTypes.TimestampType) || type.equals(DataTypes.DateType);
  }
}
