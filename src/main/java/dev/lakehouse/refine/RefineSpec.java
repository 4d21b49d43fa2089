package dev.lakehouse.refine;

import dev.lakehouse.config.LakehouseConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * How a silver table is refined, read from the table itself: its schema (payload columns, NOT NULL
 * = required, '_' columns = lineage, generated columns computed by Delta) and its properties
 * {@code lakehouse.refine.source}, {@code lakehouse.refine.format} and
 * {@code lakehouse.refine.merge-keys}; a property {@code lakehouse.derive.<column>} holds the SQL
 * expression that computes a derived column from the payload.
 *
 * <p>Optional properties: {@code lakehouse.refine.lookup.<alias>} joins a dimension (see {@link Lookup})
 * whose columns derived expressions read as {@code <alias>.<column>}; {@code lakehouse.refine.latest-by}
 * (columns, e.g. {@code changed_at, sequence}) keeps the latest row per key instead of the first, so
 * the table holds current state that out-of-order arrivals cannot roll back;
 * {@code lakehouse.refine.after} (silver tables) makes {@code refine --available-now} finish those first.
 */
public record RefineSpec(String target, String source, String format, StructType payload, List<String> required,
    List<String> mergeKeys, Map<String, String> derived, List<String> lineage, List<Lookup> lookups,
    List<String> latestBy, List<String> after) {

  static final String SOURCE = "lakehouse.refine.source";
  static final String FORMAT = "lakehouse.refine.format";
  static final String MERGE_KEYS = "lakehouse.refine.merge-keys";
  static final String DERIVE = "lakehouse.derive.";
  static final String LOOKUP = "lakehouse.refine.lookup.";
  static final String LATEST_BY = "lakehouse.refine.latest-by";
  static final String AFTER = "lakehouse.refine.after";

  public static RefineSpec of(String target, StructType schema, Map<String, String> properties) {
    String source = property(target, properties, SOURCE);
    String format = properties.getOrDefault(FORMAT, "json");
    if (!format.equals("json") && LogLines.named(format) == null) {
      throw new IllegalArgumentException(String.format(
          "Cannot refine %s: %s is '%s'; the refine step reads json or one of %s",
          target, FORMAT, format, LogLines.names()));
    }
    List<String> keys = Arrays.stream(property(target, properties, MERGE_KEYS).split(",")).map(String::trim).toList();
    StructType payload = new StructType();
    List<String> required = new ArrayList<>();
    List<String> lineage = new ArrayList<>();
    Map<String, String> derived = new java.util.LinkedHashMap<>();
    for (StructField field : schema.fields()) {
      if (properties.containsKey(DERIVE + field.name())) {
        derived.put(field.name(), properties.get(DERIVE + field.name()));
        continue;
      }
      if (field.name().startsWith("_")) {
        lineage.add(field.name());
        continue;
      }
      payload = payload.add(field.name(), field.dataType(), true);
      if (!field.nullable()) {
        required.add(field.name());
      }
    }
    for (String key : keys) {
      if (!Arrays.asList(payload.fieldNames()).contains(key) && !derived.containsKey(key)) {
        throw new IllegalArgumentException(String.format(
            "Invalid %s '%s' of %s: '%s' is neither a payload column nor a derived column of the table",
            MERGE_KEYS, String.join(",", keys), target, key));
      }
    }
    List<Lookup> lookups = properties.keySet().stream().filter(k -> k.startsWith(LOOKUP)).sorted()
        .map(k -> Lookup.parse(target, k.substring(LOOKUP.length()), properties.get(k))).toList();
    List<String> latestBy = list(properties.get(LATEST_BY));
    for (String column : latestBy) {
      if (!Arrays.asList(schema.fieldNames()).contains(column)) {
        throw new IllegalArgumentException(String.format(
            "Invalid %s '%s' of %s: '%s' is not a column of the table", LATEST_BY, properties.get(LATEST_BY), target, column));
      }
    }
    return new RefineSpec(target, source, format, payload, List.copyOf(required), keys,
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(derived)),
        List.copyOf(lineage), lookups, latestBy, list(properties.get(AFTER)));
  }

  /** Whether a newer row replaces the stored one (latest-by), rather than the first row staying. */
  public boolean keepsLatest() {
    return !latestBy.isEmpty();
  }

  private static List<String> list(String value) {
    return value == null || value.isBlank() ? List.of()
        : Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  /**
   * Parses bronze rows in this table's format: JSON objects with {@link RecordParser}, log lines
   * with {@link LineParser}. Either way the result carries the payload columns and, for unusable
   * records, {@code _rule_id} and {@code _reason}; then the record's {@link Bounds}.
   */
  public Dataset<Row> parse(Dataset<Row> bronze, LakehouseConfig.Refine limits) {
    LogLines lines = LogLines.named(format);
    Dataset<Row> parsed = lines == null
        ? RecordParser.apply(bronze, payload, required, limits.maxRecordBytes())
        : LineParser.apply(bronze, lines, payload, required, limits.maxRecordBytes());
    return new Bounds(limits.maxEventAge(), limits.maxEventLead(), limits.maxIdLength()).apply(parsed, payload);
  }

  private static String property(String target, Map<String, String> properties, String key) {
    String value = properties.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(String.format(
          "Cannot refine %s: its DDL has no TBLPROPERTIES '%s'; declare it in tables/silver/", target, key));
    }
    return value.trim();
  }
}
