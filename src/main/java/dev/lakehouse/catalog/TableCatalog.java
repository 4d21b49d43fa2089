package dev.lakehouse.catalog;

import dev.lakehouse.config.LakehouseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

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
    definitions.values().forEach(definition -> register(spark, definition));
  }

  /**
   * Registers (creating if missing) one declared table. An existing Delta table is entered in the
   * session catalog by name and location only, without reading its log: Delta reads the schema
   * from the log when the table is queried, as it does for tables in a Hive metastore.
   */
  public void register(SparkSession spark, TableDefinition definition) {
    spark.sql("CREATE DATABASE IF NOT EXISTS " + definition.layer());
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
    try (Stream<Path> files = ddlFiles()) {
      files.sorted().forEach(file -> {
        String layer = file.getParent().getFileName().toString();
        String entity = file.getFileName().toString().replaceFirst("\\.sql$", "");
        String name = (layer + "." + entity).toLowerCase();
        definitions.put(name, TableDefinition.parse(name, read(file)));
      });
    }
    return definitions;
  }

  private static Stream<Path> ddlFiles() {
    URL root = TableCatalog.class.getClassLoader().getResource(RESOURCE_ROOT);
    if (root == null) {
      throw new IllegalStateException("Cannot find the table declarations: no 'tables/' on the classpath; rebuild with mvn package");
    }
    try {
      Path dir = directoryOf(root.toURI());
      List<Path> files = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(p -> p.toString().endsWith(".sql")).forEach(files::add);
      }
      return files.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path directoryOf(URI uri) throws IOException {
    if (!"jar".equals(uri.getScheme())) {
      return Path.of(uri);
    }
    FileSystem jar;
    try {
      jar = FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      jar = FileSystems.getFileSystem(uri);
    }
    return jar.getPath(RESOURCE_ROOT);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
