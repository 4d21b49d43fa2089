package dev.lakehouse.ml.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * {@code recommend stream}: real-time lists for users active now. Each micro-batch of
 * silver.commerce_events (a Delta stream) takes, per user, the {@link #RECENT} products they
 * viewed, clicked or carted most recently in the batch, and replaces their Redis list with the
 * items most similar to those (summed cosine similarity of the promoted model's item factors),
 * leaving out the products they just looked at and everything they ever bought. Setting a key is
 * idempotent, so a re-run batch changes nothing.
 */
public final class RecommendStream {
  public static final String QUERY = "recommend-realtime";
  static final int RECENT = 3;
  static final int NEIGHBOURS = 50;
  // cosine similarity of two float arrays
  private static final String COSINE = "aggregate(zip_with(a.features, b.features, (x, y) -> cast(x as double) * y), 0D,"
      + " (acc, v) -> acc + v) / (a.norm * b.norm)";

  private final LakehouseConfig config;
  private final TableCatalog catalog;

  public RecommendStream(LakehouseConfig config, TableCatalog catalog) {
    this.config = config;
    this.catalog = catalog;
  }

  public StreamingQuery start(SparkSession spark, Trigger trigger) throws TimeoutException {
    FactorModel model = FactorModel.current(spark, config, catalog, FactorModel.NAME).orElseThrow(() ->
        new IllegalStateException("Cannot start real-time recommendations: no version of " + FactorModel.NAME
            + " is promoted; run bin/lakehouse recommend train first"));
    Dataset<Row> similar = similarities(model.itemFactors(), NEIGHBOURS).persist();
    Updater updater = new Updater(this, similar, model.version());
    return spark.readStream().format("delta").load(catalog.location(RecommendServing.EVENTS))
        .writeStream()
        .queryName(QUERY)
        .option("checkpointLocation", config.path("checkpoints/recommend/realtime"))
        .trigger(trigger)
        .foreachBatch(updater)
        .start();
  }

  /** The {@code n} most similar items of each item by cosine of factors: (product_id, similar_id, category, similarity). */
  public static Dataset<Row> similarities(Dataset<Row> itemFactors, int n) {
    Dataset<Row> normed = itemFactors.withColumn("norm",
        expr("sqrt(aggregate(features, 0D, (acc, x) -> acc + cast(x as double) * x))"));
    return normed.as("a").crossJoin(normed.as("b"))
        .where(col("a.product_id").notEqual(col("b.product_id")))
        .select(col("a.product_id").as("product_id"), col("b.product_id").as("similar_id"),
            col("b.category").as("category"), expr(COSINE).as("similarity"))
        .withColumn("_n", row_number().over(Window.partitionBy("product_id").orderBy(desc("similarity"), col("similar_id"))))
        .where(col("_n").leq(n))
        .drop("_n");
  }

  /** The new lists (shaped like gold.commerce_recommendations) of the users active in a batch of events. */
  Dataset<Row> lists(Dataset<Row> batch, Dataset<Row> similar, int modelVersion) {
    SparkSession spark = batch.sparkSession();
    Dataset<Row> looked = batch
        .where(col("event_type").isin("view", "click", "cart").and(col("product_id").isNotNull()))
        .withColumn("_n", row_number().over(Window.partitionBy("user_id").orderBy(desc("event_at"), desc("event_id"))))
        .where(col("_n").leq(RECENT))
        .select("user_id", "product_id");
    Dataset<Row> users = looked.select("user_id").distinct();
    Dataset<Row> bought = spark.read().format("delta").load(catalog.location(RecommendServing.EVENTS))
        .where(col("event_type").equalTo("purchase").and(col("product_id").isNotNull()))
        .join(users, "user_id")
        .select("user_id", "product_id");
    Dataset<Row> excluded = bought.union(looked)
        .union(batch.where(col("event_type").equalTo("purchase")).select("user_id", "product_id"));
    return looked.join(similar, "product_id")
        .groupBy(col("user_id"), col("similar_id").as("product_id"), col("category"))
        .agg(sum("similarity").as("score"))
        .join(excluded, new String[] {"user_id", "product_id"}, "left_anti")
        .withColumn("rank", row_number().over(Window.partitionBy("user_id").orderBy(desc("score"), col("product_id"))))
        .where(col("rank").leq(config.recommend().topN()))
        .withColumn("source", lit("realtime"))
        .withColumn("model_version", lit(modelVersion))
        .withColumn("generated_at", lit(Timestamp.from(Instant.now())));
  }

  private static final class Updater implements VoidFunction2<Dataset<Row>, Long> {
    private final transient RecommendStream stream;
    private final transient Dataset<Row> similar;
    private final int modelVersion;

    Updater(RecommendStream stream, Dataset<Row> similar, int modelVersion) {
      this.stream = stream;
      this.similar = similar;
      this.modelVersion = modelVersion;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) {
      Dataset<Row> events = batch.persist();
      try {
        if (events.isEmpty()) {
          return;
        }
        Dataset<Row> keyValues = RecommendServing.asJson(stream.lists(events, similar, modelVersion));
        new RecommendServing(stream.config, stream.catalog).pushToRedis(keyValues);
      } finally {
        events.unpersist();
      }
    }
  }
}
