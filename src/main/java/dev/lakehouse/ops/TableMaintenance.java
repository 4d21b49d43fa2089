package dev.lakehouse.ops;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.catalog.TableDefinition;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * OPTIMIZE (compaction, with Z-ordering by the columns filters use) and VACUUM of the catalog's Delta tables,
 * refusing what Delta would do badly or dangerously: Z-ordering by a partition column or a column the table does
 * not have, and a VACUUM retention shorter than seven days (readers and streams may still need the files).
 */
public final class TableMaintenance {
  /** Shorter retentions can delete files a running stream or a time-travel query still reads. */
  public static final Duration MIN_RETENTION = Duration.ofHours(168);

  /** What OPTIMIZE did to one table. */
  public record Optimized(String table, List<String> zOrderBy, long filesRemoved, long filesAdded) {}

  private final TableCatalog catalog;

  public TableMaintenance(TableCatalog catalog) {
    this.catalog = catalog;
  }

  /** Compacts the table's small files, Z-ordering by the columns when any are given. */
  public Optimized optimize(SparkSession spark, String table, List<String> zOrderBy) {
    definition(table);
    Row detail = spark.sql("DESCRIBE DETAIL " + table).head();
    List<String> partitions = detail.getList(detail.fieldIndex("partitionColumns"));
    Set<String> columns = Arrays.stream(spark.table(table).schema().fieldNames())
        .map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    for (String column : zOrderBy) {
      String c = column.toLowerCase(Locale.ROOT);
      if (!columns.contains(c)) {
        throw new IllegalArgumentException("Invalid --zorder-by " + column + ": " + table + " has no such column");
      }
      if (partitions.stream().anyMatch(p -> p.equalsIgnoreCase(c))) {
        throw new IllegalArgumentException("Invalid --zorder-by " + column + ": it partitions " + table
            + ", and Z-ordering works within partitions; use another column");
      }
    }
    String sql = "OPTIMIZE " + table + (zOrderBy.isEmpty() ? "" : " ZORDER BY (" + String.join(", ", zOrderBy) + ")");
    Row metrics = spark.sql(sql).select("metrics.numFilesRemoved", "metrics.numFilesAdded").head();
    return new Optimized(table, List.copyOf(zOrderBy), metrics.getLong(0), metrics.getLong(1));
  }

  /** Deletes the files no version younger than the retention needs. */
  public void vacuum(SparkSession spark, String table, Duration retention) {
    definition(table);
    if (retention.compareTo(MIN_RETENTION) < 0) {
      throw new IllegalArgumentException("Invalid --retain " + format(retention) + ": must be at least "
          + format(MIN_RETENTION) + " so running streams and time-travel readers keep their files");
    }
    spark.sql("VACUUM " + table + " RETAIN " + retention.toHours() + " HOURS");
  }

  /** Every Delta table of the catalog, in catalog order. */
  public List<String> tables() {
    return catalog.definitions().stream().map(TableDefinition::name).toList();
  }

  private TableDefinition definition(String table) {
    return catalog.definitions().stream().filter(d -> d.name().equalsIgnoreCase(table)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Invalid --table " + table + ": no such table in tables/ ("
            + "see bin/lakehouse tables list)"));
  }

  private static String format(Duration d) {
    return d.toHours() + "h";
  }
}
