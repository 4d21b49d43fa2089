package dev.lakehouse.catalog;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.catalog.CatalogStorageFormat;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.CatalogTableType;
import org.apache.spark.sql.catalyst.catalog.SessionCatalog;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.collection.JavaConverters;

/** Entries in Spark's session catalog, built from Java (the Scala case classes have 20 fields). */
final class SessionCatalogEntries {
  private SessionCatalogEntries() {}

  /** Enters an existing Delta table at {@code location} as {@code database.name}; no-op if present. */
  static void registerDelta(SparkSession spark, String database, String name, String location) {
    CatalogTable table = entry(database, name, location, new StructType(), Option.empty(), Map.of());
    spark.sessionState().catalog().createTable(table, true, false);
  }

  /** Replaces the entry of a registered Delta table with one that carries its schema, comment and properties. */
  static void describeDelta(SparkSession spark, String database, String name, String location, StructType schema,
      String comment, Map<String, String> properties) {
    spark.sessionState().catalog().alterTable(entry(database, name, location, schema, Option.apply(comment), properties));
  }

  private static CatalogTable entry(String database, String name, String location, StructType schema,
      Option<String> comment, Map<String, String> properties) {
    URI uri = new org.apache.hadoop.fs.Path(location).toUri();
    CatalogStorageFormat storage = new CatalogStorageFormat(
        Option.apply(uri), Option.empty(), Option.empty(), Option.empty(), false, emptyMap());
    return new CatalogTable(
        new TableIdentifier(name, Option.apply(database)),
        CatalogTableType.EXTERNAL(),
        storage,
        schema,
        Option.apply("delta"),
        seq(List.of()),
        Option.empty(),
        "",
        System.currentTimeMillis(),
        -1L,
        "",
        scalaMap(properties),
        Option.empty(),
        Option.empty(),
        comment,
        seq(List.of()),
        false,
        true,
        emptyMap(),
        Option.empty());
  }

  /** Where the session catalog has {@code database.name}, if it has it. */
  static java.util.Optional<URI> location(SparkSession spark, String database, String name) {
    SessionCatalog catalog = spark.sessionState().catalog();
    TableIdentifier table = new TableIdentifier(name, Option.apply(database));
    if (!catalog.databaseExists(database) || !catalog.tableExists(table)) {
      return java.util.Optional.empty();
    }
    try {
      Option<URI> location = catalog.getTableMetadata(table).storage().locationUri();
      return location.isDefined() ? java.util.Optional.of(location.get()) : java.util.Optional.empty();
    } catch (org.apache.spark.sql.AnalysisException e) {
      return java.util.Optional.empty();   // dropped meanwhile
    }
  }

  /** Removes {@code database.name} from the session catalog; the data stays where it is (the entry is external). */
  static void forget(SparkSession spark, String database, String name) {
    spark.sessionState().catalog().dropTable(new TableIdentifier(name, Option.apply(database)), true, false);
  }

  private static scala.collection.Seq<String> seq(List<String> values) {
    return JavaConverters.asScalaBuffer(values).toSeq();
  }

  private static scala.collection.immutable.Map<String, String> scalaMap(Map<String, String> values) {
    scala.collection.immutable.Map<String, String> map = emptyMap();
    for (Map.Entry<String, String> entry : values.entrySet()) {
      map = map.updated(entry.getKey(), entry.getValue());
    }
    return map;
  }

  private static scala.collection.immutable.Map<String, String> emptyMap() {
    return scala.collection.immutable.Map$.MODULE$.empty();
  }
}
