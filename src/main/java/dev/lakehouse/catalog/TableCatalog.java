package dev.lakehouse.catalog;

import dev.lakehouse.config.LakehouseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.Table;

/**
 * The tables declared in {@code tables/} (packaged in the jar), where they live under the storage
 * root, and their registration in a session's catalog. The session catalog is in-memory, so every
 * new session calls {@link #registerAll} and finds the same tables by name.
 */
public final class TableCatalog {
  private static final String RESOURCE_ROOT = "tables";

  private final LakehouseConfig config;
  private final Map<String, TableDefinition> definitions;

  private TableCatalog(LakehouseConfig config, Map<String, TableDefinition> definitions) {
    this.config = config;
    this.definitions = Collections.unmodifiableMap(definitions);
  }

  /** The catalog of the declarations packaged with this build. */
  public static TableCatalog load(LakehouseConfig config) {
    return new TableCatalog(config, readDefinitions());
  }

  /** The configuration the locations are resolved under. */
  public LakehouseConfig config() {
    return config;
  }

  public List<TableDefinition> definitions() {
    return List.copyOf(definitions.values());
  }

  public TableDefinition definition(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException(String.format(
        "Cannot find table %s: declared tables are %s (add tables/<layer>/<domain>_<entity>.sql to declare one)",
        name, new TreeSet<>(definitions.keySet()))));
  }

  public Optional<TableDefinition> find(String name) {
    return Optional.ofNullable(definitions.get(name.toLowerCase()));
  }

  /** Storage location of a declared table: {@code <home>/tables/<layer>/<entity>}. */
  public String location(String name) {
    TableDefinition definition = definition(name);
    return config.path("tables/" + definition.layer() + "/" + definition.entity());
  }

  /**
   * Makes every declared table known to the session by name: existing Delta tables are registered
   * at their location, missing ones are created from their DDL. Safe to call again.
   */
  public void registerAll(SparkSession spark) {
    definitions.values().stream().map(TableDefinition::layer).distinct()
        .forEach(layer -> spark.sql("CREATE DATABASE IF NOT EXISTS " + layer));
    definitions.values().forEach(definition -> enter(spark, definition));
  }

  /**
   * Enters every registered table again with its columns (and their comments), its comment (the
   * grain) and its properties as its Delta log holds them now, for clients that browse the catalog
   * rather than query it (JDBC getTables/getColumns, BI tools). Queries do not need it: Delta reads
   * the latest schema from the log on every query. One log read per table.
   */
  @SuppressWarnings("deprecation") // Table.schema(): DeltaTableV2 implements it, columns() derives from it
  public void describeAll(SparkSession spark) {
    org.apache.spark.sql.connector.catalog.TableCatalog delta =
        (org.apache.spark.sql.connector.catalog.TableCatalog) spark.sessionState().catalogManager().v2SessionCatalog();
    for (TableDefinition definition : definitions.values()) {
      Identifier identifier = Identifier.of(new String[] {definition.layer()}, definition.entity());
      try {
        Table table = delta.loadTable(identifier);
        Map<String, String> properties = new TreeMap<>(table.properties());
        properties.keySet().removeIf(TableCatalog::isReservedProperty);
        String comment = table.properties().getOrDefault("comment", definition.grain());
        SessionCatalogEntries.describeDelta(spark, definition.layer(), definition.entity(), location(definition.name()),
            table.schema(), comment, properties);
      } catch (NoSuchTableException e) {
        throw new IllegalStateException("Cannot describe " + definition.name() + ": it is not registered in this session", e);
      }
    }
  }

  private static boolean isReservedProperty(String key) {
    return key.equals("comment") || key.equals("provider") || key.equals("location") || key.equals("owner")
        || key.startsWith("option.");
  }

  /**
   * Enters one declared table, creating it if missing. An existing Delta table is entered in the
   * session catalog by name and location only, without reading its log: Delta reads the schema
   * from the log when the table is queried, as it does for tables in a Hive metastore.
   */
  private void enter(SparkSession spark, TableDefinition definition) {
    String location = location(definition.name());
    if (hasDeltaLog(spark, location)) {
      SessionCatalogEntries.registerDelta(spark, definition.layer(), definition.entity(), location);
    } else {
      spark.sql(definition.ddlAt(location));
    }
  }

  private static boolean hasDeltaLog(SparkSession spark, String location) {
    try {
      org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path(location, "_delta_log");
      return log.getFileSystem(spark.sessionState().newHadoopConf()).exists(log);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check " + location + " for a Delta log", e);
    }
  }

  private static Map<String, TableDefinition> readDefinitions() {
    Map<String, TableDefinition> definitions = new LinkedHashMap<>();
    for (ClasspathDirectory.ResourceFile file : ClasspathDirectory.files(RESOURCE_ROOT, ".*\\.sql$")) {
      String[] parts = file.path().replaceFirst("\\.sql$", "").split("/");
      String name = (parts[parts.length - 2] + "." + parts[parts.length - 1]).toLowerCase();
      definitions.put(name, TableDefinition.parse(name, file.text()));
    }
    return definitions;
  }
}
