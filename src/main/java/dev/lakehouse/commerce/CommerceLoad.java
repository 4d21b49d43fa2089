package dev.lakehouse.commerce;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.generate.CommerceCatalog;
import dev.lakehouse.logs.parse.UserAgentInfo;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Loads the product catalogue and the customers, as of the start of a UTC day, into the type 2
 * dimensions silver.commerce_products and silver.commerce_customers (see {@link Scd2}).
 */
public final class CommerceLoad {
  public static final String PRODUCTS = "silver.commerce_products";
  public static final String CUSTOMERS = "silver.commerce_customers";
  static final List<String> PRODUCT_ATTRIBUTES = List.of("category", "brand", "list_price_cents");
  static final List<String> CUSTOMER_ATTRIBUTES = List.of("user_agent", "browser", "device_class", "is_bot");

  /** The incoming rows of the product catalogue: product_id, category, brand, list_price_cents. */
  public static final StructType PRODUCT_ROWS = new StructType()
      .add("product_id", DataTypes.StringType)
      .add("category", DataTypes.StringType)
      .add("brand", DataTypes.StringType)
      .add("list_price_cents", DataTypes.LongType);

  /** The incoming rows of customers: user_id, user_agent, browser, device_class, is_bot. */
  public static final StructType CUSTOMER_ROWS = new StructType()
      .add("user_id", DataTypes.StringType)
      .add("user_agent", DataTypes.StringType)
      .add("browser", DataTypes.StringType)
      .add("device_class", DataTypes.StringType)
      .add("is_bot", DataTypes.BooleanType);

  /** Versions a load opened (new keys and changed ones), closed and corrected in place. */
  public record Changes(long opened, long closed, long replaced) {}

  /** What a load of both dimensions changed. */
  public record Loaded(LocalDate date, Changes products, Changes customers) {}

  private final TableCatalog catalog;

  public CommerceLoad(TableCatalog catalog) {
    this.catalog = catalog;
  }

  /** Loads the generator's catalogue and users of {@code seed} as of {@code date}. */
  public Loaded load(SparkSession spark, long seed, LocalDate date) {
    CommerceCatalog generated = CommerceCatalog.of(seed);
    List<Row> products = generated.products().stream()
        .map(p -> RowFactory.create(p.productId(), p.category(), p.brand(), p.listPriceCents())).toList();
    List<Row> users = generated.users().stream().map(u -> {
      UserAgentInfo agent = UserAgentInfo.of(u.userAgent());
      return RowFactory.create(u.userId(), u.userAgent(), agent.browser(), agent.deviceClass(), u.isBot() || agent.isBot());
    }).toList();
    return new Loaded(date,
        loadProducts(spark, spark.createDataFrame(products, PRODUCT_ROWS), date),
        loadCustomers(spark, spark.createDataFrame(users, CUSTOMER_ROWS), date));
  }

  /** Loads {@code products} (columns of {@link #PRODUCT_ROWS}) as the catalogue from the start of {@code date}. */
  public Changes loadProducts(SparkSession spark, Dataset<Row> products, LocalDate date) {
    return merge(spark, PRODUCTS, "product_id", PRODUCT_ATTRIBUTES, products, date);
  }

  /** Loads {@code customers} (columns of {@link #CUSTOMER_ROWS}) as the customers from the start of {@code date}. */
  public Changes loadCustomers(SparkSession spark, Dataset<Row> customers, LocalDate date) {
    return merge(spark, CUSTOMERS, "user_id", CUSTOMER_ATTRIBUTES, customers, date);
  }

  private Changes merge(SparkSession spark, String table, String key, List<String> tracked, Dataset<Row> incoming,
      LocalDate date) {
    Timestamp validFrom = Timestamp.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    DeltaTable dimension = DeltaTable.forPath(spark, catalog.location(table));
    Dataset<Row> current = dimension.toDF().filter(col("is_current"));
    Row latest = current.agg(org.apache.spark.sql.functions.max("valid_from")).head();
    if (!latest.isNullAt(0) && latest.getTimestamp(0).after(validFrom)) {
      throw new IllegalArgumentException(String.format(
          "Cannot load %s as of %s: it already has versions from %s; load dates in order (a later date, or the same one again)",
          table, date, latest.getTimestamp(0).toInstant().atOffset(ZoneOffset.UTC).toLocalDate()));
    }
    Dataset<Row> staged = Scd2.staged(current, incoming.dropDuplicates(key), key, tracked, validFrom).persist();
    try {
      Map<String, Long> counts = new HashMap<>();
      staged.groupBy(Scd2.ACTION).count().collectAsList().forEach(r -> counts.put(r.getString(0), r.getLong(1)));
      if (!counts.isEmpty()) {
        Timestamp loadedAt = Timestamp.from(Instant.now());
        Map<String, String> replace = new HashMap<>();
        tracked.forEach(c -> replace.put(c, "s." + c));
        Map<String, String> insert = new HashMap<>(replace);
        insert.put(key, "s." + key);
        insert.put("valid_from", "s.valid_from");
        insert.put("valid_to", "CAST(NULL AS TIMESTAMP)");
        insert.put("is_current", "true");
        dimension.as("t")
            .merge(staged.withColumn("_loaded_at", lit(loadedAt)).as("s"), "t." + key + " = s." + Scd2.MERGE_KEY + " AND t.is_current")
            .whenMatched("s." + Scd2.ACTION + " = '" + Scd2.CLOSE + "'")
            .updateExpr(Map.of("valid_to", "s.valid_from", "is_current", "false"))
            .whenMatched("s." + Scd2.ACTION + " = '" + Scd2.REPLACE + "'")
            .updateExpr(withLoadedAt(replace))
            .whenNotMatched("s." + Scd2.ACTION + " = '" + Scd2.OPEN + "'")
            .insertExpr(withLoadedAt(insert))
            .execute();
      }
      return new Changes(counts.getOrDefault(Scd2.OPEN, 0L), counts.getOrDefault(Scd2.CLOSE, 0L),
          counts.getOrDefault(Scd2.REPLACE, 0L));
    } finally {
      staged.unpersist();
    }
  }

  private static Map<String, String> withLoadedAt(Map<String, String> assignments) {
    Map<String, String> copy = new HashMap<>(assignments);
    copy.put("_loaded_at", "s._loaded_at");
    return copy;
  }
}
