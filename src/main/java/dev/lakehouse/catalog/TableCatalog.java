package dev.lakehouse.catalog;

import dev.lakehouse.Timings;
import dev.lakehouse.config.LakehouseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.Table;

/**
 * The tables declared in {@code tables/} (packaged in the jar), where they live under the storage
 * root, and their registration in a session's catalog.
 *
 * <p>A catalog {@link #openIn opened in a session} enters each declared table on first use, so a
 * command pays only for the tables it touches: by name through the session catalog
 * ({@link LakehouseCatalog}), by path through {@link #location}, which creates a missing table
 * from its DDL before handing out its location. {@link #registerAll} enters every table at once
 * (the long-running server does, so SQL clients listing tables through Spark's own catalog see
 * them all).
 */
public final class TableCatalog {
  private static final String RESOURCE_ROOT = "tables";
  private static Map<String, TableDefinition> declared;

  private final LakehouseConfig config;
  private final Map<String, TableDefinition> definitions;
  private final SparkSession session;
  private final Set<String> ready = ConcurrentHashMap.newKeySet();

  private TableCatalog(LakehouseConfig config, Map<String, TableDefinition> definitions, SparkSession session) {
    this.config = config;
    this.definitions = Collections.unmodifiableMap(definitions);
    this.session = session;
  }

  /** The catalog of the declarations packaged with this build, not open in any session: locations only. */
  public static TableCatalog load(LakehouseConfig config) {
    return new TableCatalog(config, declared(), null);
  }

  /**
   * This catalog open in {@code spark}: the layers exist as databases, entries a previous lakehouse
   * of this JVM left in the session catalog (another storage root) are removed, and declared tables
   * are entered on first use. A session built elsewhere, without {@link LakehouseCatalog}, gets every
   * table registered now instead.
   */
  public TableCatalog openIn(SparkSession spark) {
    TableCatalog open = new TableCatalog(config, definitions, spark);
    definitions.values().stream().map(TableDefinition::layer).distinct()
        .forEach(layer -> spark.sql("CREATE DATABASE IF NOT EXISTS " + layer));
    open.forgetOtherLocations();
    if (spark.sessionState().catalogManager().v2SessionCatalog() instanceof LakehouseCatalog) {
      LakehouseCatalog.open(open);
    } else {
      open.registerAll(spark);
    }
    return open;
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

  /**
   * Storage location of a declared table, {@code <home>/tables/<layer>/<entity>}. In a catalog open
   * in a session the table exists there when this returns: a missing one is created from its DDL.
   */
  public String location(String name) {
    TableDefinition definition = definition(name);
    if (session != null && !ready.contains(definition.name())) {
      enter(definition);
    }
    return path(definition);
  }

  /** Where a declared table lives, whether it exists or not. */
  public String path(String name) {
    return path(definition(name));
  }

  /**
   * Makes every declared table known to the session by name: existing Delta tables are registered
   * at their location, missing ones are created from their DDL. Safe to call again.
   */
  public void registerAll(SparkSession spark) {
    Timings.time("register all " + definitions.size() + " tables", () -> {
      definitions.values().stream().map(TableDefinition::layer).distinct()
          .forEach(layer -> spark.sql("CREATE DATABASE IF NOT EXISTS " + layer));
      definitions.values().forEach(definition -> enter(spark, definition));
    });
  }

  /**
   * Enters one declared table in the session this catalog is open in, creating it if missing.
   * Threads entering the same table wait for each other; another process creating it at the same
   * moment is fine.
   */
  synchronized void enter(TableDefinition definition) {
    if (session == null) {
      throw new IllegalStateException("Cannot enter " + definition.name() + ": this catalog is not open in a session");
    }
    enter(session, definition);
    ready.add(definition.name());
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
    String location = path(definition);
    if (hasDeltaLog(spark, location)) {
      SessionCatalogEntries.registerDelta(spark, definition.layer(), definition.entity(), location);
      return;
    }
    removeCutShortLog(spark, location);
    try {
      Timings.time("create table " + definition.name(), () -> spark.sql(definition.ddlAt(location)));
    } catch (RuntimeException e) {
      if (!hasDeltaLog(spark, location)) {
        throw e;
      }
      // another process created it meanwhile
      SessionCatalogEntries.registerDelta(spark, definition.layer(), definition.entity(), location);
    }
  }

  // entries of declared tables at another storage root (an earlier lakehouse of this JVM) would shadow ours
  private void forgetOtherLocations() {
    for (TableDefinition definition : definitions.values()) {
      SessionCatalogEntries.location(session, definition.layer(), definition.entity())
          .filter(registered -> !sameLocation(registered, new org.apache.hadoop.fs.Path(path(definition)).toUri()))
          .ifPresent(registered -> SessionCatalogEntries.forget(session, definition.layer(), definition.entity()));
    }
  }

  private static boolean sameLocation(java.net.URI a, java.net.URI b) {
    boolean sameScheme = a.getScheme() == null || b.getScheme() == null || a.getScheme().equals(b.getScheme());
    return sameScheme && java.util.Objects.equals(a.getPath(), b.getPath());
  }

  private String path(TableDefinition definition) {
    return config.path("tables/" + definition.layer() + "/" + definition.entity());
  }

  // a log folder without a commit (creation killed before its first commit) holds no data: Delta refuses to
  // create a table over it, so it goes
  private static void removeCutShortLog(SparkSession spark, String location) {
    try {
      org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path(location, "_delta_log");
      org.apache.hadoop.fs.FileSystem fs = log.getFileSystem(spark.sessionState().newHadoopConf());
      if (fs.exists(log)) {
        fs.delete(log, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the cut-short Delta log of " + location, e);
    }
  }

  /**
   * Whether a Delta table exists at the location: its log holds a commit or a checkpoint. A log
   * folder without either is a creation that was cut short (a process killed while creating the
   * table) and is created again, not entered.
   */
  private static boolean hasDeltaLog(SparkSession spark, String location) {
    try {
      org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path(location, "_delta_log");
      org.apache.hadoop.fs.FileSystem fs = log.getFileSystem(spark.sessionState().newHadoopConf());
      if (!fs.exists(log)) {
        return false;
      }
      return fs.listStatus(log, path -> path.getName().matches("\\d+\\.(json|checkpoint.*parquet)")).length > 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check " + location + " for a Delta log", e);
    }
  }

  // the packaged declarations, read once per JVM (an invalid file fails every load, not only the first)
  private static synchronized Map<String, TableDefinition> declared() {
    if (declared == null) {
      declared = readDefinitions();
    }
    return declared;
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
