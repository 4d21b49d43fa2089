package dev.lakehouse.ml.recommend;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakehouse.Lakehouse;
import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * {@code recommend push} and {@code recommend for}: the promoted model's top-N lists of every user
 * into gold.commerce_recommendations (replaced whole) and Redis; and answering one user from Redis,
 * from the Delta tables when Redis cannot be reached.
 *
 * <p>Users the model knows get its best-scored items they have not bought. Users who arrived after
 * training (cold start) get the popular items of the categories they touched, each item's
 * popularity weighted by the user's implicit weight in its category. Anyone else gets the overall
 * popular list ({@code reco:popular}, gold.commerce_popular_items).
 */
public final class RecommendServing {
  public static final String TABLE = "gold.commerce_recommendations";
  public static final String POPULAR_TABLE = "gold.commerce_popular_items";
  static final String EVENTS = "silver.commerce_events";

  /** What a push wrote. */
  public record Pushed(int modelVersion, long modelUsers, long coldStartUsers, long keys) {}

  /** One recommended item. */
  public record Item(int rank, String productId, String category, double score) {}

  /**
   * A user's list and where it came from ("redis" or the Delta table), with a warning when Redis failed
   * and a note when the list is not the user's own.
   */
  public record Answer(String userId, String source, int modelVersion, List<Item> items, String from,
      Optional<String> warning, Optional<String> note) {}

  private final LakehouseConfig config;
  private final TableCatalog catalog;

  public RecommendServing(LakehouseConfig config, TableCatalog catalog) {
    this.config = config;
    this.catalog = catalog;
  }

  public Pushed push(SparkSession spark) {
    FactorModel model = FactorModel.current(spark, config, catalog, FactorModel.NAME).orElseThrow(() ->
        new IllegalStateException("Cannot push recommendations: no version of " + FactorModel.NAME
            + " is promoted; run bin/lakehouse recommend train first"));
    int n = config.recommend().topN();
    Timestamp generatedAt = Timestamp.from(Instant.now());
    Dataset<Row> events = spark.read().format("delta").load(catalog.location(EVENTS))
        .where(col("product_id").isNotNull());
    Dataset<Row> bought = events.where(col("event_type").equalTo("purchase")).select("user_id", "product_id").distinct();
    Dataset<Row> known = model.userFactors().select("user_id");
    Dataset<Row> coldUsers = events.select("user_id").distinct().join(known, new String[] {"user_id"}, "left_anti");
    Dataset<Row> lists = model.recommend(known, bought, n).withColumn("source", lit("als"))
        .unionByName(coldStart(model, events.join(coldUsers, "user_id"), bought, n))
        .withColumn("model_name", lit(FactorModel.NAME))
        .withColumn("model_version", lit(model.version()))
        .withColumn("generated_at", lit(generatedAt))
        .select("user_id", "rank", "product_id", "category", "score", "source", "model_name", "model_version",
            "generated_at");
    lists.write().format("delta").mode("overwrite").save(catalog.location(TABLE));
    model.popularOverall(n)
        .withColumn("model_name", lit(FactorModel.NAME))
        .withColumn("model_version", lit(model.version()))
        .withColumn("generated_at", lit(generatedAt))
        .select("rank", "product_id", "category", "score", "model_name", "model_version", "generated_at")
        .write().format("delta").mode("overwrite").save(catalog.location(POPULAR_TABLE));
    Dataset<Row> written = spark.read().format("delta").load(catalog.location(TABLE));
    long keys = pushToRedis(asJson(written).union(popularJson(spark)));
    long cold = written.where(col("source").equalTo("popular-category")).select("user_id").distinct().count();
    long all = written.select("user_id").distinct().count();
    return new Pushed(model.version(), all - cold, cold, keys);
  }

  /** Pushes (key, json) rows to Redis from the tasks that hold them, pipelined; returns how many. */
  public long pushToRedis(Dataset<Row> keyValues) {
    String url = config.recommend().redisUrl();
    long ttl = config.recommend().ttl().toSeconds();
    try (redis.clients.jedis.Jedis jedis = RedisLists.connect(url)) {
      jedis.ping();
    } catch (JedisConnectionException e) {
      throw new IllegalStateException("Cannot push recommendations to Redis at " + url + ": " + e.getMessage()
          + "; the lists are in " + TABLE + " and recommend for answers from there until Redis is back", e);
    }
    keyValues.foreachPartition((ForeachPartitionFunction<Row>) rows -> RedisLists.pushPipelined(url, ttl, rows));
    return keyValues.count();
  }

  /** (key, json) per user of rows shaped like gold.commerce_recommendations. */
  public static Dataset<Row> asJson(Dataset<Row> lists) {
    return lists
        .groupBy("user_id")
        .agg(first("source").as("source"), max("model_version").as("model_version"), max("generated_at").as("generated_at"),
            array_sort(collect_list(struct("rank", "product_id", "category", "score"))).as("items"))
        .select(concat(lit(RedisLists.USER_PREFIX), col("user_id")).as("key"),
            to_json(struct("user_id", "source", "model_version", "generated_at", "items")).as("value"));
  }

  private Dataset<Row> popularJson(SparkSession spark) {
    return spark.read().format("delta").load(catalog.location(POPULAR_TABLE))
        .withColumn("user_id", lit("*"))
        .withColumn("source", lit("popular"))
        .transform(RecommendServing::asJson)
        .select(lit(RedisLists.POPULAR).as("key"), col("value"));
  }

