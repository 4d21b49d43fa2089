package dev.lakehouse.refine;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.logs.blacklist.IpBlacklist;
import org.apache.spark.sql.SparkSession;

/**
 * Session functions a {@code lakehouse.derive.*} expression may call whose answer depends on
 * other tables; each is redefined over the current state of its table before a batch uses it.
 */
final class DerivedFunctions {
  private DerivedFunctions() {}

  static void refresh(SparkSession spark, TableCatalog catalog, RefineSpec spec) {
    if (spec.derived().values().stream().anyMatch(e -> e.contains(IpBlacklist.FUNCTION))) {
      new IpBlacklist(catalog).registerFunction(spark);
    }
  }
}
