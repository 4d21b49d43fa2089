package dev.lakehouse.load;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.catalog.TableDefinition;
import dev.lakehouse.refine.Lookup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.catalyst.plans.logical.CreateTable;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * How a table is loaded from files, read from its DDL in {@code tables/}: the columns (NOT NULL =
 * required), and the {@code TBLPROPERTIES} that start with {@code lakehouse.load.}:
 * <ul>
 *   <li>{@code keys}: the declared key columns, comma-separated; a table without them is not loadable;
 *   <li>{@code mode}: {@code merge} (default: insert new keys, update changed rows) or {@code scd2} (a
 *       type 2 dimension with one key and the columns valid_from, valid_to, is_current, _loaded_at);
 *   <li>{@code default.<column>}: a SQL expression giving the column when a file has no value for it;
 *   <li>{@code derive.<column>}: a SQL expression always computing the column (a file cannot set it);
 *   <li>{@code allowed.<column>}: the values the column may take, comma-separated (matched ignoring case,
 *       stored as listed), or {@code iso-4217} for a currency code;
 *   <li>{@code check.<rule>}: a SQL condition every row must meet (a null result passes), with
 *       {@code check.<rule>.reason} saying in words what it asks;
 *   <li>{@code lookup.<alias>}: {@code <table> ON <key>}, a table joined before defaults and checks,
 *       read as {@code <alias>.<column>} (see {@link Lookup}).
 * </ul>
 * Expressions may also read {@code _load_time} (when the load runs), {@code _as_of} (the load's
 * {@code --as-of} date), {@code _source_file} and {@code _source_line} (where the row came from).
 */