  // popular items of the categories each user touched, weighted by the user's weight in the category
  private Dataset<Row> coldStart(FactorModel model, Dataset<Row> events, Dataset<Row> bought, int n) {
    Timestamp asOf = events.agg(max("event_at")).head().getTimestamp(0);
    if (asOf == null) {
      return model.recommend(events.select("user_id"), bought, n).withColumn("source", lit("als"));
    }
    Dataset<Row> byCategory = Interactions.apply(events.where(col("category").isNotNull()),
            Interactions.Weights.of(config.recommend()), asOf)
        .join(events.select("product_id", "category").distinct(), "product_id")
        .groupBy("user_id", "category").agg(sum("weight").as("user_weight"));
    return byCategory
        .join(model.popular().select("product_id", "category", "popularity"), "category")
        .join(bought, new String[] {"user_id", "product_id"}, "left_anti")
        .withColumn("score", col("popularity").multiply(col("user_weight")))
        .withColumn("rank", row_number().over(Window.partitionBy("user_id").orderBy(desc("score"), col("product_id"))))
        .where(col("rank").leq(n))
        .select(col("user_id"), col("product_id"), col("category"), col("score"), col("rank"),
            lit("popular-category").as("source"));
  }

  /**
   * A user's list from Redis ({@code reco:user:<id>}, else the overall popular list
   * {@code reco:popular}, with a note saying so), in a process that never starts Spark. When Redis
   * holds neither or cannot be reached, the answer comes from the Delta tables of the lakehouse
   * {@code open} opens, with a warning: gold.commerce_recommendations, else
   * gold.commerce_popular_items, else the most bought products of silver.commerce_events (before
   * any model was pushed).
   */
  public static Answer lookup(LakehouseConfig config, String userId, Supplier<Lakehouse> open) {
    String url = config.recommend().redisUrl();
    try {
      Optional<String> json = dev.lakehouse.Timings.time("redis " + RedisLists.userKey(userId),
          () -> RedisLists.read(url, RedisLists.userKey(userId)));
      if (json.isPresent()) {
        return parse(userId, json.get(), "redis", Optional.empty(), Optional.empty());
      }
      json = RedisLists.read(url, RedisLists.POPULAR);
      if (json.isPresent()) {
        return parse(userId, json.get(), "redis", Optional.empty(), Optional.of("Note: Redis holds no list for "
            + userId + " (" + RedisLists.userKey(userId) + "); these are the overall popular items (" + RedisLists.POPULAR
            + ")"));
      }
      return fromDelta(userId, open.get(), Optional.of(
          "Warning: Redis at " + url + " holds no list for " + userId + " and no popular list; answering from " + TABLE));
    } catch (JedisConnectionException e) {
      return fromDelta(userId, open.get(), Optional.of("Warning: Redis at " + url + " is unreachable ("
          + e.getMessage() + "); answering from " + TABLE));
    }
  }

  private static Answer fromDelta(String userId, Lakehouse lakehouse, Optional<String> warning) {
    SparkSession spark = lakehouse.spark();
    TableCatalog catalog = lakehouse.catalog();
    String from = TABLE;
    List<Row> rows = spark.read().format("delta").load(catalog.location(TABLE))
        .where(col("user_id").equalTo(userId)).orderBy("rank").collectAsList();
    if (rows.isEmpty()) {
      from = POPULAR_TABLE;
      rows = spark.read().format("delta").load(catalog.location(POPULAR_TABLE)).orderBy("rank")
          .withColumn("source", lit("popular")).collectAsList();
    }
    if (rows.isEmpty()) {
      from = EVENTS;
      rows = mostBought(spark.read().format("delta").load(catalog.location(EVENTS)), lakehouse.config().recommend().topN())
          .collectAsList();
    }
    List<Item> items = new ArrayList<>();
    int version = 0;
    for (Row r : rows) {
      items.add(new Item(r.<Integer>getAs("rank"), r.getAs("product_id"), r.getAs("category"),
          ((Number) r.getAs("score")).doubleValue()));
      version = r.<Integer>getAs("model_version");
    }
    String source = rows.isEmpty() ? "none" : rows.get(0).getAs("source");
    return new Answer(userId, source, version, items, from, warning, Optional.empty());
  }

  // before any push: the products bought most (then viewed most), as a list without a model (version 0)
  static Dataset<Row> mostBought(Dataset<Row> events, int n) {
    return events
        .where(col("product_id").isNotNull())
        .groupBy("product_id")
        .agg(sum(org.apache.spark.sql.functions.when(col("event_type").equalTo("purchase"), 1).otherwise(0)).as("bought"),
            org.apache.spark.sql.functions.count(lit(1)).as("events"),
            first("category", true).as("category"))
        .withColumn("rank", row_number().over(Window.orderBy(desc("bought"), desc("events"), col("product_id"))))
        .where(col("rank").leq(n))
        .select(col("rank"), col("product_id"), col("category"), col("bought").cast("double").as("score"),
            lit("most-bought").as("source"), lit(0).as("model_version"))
        .orderBy("rank");
  }

  static Answer parse(String userId, String json, String from, Optional<String> warning, Optional<String> note) {
    try {
      JsonNode node = new ObjectMapper().readTree(json);
      List<Item> items = new ArrayList<>();
      for (JsonNode item : node.get("items")) {
        items.add(new Item(item.path("rank").asInt(), item.path("product_id").asText(),
            item.path("category").isNull() ? null : item.path("category").asText(null), item.path("score").asDouble()));
      }
      return new Answer(userId, node.path("source").asText(), node.path("model_version").asInt(), items, from, warning,
          note);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the recommendation list of " + userId + " from Redis: " + e.getMessage(), e);
    }
  }
}
