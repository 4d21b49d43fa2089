package dev.lakehouse.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.lakehouse.ops.DeltaRetries;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Type 2 slowly changing dimension: what a load of the dimension's attributes as of a time changes.
 * A key not yet present opens a version; a key whose tracked attributes changed closes its current
 * version at the load time and opens a new one (or, loaded again at the same time, corrects the
 * version in place); an unchanged key changes nothing, so loading the same data twice is a no-op.
 */
public final class Scd2 {
  /** Staged row action: end the current version (valid_to = s.valid_from). */
  public static final String CLOSE = "close";
  /** Staged row action: correct the current version in place (same valid_from). */
  public static final String REPLACE = "replace";
  /** Staged row action: insert a new current version. */
  public static final String OPEN = "open";
  public static final String ACTION = "_action";
  public static final String MERGE_KEY = "_merge_key";

  /** Versions a load opened (new keys and changed ones), closed and corrected in place. */
  public record Changes(long opened, long closed, long replaced) {
    /** Keys seen for the first time: versions opened that close none. */
    public long newKeys() {
      return opened - closed;
    }
  }

  private Scd2() {}

  /**
   * Loads {@code incoming} (one row per key with the tracked columns) into the dimension at
   * {@code location} as of {@code validFrom}: MERGE of {@link #staged} rows, {@code _loaded_at} =
   * {@code loadedAt}. Nothing changed, nothing written. A time before the dimension's latest version
   * is refused: versions are loaded in time order (a later time, or the same one again).
   */
  public static Changes merge(SparkSession spark, String table, String location, String key, List<String> tracked,
      Dataset<Row> incoming, Timestamp validFrom, Timestamp loadedAt) {
    DeltaTable dimension = DeltaTable.forPath(spark, location);
    Dataset<Row> current = dimension.toDF().filter(col("is_current"));
    Row latest = current.agg(org.apache.spark.sql.functions.max("valid_from")).head();
    if (!latest.isNullAt(0) && latest.getTimestamp(0).after(validFrom)) {
      throw new IllegalArgumentException(String.format(
          "Cannot load %s as of %s: it already has versions from %s; load dates in order (a later date, or the same one again)",
          table, validFrom.toInstant().atOffset(ZoneOffset.UTC).toLocalDate(),
          latest.getTimestamp(0).toInstant().atOffset(ZoneOffset.UTC).toLocalDate()));
    }
    Dataset<Row> staged = staged(current, incoming, key, tracked, validFrom).persist();
    try {
      Map<String, Long> counts = new HashMap<>();
      staged.groupBy(ACTION).count().collectAsList().forEach(r -> counts.put(r.getString(0), r.getLong(1)));
      if (!counts.isEmpty()) {
        Map<String, String> replace = new HashMap<>();
        tracked.forEach(c -> replace.put(c, "s." + c));
        replace.put("_loaded_at", "s._loaded_at");
        Map<String, String> insert = new HashMap<>(replace);
        insert.put(key, "s." + key);
        insert.put("valid_from", "s.valid_from");
        insert.put("valid_to", "CAST(NULL AS TIMESTAMP)");
        insert.put("is_current", "true");
        Dataset<Row> source = staged.withColumn("_loaded_at", lit(loadedAt));
        DeltaRetries.onConflict(() -> dimension.as("t")
            .merge(source.as("s"), "t." + key + " = s." + MERGE_KEY + " AND t.is_current")
            .whenMatched("s." + ACTION + " = '" + CLOSE + "'")
            .updateExpr(Map.of("valid_to", "s.valid_from", "is_current", "false"))
            .whenMatched("s." + ACTION + " = '" + REPLACE + "'")
            .updateExpr(replace)
            .whenNotMatched("s." + ACTION + " = '" + OPEN + "'")
            .insertExpr(insert)
            .execute());
      }
      return new Changes(counts.getOrDefault(OPEN, 0L), counts.getOrDefault(CLOSE, 0L), counts.getOrDefault(REPLACE, 0L));
    } finally {
      staged.unpersist();
    }
  }

  /**
   * Rows to MERGE on {@code t.<key> = s._merge_key AND t.is_current}: each has the incoming
   * attributes, {@code valid_from} = {@code loadedAt}, {@code _merge_key} (null for rows to insert)
   * and {@code _action} ({@link #CLOSE}, {@link #REPLACE}, {@link #OPEN}).
   *
   * @param current the dimension's current versions (key, tracked columns, valid_from)
   * @param incoming one row per key with the tracked columns as of {@code loadedAt}
   */
  public static Dataset<Row> staged(Dataset<Row> current, Dataset<Row> incoming, String key, List<String> tracked,
      Timestamp loadedAt) {
    Dataset<Row> cur = current.select(selection(key, tracked));
    Column sameAttributes = lit(true);
    for (String c : tracked) {
      sameAttributes = sameAttributes.and(col(c).eqNullSafe(col("_c_" + c)));
    }
    Dataset<Row> joined = incoming.join(cur, incoming.col(key).equalTo(cur.col("_c_key")), "left")
        .withColumn("valid_from", lit(loadedAt))
        // what the key needs: nothing, a new version, a closed one and a new one, or a correction
        .withColumn("_need", when(col("_c_key").isNull(), lit(OPEN))
            .when(sameAttributes, lit(null).cast(DataTypes.StringType))
            .when(col("_c_valid_from").lt(lit(loadedAt)), lit(CLOSE))
            .otherwise(lit(REPLACE)))
        .filter(col("_need").isNotNull());
    List<Column> attributes = new ArrayList<>();
    attributes.add(col(key));
    tracked.forEach(c -> attributes.add(col(c)));
    attributes.add(col("valid_from"));
    Dataset<Row> opened = joined.filter(col("_need").isin(OPEN, CLOSE))
        .select(withAction(attributes, lit(null).cast(DataTypes.StringType), lit(OPEN)));
    Dataset<Row> closed = joined.filter(col("_need").equalTo(CLOSE))
        .select(withAction(attributes, col(key), lit(CLOSE)));
    Dataset<Row> replaced = joined.filter(col("_need").equalTo(REPLACE))
        .select(withAction(attributes, col(key), lit(REPLACE)));
    return opened.unionByName(closed).unionByName(replaced);
  }

  private static Column[] selection(String key, List<String> tracked) {
    List<Column> columns = new ArrayList<>();
    columns.add(col(key).as("_c_key"));
    columns.add(col("valid_from").as("_c_valid_from"));
    tracked.forEach(c -> columns.add(col(c).as("_c_" + c)));
    return columns.toArray(Column[]::new);
  }

  private static Column[] withAction(List<Column> attributes, Column mergeKey, Column action) {
    List<Column> columns = new ArrayList<>(attributes);
    columns.add(mergeKey.as(MERGE_KEY));
    columns.add(action.as(ACTION));
    return columns.toArray(Column[]::new);
  }
}
