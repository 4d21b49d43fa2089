package dev.lakehouse.catalog;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.catalyst.analysis.NoSuchDatabaseException;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.delta.catalog.DeltaCatalog;

/**
 * The session catalog ({@code spark_catalog}) of every lakehouse session: Delta's catalog, plus the
 * declared tables of the lakehouse open in this JVM, each entered on first use. A command pays only
 * for the tables it touches: {@code spark.table("gold.x")}, SQL over {@code gold.x} or
 * {@code DESCRIBE gold.x} finds a declared table the session has not seen yet, enters it at its
 * location (creating it from its DDL when it does not exist yet) and loads it.
 * {@code SHOW TABLES IN gold} lists every declared table, entered or not.
 *
 * <p>Spark creates one instance per session (streaming queries run on clones of the session); all
 * of them answer for the lakehouse {@link #open opened} last, and share Spark's in-memory catalog.
 */
public class LakehouseCatalog extends DeltaCatalog {
  private static final AtomicReference<TableCatalog> OPEN = new AtomicReference<>();
  // tables this thread is entering: a lookup while their DDL runs must not enter them again
  private static final ThreadLocal<Set<String>> ENTERING = ThreadLocal.withInitial(java.util.HashSet::new);

  /** Makes {@code catalog} the lakehouse whose declared tables every lakehouse session resolves. */
  static void open(TableCatalog catalog) {
    OPEN.set(catalog);
  }

  @Override
  public Table loadTable(Identifier ident) {
    return loadEntering(ident, () -> super.loadTable(ident));
  }

  @Override
  public Table loadTable(Identifier ident, long timestamp) {
    return loadEntering(ident, () -> super.loadTable(ident, timestamp));
  }

  @Override
  public Table loadTable(Identifier ident, String version) {
    return loadEntering(ident, () -> super.loadTable(ident, version));
  }

  // Delta's lookups declare no checked exceptions in Java, but throw NoSuchTableException and the like
  private interface Lookup {
    Table load() throws Exception;
  }

  // one lookup; when it fails because a declared table is not entered yet, enters it and looks again
  private static Table loadEntering(Identifier ident, Lookup lookup) {
    try {
      return lookup.load();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      if (!enterDeclared(ident, e)) {
        throw rethrown(e);
      }
    }
    try {
      return lookup.load();
    } catch (Exception e) {
      throw rethrown(e);
    }
  }

  /** The tables the session knows in a namespace, and the declared ones it has not entered yet. */
  @Override
  public Identifier[] listTables(String[] namespace) throws NoSuchNamespaceException {
    Set<Identifier> tables = new LinkedHashSet<>(java.util.List.of(super.listTables(namespace)));
    Optional.ofNullable(OPEN.get()).ifPresent(catalog -> catalog.definitions().stream()
        .filter(d -> namespace.length == 1 && d.layer().equalsIgnoreCase(namespace[0]))
        .forEach(d -> tables.add(Identifier.of(namespace, d.entity()))));
    return tables.toArray(Identifier[]::new);
  }

  // a declared table the session does not know yet: enter it (creating it when missing); false for any other name
  private static boolean enterDeclared(Identifier ident, Exception failure) {
    boolean missing = failure instanceof NoSuchTableException || failure instanceof NoSuchNamespaceException
        || failure instanceof NoSuchDatabaseException;
    TableCatalog catalog = OPEN.get();
    if (!missing || catalog == null || ident.namespace().length != 1) {
      return false;
    }
    Optional<TableDefinition> declared = catalog.find(ident.namespace()[0] + "." + ident.name());
    if (declared.isEmpty() || !ENTERING.get().add(declared.get().name())) {
      return false;
    }
    try {
      catalog.enter(declared.get());
    } finally {
      ENTERING.get().remove(declared.get().name());
    }
    return true;
  }

  // checked exceptions from Scala code pass through undeclared
  @SuppressWarnings("unchecked")
  private static <E extends Exception> RuntimeException rethrown(Exception e) throws E {
    throw (E) e;
  }
}
