package dev.lakehouse.ml.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.row_number;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.ml.ModelRegistry;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * A trained recommender as data: the ALS user factors (user_id, features), item factors
 * (product_id, category, features) and the items' popularity in the training data (product_id,
 * category, popularity). Scores are dot products of factors; a user's list leaves out the items
 * given to exclude. Saved as three Parquet folders in the version's directory, so serving, the
 * real-time job and the evaluation of a newer candidate read the same thing.
 */
public record FactorModel(Dataset<Row> userFactors, Dataset<Row> itemFactors, Dataset<Row> popular, int version) {
  public static final String NAME = "recommend-als";
  public static final String EXPLICIT_NAME = "recommend-als-explicit";
  // the dot product of two float arrays of equal length
  private static final String DOT = "aggregate(zip_with(u.features, i.features, (x, y) -> cast(x as double) * y), 0D,"
      + " (acc, v) -> acc + v)";

  /** The promoted version of a model, if any. */
  public static Optional<FactorModel> current(SparkSession spark, LakehouseConfig config, TableCatalog catalog,
      String name) {
    return new ModelRegistry(config, catalog).current(spark, name).map(v -> load(spark, v.path(), v.version()));
  }

  public static FactorModel load(SparkSession spark, String path, int version) {
    return new FactorModel(spark.read().parquet(path + "/user_factors"), spark.read().parquet(path + "/item_factors"),
        spark.read().parquet(path + "/popular"), version);
  }

  public void save(String path) {
    userFactors.write().mode("overwrite").parquet(path + "/user_factors");
    itemFactors.write().mode("overwrite").parquet(path + "/item_factors");
    popular.write().mode("overwrite").parquet(path + "/popular");
  }

  /**
   * The {@code n} best-scored items of each user in {@code users} (a user_id column) that the
   * model knows, leaving out (user_id, product_id) pairs of {@code exclude}:
   * (user_id, product_id, category, score, rank), rank 1 first.
   */
  public Dataset<Row> recommend(Dataset<Row> users, Dataset<Row> exclude, int n) {
    Dataset<Row> known = userFactors.join(users.select("user_id").distinct(), "user_id").as("u");
    return known.crossJoin(itemFactors.as("i"))
        .select(col("u.user_id"), col("i.product_id"), col("i.category"), expr(DOT).as("score"))
        .join(exclude.select("user_id", "product_id"), new String[] {"user_id", "product_id"}, "left_anti")
        .withColumn("rank", row_number().over(Window.partitionBy("user_id").orderBy(desc("score"), col("product_id"))))
        .where(col("rank").leq(n));
  }

  /** The {@code n} most popular items each user has not yet had (per {@code exclude}); same columns. */
  public Dataset<Row> popularFor(Dataset<Row> users, Dataset<Row> exclude, int n) {
    return users.select("user_id").distinct()
        .crossJoin(popular.select("product_id", "category", "popularity"))
        .join(exclude.select("user_id", "product_id"), new String[] {"user_id", "product_id"}, "left_anti")
        .withColumn("rank",
            row_number().over(Window.partitionBy("user_id").orderBy(desc("popularity"), col("product_id"))))
        .where(col("rank").leq(n))
        .select(col("user_id"), col("product_id"), col("category"), col("popularity").as("score"), col("rank"));
  }

  /** The {@code n} most popular items: (product_id, category, score, rank). */
  public Dataset<Row> popularOverall(int n) {
    return popular
        .withColumn("rank", row_number().over(Window.orderBy(desc("popularity"), col("product_id"))))
        .where(col("rank").leq(n))
        .select(col("product_id"), col("category"), col("popularity").as("score"), col("rank"));
  }
}
