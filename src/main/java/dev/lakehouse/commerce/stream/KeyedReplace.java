package dev.lakehouse.commerce.stream;

import static org.apache.spark.sql.functions.lit;

import dev.lakehouse.ops.DeltaRetries;
import io.delta.tables.DeltaTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One MERGE that makes a gold table hold exactly the recomputed rows of a scope (e.g. some windows,
 * some sessions): rows recomputed are updated or inserted, rows of the scope no longer produced (all
 * their events turned out late) are deleted, rows outside the scope are left alone. Running it again
 * with the same input changes nothing.
 */
final class KeyedReplace {
  private static final String GONE = "_gone";

  private KeyedReplace() {}

  /**
   * @param scope one column, {@code scopeColumn}: the values whose rows are replaced
   * @param prune a condition on the target (with {@code %1$s} for its alias) that holds for every row
   *     of the scope, so Delta reads only the files that may hold them
   */
  static void replace(SparkSession spark, String location, Dataset<Row> recomputed, Dataset<Row> scope, String scopeColumn,
      List<String> keys, String prune) {
    List<String> columns = List.of(spark.read().format("delta").load(location).columns());
    Dataset<Row> gone = spark.read().format("delta").load(location).as("t")
        .where(String.format(prune, "t"))
        .join(scope, seq(List.of(scopeColumn)), "left_semi")
        .select(keys.get(0), keys.subList(1, keys.size()).toArray(String[]::new))
        .join(recomputed.select(keys.get(0), keys.subList(1, keys.size()).toArray(String[]::new)),
            seq(keys), "left_anti")
        .withColumn(GONE, lit(true));
    Dataset<Row> source = recomputed.withColumn(GONE, lit(false)).unionByName(gone, true);
    String on = keys.stream().map(k -> "t." + k + " = n." + k).collect(Collectors.joining(" AND "))
        + " AND " + String.format(prune, "t");
    Map<String, String> values = new LinkedHashMap<>();
    columns.forEach(c -> values.put(c, "n." + c));
    DeltaRetries.onConflict(() -> DeltaTable.forPath(spark, location).as("t")
        .merge(source.as("n"), on)
        .whenMatched("n." + GONE).delete()
        .whenMatched().updateExpr(values)
        .whenNotMatched("NOT n." + GONE).insertExpr(values)
        .execute());
  }

  static scala.collection.Seq<String> seq(List<String> columns) {
    return scala.collection.JavaConverters.asScalaBuffer(columns).toSeq();
  }
}
