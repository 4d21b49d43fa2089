package dev.lakehouse.commerce;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.load.Scd2;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The product catalogue and the customers, as of the start of a UTC day, into the type 2
 * dimensions silver.commerce_products and silver.commerce_customers (see {@link Scd2}), from rows a
 * caller already has. From files, {@code bin/lakehouse load} does the same with the checks of the
 * tables' DDL ({@link dev.lakehouse.load.TableLoad}).
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

  private final TableCatalog catalog;

  public CommerceLoad(TableCatalog catalog) {
    this.catalog = catalog;
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
    Scd2.Changes changes = Scd2.merge(spark, table, catalog.location(table), key, tracked, incoming.dropDuplicates(key),
        validFrom, Timestamp.from(Instant.now()));
    return new Changes(changes.opened(), changes.closed(), changes.replaced());
  }
}