public record LoadSpec(String table, Mode mode, List<String> keys, StructType columns, StructType inputs,
    List<String> required, Map<String, String> defaults, Map<String, String> derived,
    Map<String, List<String>> allowed, Map<String, Check> checks, List<Lookup> lookups) {

  static final String PREFIX = "lakehouse.load.";
  static final String KEYS = PREFIX + "keys";
  static final String MODE = PREFIX + "mode";
  static final String DEFAULT = PREFIX + "default.";
  static final String DERIVE = PREFIX + "derive.";
  static final String ALLOWED = PREFIX + "allowed.";
  static final String CHECK = PREFIX + "check.";
  static final String LOOKUP = PREFIX + "lookup.";
  static final String REASON_SUFFIX = ".reason";
  /** The allowed-values spelling that means an ISO 4217 currency code. */
  public static final String ISO_4217 = "iso-4217";
  /** The columns of a type 2 dimension that the load keeps, not the file. */
  public static final List<String> SCD2_COLUMNS = List.of("valid_from", "valid_to", "is_current", "_loaded_at");

  /** How rows reach the table. */
  public enum Mode {
    /** Insert rows with new keys, update rows whose values changed, leave the others. */
    MERGE,
    /** Type 2 dimension: a changed row closes the current version and opens a new one. */
    SCD2
  }

  /** A condition rows must meet, and what it asks in words. */
  public record Check(String rule, String condition, String reason) {}

  /** The loadable tables of the catalog: those whose DDL declares load keys. */
  public static List<String> loadable(TableCatalog catalog) {
    return catalog.definitions().stream()
        .filter(d -> d.ddl().contains("'" + KEYS + "'"))
        .map(TableDefinition::name)
        .sorted()
        .toList();
  }

  /** The spec of a declared table; a table without load keys is an error listing the loadable ones. */
  public static LoadSpec of(TableCatalog catalog, String table) {
    TableDefinition definition = catalog.definition(table);
    if (!definition.ddl().contains("'" + KEYS + "'")) {
      throw new IllegalArgumentException(String.format(
          "Cannot load %s from files: it is filled by the pipeline, not by users; loadable tables are %s",
          definition.name(), loadable(catalog)));
    }
    return parse(definition);
  }

  /** Reads the columns and properties of a table's DDL. */
  static LoadSpec parse(TableDefinition definition) {
    LogicalPlan plan = CatalystSqlParser$.MODULE$.parsePlan(definition.ddl());
    if (!(plan instanceof CreateTable create)) {
      throw new IllegalArgumentException("Invalid table file for " + definition.name() + ": not a CREATE TABLE statement");
    }
    Map<String, String> properties = new TreeMap<>(JavaConverters.mapAsJavaMap(create.tableSpec().properties()));
    return of(definition.name(), create.tableSchema(), properties);
  }

  static LoadSpec of(String table, StructType columns, Map<String, String> properties) {
    List<String> names = Arrays.asList(columns.fieldNames());
    Mode mode = mode(table, properties.getOrDefault(MODE, "merge"));
    List<String> keys = list(properties.get(KEYS));
    if (keys.isEmpty()) {
      throw invalid(table, KEYS, properties.get(KEYS), "name the key columns, comma-separated");
    }
    keys.forEach(k -> requireColumn(table, KEYS, k, names));
    if (mode == Mode.SCD2) {
      if (keys.size() != 1) {
        throw invalid(table, KEYS, properties.get(KEYS), "a type 2 dimension has one key column");
      }
      SCD2_COLUMNS.forEach(c -> requireColumn(table, MODE, c, names));
    }
    Map<String, String> defaults = byColumn(table, properties, DEFAULT, names);
    Map<String, String> derived = byColumn(table, properties, DERIVE, names);
    Map<String, List<String>> allowed = new LinkedHashMap<>();
    byColumn(table, properties, ALLOWED, names).forEach((column, values) -> allowed.put(column, list(values)));
    Map<String, Check> checks = new LinkedHashMap<>();
    properties.forEach((key, condition) -> {
      if (key.startsWith(CHECK) && !key.endsWith(REASON_SUFFIX)) {
        String rule = key.substring(CHECK.length());
        checks.put(rule, new Check(rule, condition, properties.getOrDefault(key + REASON_SUFFIX, "must meet " + condition)));
      }
    });
    List<Lookup> lookups = properties.keySet().stream().filter(k -> k.startsWith(LOOKUP))
        .map(k -> Lookup.parse(table, k.substring(LOOKUP.length()), properties.get(k))).toList();
    StructType inputs = new StructType();
    List<String> required = new ArrayList<>();
    for (StructField field : columns.fields()) {
      boolean managed = mode == Mode.SCD2 && SCD2_COLUMNS.contains(field.name());
      if (managed || derived.containsKey(field.name())) {
        continue;
      }
      inputs = inputs.add(field.name(), field.dataType(), true, field.getComment().getOrElse(() -> ""));
      if (!field.nullable()) {
        required.add(field.name());
      }
    }
    return new LoadSpec(table, mode, keys, columns, inputs, List.copyOf(required), Collections.unmodifiableMap(defaults),
        Collections.unmodifiableMap(derived), Collections.unmodifiableMap(allowed), Collections.unmodifiableMap(checks),
        lookups);
  }

  /** Input columns other than the keys: what a merge compares to tell an update from an unchanged row. */
  public List<String> compared() {
    return Arrays.stream(inputs.fieldNames()).filter(c -> !keys.contains(c)).toList();
  }

  /** For a type 2 dimension: the columns whose change opens a new version (all but the key and the managed ones). */
  public List<String> tracked() {
    return Arrays.stream(columns.fieldNames())
        .filter(c -> !keys.contains(c) && !SCD2_COLUMNS.contains(c))
        .toList();
  }

  /** The allowed values of a column in words, e.g. "one of equity, fx, bond". */
  public static String describeAllowed(List<String> values) {
    return values.equals(List.of(ISO_4217))
        ? "an ISO 4217 currency code (3 letters, e.g. USD, EUR, GBP)"
        : "one of " + String.join(", ", values);
  }

  /** The values a column may take, upper-case for currencies; empty when any value goes. */
  static Set<String> allowedValues(List<String> values) {
    if (values.equals(List.of(ISO_4217))) {
      return Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode).collect(Collectors.toCollection(TreeSet::new));
    }
    return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Mode mode(String table, String value) {
    try {
      return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid(table, MODE, value, "must be merge or scd2");
    }
  }

  private static Map<String, String> byColumn(String table, Map<String, String> properties, String prefix, List<String> names) {
    Map<String, String> byColumn = new LinkedHashMap<>();
    properties.forEach((key, value) -> {
      if (key.startsWith(prefix)) {
        String column = key.substring(prefix.length());
        requireColumn(table, key, column, names);
        byColumn.put(column, value.trim());
      }
    });
    return byColumn;
  }

  private static void requireColumn(String table, String property, String column, List<String> names) {
    if (!names.contains(column)) {
      throw new IllegalArgumentException(String.format(
          "Invalid %s of %s: '%s' is not a column of the table (columns: %s)", property, table, column, names));
    }
  }

  private static IllegalArgumentException invalid(String table, String property, String value, String rule) {
    return new IllegalArgumentException(String.format("Invalid %s '%s' of %s: %s", property, value, table, rule));
  }

  static List<String> list(String value) {
    return value == null || value.isBlank() ? List.of()
        : Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
  }
}
