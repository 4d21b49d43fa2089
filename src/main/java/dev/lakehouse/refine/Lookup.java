package dev.lakehouse.refine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A dimension joined to refined rows before derived columns are computed, declared as
 * {@code 'lakehouse.refine.lookup.<alias>' = '<table> ON <key> [AS OF <time column>]'}.
 *
 * <p>Without {@code AS OF} the dimension has one row per key (e.g. current stock per product). With
 * it the dimension is a type 2 slowly changing one (columns {@code valid_from}, {@code valid_to},
 * null while current) and each row gets the version valid at its time: {@code valid_from <= t} and
 * {@code t < valid_to}. The matched row is a struct column named {@code alias} (null when nothing
 * matched), so {@code lakehouse.derive.brand = '_product.brand'} reads it.
 */
public record Lookup(String alias, String table, String key, String asOf) {
  private static final Pattern DECLARATION = Pattern.compile(
      "(?i)\\s*([a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*)\\s+ON\\s+([a-z_][a-z0-9_]*)(?:\\s+AS\\s+OF\\s+([a-z_][a-z0-9_]*))?\\s*");

  public static Lookup parse(String target, String alias, String declaration) {
    Matcher m = DECLARATION.matcher(declaration);
    if (!alias.matches("[A-Za-z_][A-Za-z0-9_]*") || !m.matches()) {
      throw new IllegalArgumentException(String.format(
          "Invalid %s%s '%s' of %s: must read '<layer>.<table> ON <key> [AS OF <time column>]' with a plain alias",
          RefineSpec.LOOKUP, alias, declaration, target));
    }
    return new Lookup(alias, m.group(1), m.group(2), m.group(3));
  }

  public boolean isAsOf() {
    return asOf != null;
  }

  /** {@code rows} with one more column, {@code alias}: the dimension row that matched, or null. */
  public Dataset<Row> join(Dataset<Row> rows, Dataset<Row> dimension) {
    String prefix = "_" + alias + "_";
    Column[] renamed = Arrays.stream(dimension.columns()).map(c -> col(c).as(prefix + c)).toArray(Column[]::new);
    Column packed = struct(Arrays.stream(dimension.columns()).map(c -> col(prefix + c).as(c)).toArray(Column[]::new));
    Dataset<Row> dim = dimension.select(renamed);
    Column on = rows.col(key).equalTo(dim.col(prefix + key));
    if (isAsOf()) {
      Column at = rows.col(asOf);
      on = on.and(dim.col(prefix + "valid_from").leq(at))
          .and(dim.col(prefix + "valid_to").isNull().or(at.lt(dim.col(prefix + "valid_to"))));
    }
    Column matched = org.apache.spark.sql.functions.when(col(prefix + key).isNotNull(), packed);
    Dataset<Row> joined = rows.join(dim, on, "left").withColumn(alias, matched);
    return joined.drop(Arrays.stream(dimension.columns()).map(c -> prefix + c).toArray(String[]::new));
  }
}
