package dev.lakehouse.ml.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.ml.ModelRegistry;
import dev.lakehouse.ops.OpsTables;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code recommend train}: fits ALS on implicit feedback from silver.commerce_events (or, with a
 * ratings file, on explicit ratings), evaluates it on a time-based holdout (the latest
 * {@code recommend.holdout-fraction} of events) against a popularity baseline and the promoted
 * model, registers it, and promotes it only if its NDCG@k beats what serves now (the promoted
 * model, or popularity when there is none).
 *
 * <p>Evaluation: for every user the model knows who did something new in the holdout, the top k
 * items it has not touched before the cutoff are judged against the items it touched in the
 * holdout for the first time (explicit mode: rated at least {@link #RELEVANT_RATING}). The
 * registered model is the one evaluated, trained on the events before the cutoff.
 */
public final class RecommendTraining {
  static final String SOURCE = "silver.commerce_events";
  static final String RATINGS = "silver.commerce_ratings";
  static final double RELEVANT_RATING = 4.0;
  private static final long SEED = 7;

  /** How one scorer ranked the holdout. */
  public record Evaluation(Map<String, RankingMetrics> byScorer, double rmse) {}

  /** The registered version, its evaluation, what it was trained on, and whether it serves. */
  public record Result(ModelRegistry.Version version, Evaluation holdout, Optional<Integer> previousVersion,
      boolean promoted, long trainEvents, long rejectedLines, int k) {}

  private final LakehouseConfig config;
  private final TableCatalog catalog;

  public RecommendTraining(LakehouseConfig config, TableCatalog catalog) {
    this.config = config;
    this.catalog = catalog;
  }

  /** Implicit feedback from silver.commerce_events, up to and including {@code date} when given. */
  public Result trainImplicit(SparkSession spark, Optional<LocalDate> date) {
    String location = catalog.location(SOURCE);
    long sourceVersion = OpsTables.latestVersion(spark, location);
    Dataset<Row> events = spark.read().format("delta").option("versionAsOf", sourceVersion).load(location)
        .where(col("product_id").isNotNull());
    if (date.isPresent()) {
      events = events.where(col("event_date").leq(lit(java.sql.Date.valueOf(date.get()))));
    }
    events = events.select("user_id", "product_id", "category", "event_type", "event_at").persist();
    try {
      long total = events.count();
      if (total == 0) {
        throw new IllegalStateException("Cannot train the recommender: " + SOURCE + " has no events with a product"
            + date.map(d -> " up to " + d).orElse("") + "; run generate, ingest and refine first");
      }
      Timestamp cutoff = cutoff(events, "event_at");
      Interactions.Weights weights = Interactions.Weights.of(config.recommend());
      Dataset<Row> trainEvents = events.where(col("event_at").lt(lit(cutoff)));
      Dataset<Row> train = Interactions.apply(trainEvents, weights, cutoff).persist();
      Dataset<Row> categories = trainEvents.groupBy("product_id").agg(max("category").as("category"));
      Timestamp last = events.agg(max("event_at")).head().getTimestamp(0);
      Dataset<Row> relevant = Interactions.apply(events.where(col("event_at").geq(lit(cutoff))), weights, last)
          .select("user_id", "product_id");
      Dataset<Row> popularity = train.groupBy("product_id").agg(sum("weight").as("popularity"))
          .join(categories, "product_id");
      long trainCount = trainEvents.count();
      return fitEvaluateRegister(spark, FactorModel.NAME, "als-implicit", true, train, categories, popularity, relevant,
          Map.of(SOURCE, sourceVersion), trainCount, 0, Map.of("half_life", config.value("recommend.half-life"),
              "weights", weightsText()));
    } finally {
      events.unpersist();
    }
  }

  /**
   * Explicit ratings from a file of lines {@code user item rating timestamp} (tab- or
   * comma-separated, timestamp in epoch seconds, as MovieLens). Lines that do not parse are
   * counted and left out.
   */
  public Result trainExplicit(SparkSession spark, String file) {
    Dataset<Row> lines = spark.read().text(file);
    Dataset<Row> parsed = lines
        .withColumn("_f", split(trim(col("value")), "[\\t,]"))
        .select(
            col("_f").getItem(0).as("user_id"),
            col("_f").getItem(1).as("product_id"),
            col("_f").getItem(2).cast("double").as("weight"),
            col("_f").getItem(3).cast("long").cast("timestamp").as("event_at"),
            functionsSize("_f").as("_fields"))
        .persist();
    try {
      Dataset<Row> ratings = parsed.where(col("_fields").equalTo(4).and(col("weight").isNotNull())
          .and(col("event_at").isNotNull()).and(col("user_id").notEqual("")).and(col("product_id").notEqual("")))
          .drop("_fields");
      long total = parsed.count();
      long valid = ratings.count();
      if (valid == 0) {
        throw new IllegalStateException("Cannot train the recommender on " + file + ": none of its " + total
            + " lines is 'user item rating timestamp' (tab- or comma-separated, timestamp in epoch seconds)");
      }
      return trainOnRatings(spark, ratings, Map.of("file:" + file, valid), total - valid,
          Map.of("ratings_file", file, "relevant_rating", Double.toString(RELEVANT_RATING)));
    } finally {
      parsed.unpersist();
    }
  }

  /**
   * Explicit ratings from {@value #RATINGS}, loaded from the user's files with
   * {@code bin/lakehouse load silver.commerce_ratings FILE} (checked there: bad rows are held in ops.quarantine).
   */
  public Result trainExplicitFromTable(SparkSession spark) {
    String location = catalog.location(RATINGS);
    long version = OpsTables.latestVersion(spark, location);
    Dataset<Row> ratings = spark.read().format("delta").option("versionAsOf", version).load(location)
        .select(col("user_id"), col("product_id"), col("rating").as("weight"), col("rated_at").as("event_at"))
        .persist();
    try {
      if (ratings.isEmpty()) {
        throw new IllegalStateException("Cannot train the recommender on " + RATINGS + ": it is empty; load ratings with "
            + "bin/lakehouse load " + RATINGS + " FILE");
      }
      return trainOnRatings(spark, ratings, Map.of(RATINGS, version), 0,
          Map.of("ratings_table", RATINGS, "relevant_rating", Double.toString(RELEVANT_RATING)));
    } finally {
      ratings.unpersist();
    }
  }

  // ratings: user_id, product_id, weight (the rating), event_at; the latest holdout-fraction of them is held out
  private Result trainOnRatings(SparkSession spark, Dataset<Row> ratings, Map<String, Long> trainingData, long rejected,
      Map<String, String> parameters) {
    Timestamp cutoff = cutoff(ratings, "event_at");
    Dataset<Row> train = ratings.where(col("event_at").lt(lit(cutoff))).select("user_id", "product_id", "weight")
        .persist();
    Dataset<Row> categories = train.select("product_id").distinct().withColumn("category", lit(null).cast("string"));
    Dataset<Row> relevant = ratings.where(col("event_at").geq(lit(cutoff)).and(col("weight").geq(RELEVANT_RATING)))
        .select("user_id", "product_id");
    Dataset<Row> popularity = train.groupBy("product_id")
        .agg(sum(when(col("weight").geq(RELEVANT_RATING), 1.0).otherwise(0.0)).as("popularity"))
        .join(categories, "product_id");
    Dataset<Row> test = ratings.where(col("event_at").geq(lit(cutoff))).select("user_id", "product_id", "weight");
    long trainRatings = train.count();
    return fitEvaluateRegister(spark, FactorModel.EXPLICIT_NAME, "als-explicit", false, train, categories,
        popularity, relevant, trainingData, trainRatings, rejected, parameters, test);
  }

  private static org.apache.spark.sql.Column functionsSize(String column) {
    return org.apache.spark.sql.functions.size(col(column));
  }

  private Result fitEvaluateRegister(SparkSession spark, String name, String algorithm, boolean implicit,
      Dataset<Row> train, Dataset<Row> categories, Dataset<Row> popularity, Dataset<Row> relevant,
      Map<String, Long> trainingData, long trainEvents, long rejected, Map<String, String> extraParameters) {
    return fitEvaluateRegister(spark, name, algorithm, implicit, train, categories, popularity, relevant, trainingData,
        trainEvents, rejected, extraParameters, null);
  }

  private Result fitEvaluateRegister(SparkSession spark, String name, String algorithm, boolean implicit,
      Dataset<Row> train, Dataset<Row> categories, Dataset<Row> popularity, Dataset<Row> relevant,
      Map<String, Long> trainingData, long trainEvents, long rejected, Map<String, String> extraParameters,
      Dataset<Row> explicitTest) {
    try {
      ModelRegistry registry = new ModelRegistry(config, catalog);
      int version = registry.nextVersion(spark, name);
      Path directory = registry.directory(name, version);
      LakehouseConfig.Recommend settings = config.recommend();
      StringIndexerModel indexer = new StringIndexer()
          .setInputCols(new String[] {"user_id", "product_id"})
          .setOutputCols(new String[] {"_user", "_item"})
          .fit(train);
      Dataset<Row> indexed = indexer.transform(train)
          .withColumn("_user", col("_user").cast("int"))
          .withColumn("_item", col("_item").cast("int"));
      ALSModel als = new ALS()
          .setUserCol("_user")
          .setItemCol("_item")
          .setRatingCol("weight")
          .setImplicitPrefs(implicit)
          .setRank(settings.rank())
          .setMaxIter(settings.maxIter())
          .setRegParam(settings.regParam())
          .setAlpha(settings.alpha())
          .setSeed(SEED)
          .setColdStartStrategy("drop")
          .fit(indexed);
      Dataset<Row> users = indexed.select("user_id", "_user").distinct();
      Dataset<Row> items = indexed.select("product_id", "_item").distinct().join(categories, "product_id");
      new FactorModel(
          als.userFactors().join(users, col("id").equalTo(col("_user"))).select("user_id", "features"),
          als.itemFactors().join(items, col("id").equalTo(col("_item"))).select("product_id", "category", "features"),
          popularity.select("product_id", "category", "popularity"),
          version).save(directory.toString());
      FactorModel model = FactorModel.load(spark, directory.toString(), version);
      Optional<FactorModel> current = FactorModel.current(spark, config, catalog, name);
      int k = settings.topN();
      Dataset<Row> evaluated = relevant.join(model.userFactors().select("user_id"), "user_id")
          .join(train.select("user_id", "product_id"), new String[] {"user_id", "product_id"}, "left_anti");
      Map<String, RankingMetrics> byScorer = new LinkedHashMap<>();
      Map<String, Set<String>> relevantByUser = relevantByUser(evaluated);
      Dataset<Row> evalUsers = evaluated.select("user_id").distinct();
      byScorer.put("als", judge(model.recommend(evalUsers, train, k), relevantByUser, k));
      byScorer.put("popularity", judge(model.popularFor(evalUsers, train, k), relevantByUser, k));
      current.ifPresent(c -> byScorer.put("current model v" + c.version(),
          judge(c.recommend(evalUsers, train, k), relevantByUser, k)));
      double rmse = Double.NaN;
      if (explicitTest != null) {
        Dataset<Row> test = indexer.setHandleInvalid("skip").transform(explicitTest)
            .withColumn("_user", col("_user").cast("int"))
            .withColumn("_item", col("_item").cast("int"));
        rmse = new RegressionEvaluator().setMetricName("rmse").setLabelCol("weight").setPredictionCol("prediction")
            .evaluate(als.transform(test));
      }
      Evaluation evaluation = new Evaluation(byScorer, rmse);
      Map<String, String> parameters = new TreeMap<>(extraParameters);
      parameters.put("rank", Integer.toString(settings.rank()));
      parameters.put("max_iter", Integer.toString(settings.maxIter()));
      parameters.put("reg_param", Double.toString(settings.regParam()));
      parameters.put("alpha", Double.toString(settings.alpha()));
      parameters.put("holdout_fraction", Double.toString(settings.holdoutFraction()));
      parameters.put("top_n", Integer.toString(k));
      parameters.put("seed", Long.toString(SEED));
      Map<String, Double> metrics = new TreeMap<>();
      metrics.put("train.events", (double) trainEvents);
      metrics.put("train.users", (double) model.userFactors().count());
      metrics.put("train.items", (double) model.itemFactors().count());
      metrics.put("input.rejected_lines", (double) rejected);
      metrics.put("holdout.users", (double) byScorer.get("als").users());
      byScorer.forEach((scorer, m) -> {
        String key = "holdout." + (scorer.startsWith("current") ? "current" : scorer) + ".";
        metrics.put(key + "precision_at_" + k, m.precisionAtK());
        metrics.put(key + "recall_at_" + k, m.recallAtK());
        metrics.put(key + "ndcg_at_" + k, m.ndcgAtK());
        metrics.put(key + "map_at_" + k, m.mapAtK());
      });
      if (!Double.isNaN(rmse)) {
        metrics.put("holdout.als.rmse", rmse);
      }
      String baselineName = current.map(c -> "current model v" + c.version()).orElse("popularity");
      double candidate = byScorer.get("als").ndcgAtK();
      double baseline = byScorer.get(baselineName).ndcgAtK();
      boolean promoted = candidate > baseline;
      String note = String.format("holdout NDCG@%d %.4f %s %s %.4f on the same holdout: %s", k, candidate,
          promoted ? ">" : "<=", baselineName, baseline, promoted ? "promoted" : "kept " + baselineName);
      ModelRegistry.Version registered = new ModelRegistry.Version(name, version, directory.toString(), algorithm,
          parameters, metrics, "holdout.als.ndcg_at_" + k, trainingData, Instant.now(),
          promoted ? ModelRegistry.PROMOTED : ModelRegistry.REJECTED, note);
      ModelRegistry.writeMetrics(directory, registered);
      registry.add(spark, registered);
      return new Result(registered, evaluation, current.map(FactorModel::version), promoted, trainEvents, rejected, k);
    } finally {
      train.unpersist();
    }
  }

  // the time before which events train and from which they are held out
  private Timestamp cutoff(Dataset<Row> events, String column) {
    double seconds = events.withColumn("_t", col(column).cast("double")).stat()
        .approxQuantile("_t", new double[] {1 - config.recommend().holdoutFraction()}, 0.0001)[0];
    return new Timestamp(Math.round(seconds * 1000));
  }

  private String weightsText() {
    LakehouseConfig.Recommend r = config.recommend();
    return String.format("view=%s,click=%s,cart=%s,purchase=%s", r.weightView(), r.weightClick(), r.weightCart(),
        r.weightPurchase());
  }

  private static Map<String, Set<String>> relevantByUser(Dataset<Row> relevant) {
    Map<String, Set<String>> byUser = new HashMap<>();
    for (Row r : relevant.groupBy("user_id").agg(collect_list("product_id")).collectAsList()) {
      byUser.put(r.getString(0), new HashSet<>(r.getList(1)));
    }
    return byUser;
  }

  // the recommendations (user_id, product_id, rank) of every judged user, against what was relevant
  private static RankingMetrics judge(Dataset<Row> recommendations, Map<String, Set<String>> relevant, int k) {
    Map<String, List<String>> ranked = new HashMap<>();
    for (Row r : recommendations.groupBy("user_id").agg(collect_list(struct("rank", "product_id"))).collectAsList()) {
      List<Row> list = new ArrayList<>(r.getList(1));
      list.sort(Comparator.comparingInt(x -> x.getInt(0)));
      ranked.put(r.getString(0), list.stream().map(x -> x.getString(1)).toList());
    }
    List<RankingMetrics.Judged> judged = new ArrayList<>();
    relevant.forEach((user, items) -> judged.add(new RankingMetrics.Judged(ranked.getOrDefault(user, List.of()), items)));
    return RankingMetrics.of(judged, k);
  }

}
