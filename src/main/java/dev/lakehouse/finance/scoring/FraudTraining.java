package dev.lakehouse.finance.scoring;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.finance.fraud.CardState;
import dev.lakehouse.finance.fraud.FraudRules;
import dev.lakehouse.ml.BinaryMetrics;
import dev.lakehouse.ml.ModelRegistry;
import dev.lakehouse.ops.OpsTables;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code finance train}: trains a fraud model on the labelled payments of silver.finance_payments,
 * evaluates it on a time-based holdout (the latest {@code holdoutFraction} of the payments, scored
 * with card state built from everything before them, as in serving), and promotes it only if it
 * ranks the holdout better (AUC-PR) than what serves now: the promoted model, or the rules when
 * there is none. Optionally it also evaluates on other labelled payments read from files (another
 * world: other customers, cards and merchants, e.g. a day the generator made with another seed),
 * the test that the model learnt fraud and not this data set.
 * Every version is registered in ops.model_registry with its metrics, promoted or not. Trained up to
 * a date, it reads the payments of that day and before, records the date among its parameters, and
 * is trained once per date and parameters: a re-run finds it with {@link #trainedFor}.
 */
public final class FraudTraining {
  static final String SOURCE = "silver.finance_payments";
  private static final int MIN_TRAIN_FRAUDS = 10;
  private static final int MIN_HOLDOUT_FRAUDS = 3;
  private static final StructType PAYMENT_JSON = new StructType()
      .add("payment_id", DataTypes.StringType)
      .add("customer_id", DataTypes.StringType)
      .add("customer_country", DataTypes.StringType)
      .add("card_id", DataTypes.StringType)
      .add("merchant_id", DataTypes.StringType)
      .add("merchant_category", DataTypes.StringType)
      .add("merchant_country", DataTypes.StringType)
      .add("amount_cents", DataTypes.LongType)
      .add("currency", DataTypes.StringType)
      .add("device_id", DataTypes.StringType)
      .add("lat", DataTypes.DoubleType)
      .add("lon", DataTypes.DoubleType)
      .add("paid_at", DataTypes.TimestampType)
      .add("is_fraud", DataTypes.BooleanType)
      .add("fraud_pattern", DataTypes.StringType);

  /** What to train and how to judge it; {@code date}: train on the payments up to and including it. */
  public record Options(FraudModel.Params params, double holdoutFraction, int topK, double maxFpr,
      Optional<String> otherPayments, Optional<LocalDate> date) {
    public Options {
      if (!(holdoutFraction > 0 && holdoutFraction < 1)) {
        throw new IllegalArgumentException("Invalid --holdout-fraction " + holdoutFraction + ": must be in (0, 1)");
      }
      if (topK < 1) {
        throw new IllegalArgumentException("Invalid --top-k " + topK + ": must be at least 1");
      }
      if (!(maxFpr > 0 && maxFpr < 1)) {
        throw new IllegalArgumentException("Invalid --max-fpr " + maxFpr + ": must be in (0, 1)");
      }
    }
  }

  /** AUC-PR, precision@k and recall at the false-positive bound of one scorer on one data set. */
  public record Figures(double aucPr, double precisionAtK, double recallAtFpr) {}

  /**
   * How each scorer ranked one data set: rules, model, combined, and the promoted model if any;
   * {@code leftOut} counts input lines without a payment id, time or label (other payments only).
   */
  public record Evaluation(String data, long payments, long frauds, long leftOut, Map<String, Figures> byScorer) {}

  /** The registered version, its evaluations, and what served before. */
  public record Result(ModelRegistry.Version version, Evaluation holdout, Optional<Evaluation> otherData,
      Optional<Integer> previousVersion, boolean promoted) {}

  private final LakehouseConfig config;
  private final TableCatalog catalog;

  public FraudTraining(LakehouseConfig config, TableCatalog catalog) {
    this.config = config;
    this.catalog = catalog;
  }

  public Result train(SparkSession spark, Options options) {
    String location = catalog.location(SOURCE);
    long sourceVersion = OpsTables.latestVersion(spark, location);
    Dataset<Row> labelled = spark.read().format("delta").option("versionAsOf", sourceVersion).load(location)
        .where(col("is_fraud").isNotNull());
    if (options.date().isPresent()) {
      labelled = labelled.where(col("paid_date").leq(lit(java.sql.Date.valueOf(options.date().get()))));
    }
    Dataset<Row> folded = fold(labelled).withColumn("_paid_s", col("paid_at").cast("double")).persist();
    try {
      if (folded.isEmpty()) {
        throw new IllegalStateException("Cannot train the fraud model: " + SOURCE + " has no labelled payments"
            + options.date().map(d -> " up to " + d).orElse("") + "; run generate, ingest and refine first");
      }
      double cutoff = folded.stat().approxQuantile("_paid_s", new double[] {1 - options.holdoutFraction()}, 0.0001)[0];
      Dataset<Row> train = folded.where(col("_paid_s").lt(cutoff));
      Dataset<Row> holdout = folded.where(col("_paid_s").geq(cutoff));
      long trainFrauds = train.where(col("is_fraud")).count();
      long trainPayments = train.count();
      long holdoutFrauds = holdout.where(col("is_fraud")).count();
      if (trainFrauds < MIN_TRAIN_FRAUDS || holdoutFrauds < MIN_HOLDOUT_FRAUDS) {
        throw new IllegalStateException(String.format("Cannot train the fraud model: %s has %d fraud-labelled payments"
            + " to train on and %d in the holdout; need at least %d and %d (generate more payments, or raise"
            + " generate.fraud-rate)", SOURCE, trainFrauds, holdoutFrauds, MIN_TRAIN_FRAUDS, MIN_HOLDOUT_FRAUDS));
      }
      // balanced classes: all frauds together weigh as much as all genuine payments
      double fraudWeight = (double) (trainPayments - trainFrauds) / trainFrauds;
      FraudModel model = FraudModel.fit(
          train.withColumn(FraudModel.WEIGHT, when(col("is_fraud"), lit(fraudWeight)).otherwise(lit(1.0))),
          options.params());
      Optional<FraudModel> current = FraudModel.current(spark, config, catalog);
      Evaluation onHoldout = evaluate("holdout", holdout, model, current, options, 0);
      Optional<Evaluation> onOtherData = options.otherPayments().map(path -> evaluateOther(spark, path, model, current, options));
      return register(spark, model, current, options, onHoldout, onOtherData,
          Map.of(SOURCE, sourceVersion), trainPayments, trainFrauds, fraudWeight);
    } finally {
      folded.unpersist();
    }
  }

  /**
   * The version already trained up to {@code options.date()} with the same parameters, if any (the
   * latest); none without a date.
   */
  public Optional<ModelRegistry.Version> trainedFor(SparkSession spark, Options options) {
    if (options.date().isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> parameters = parameters(options);
    return new ModelRegistry(config, catalog).versions(spark, FraudModel.NAME).stream()
        .filter(v -> v.parameters().equals(parameters))
        .reduce((a, b) -> b);
  }

  // what the registry records of how a version was trained
  private static Map<String, String> parameters(Options options) {
    Map<String, String> parameters = new TreeMap<>(options.params().asMap());
    parameters.put("holdout_fraction", Double.toString(options.holdoutFraction()));
    parameters.put("top_k", Integer.toString(options.topK()));
    parameters.put("max_fpr", Double.toString(options.maxFpr()));
    options.otherPayments().ifPresent(path -> parameters.put("other_data", path));
    options.date().ifPresent(date -> parameters.put("date", date.toString()));
    return parameters;
  }

  /** Folds payments card by card from an empty state: the features and rules' scores as served. */
  static Dataset<Row> fold(Dataset<Row> payments) {
    CardFold fold = new CardFold(FraudRules.withDefaults());
    return CardFold.input(payments)
        .groupByKey((MapFunction<Row, String>) r -> r.getString(2), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (card, rows) -> {
          List<Row> all = new ArrayList<>();
          rows.forEachRemaining(all::add);
          return fold.fold(card, all, CardState.empty()).rows().iterator();
        }, Encoders.row(CardFold.OUTPUT));
  }

  /** Labelled payments from JSON lines files (the columns of silver.finance_payments), as silver would have them. */
  static Dataset<Row> payments(SparkSession spark, String path) {
    return spark.read().schema(PAYMENT_JSON).json(path);
  }

  // the other payments, those with an id, a time and a label; the rest is counted, not silently dropped
  private Evaluation evaluateOther(SparkSession spark, String path, FraudModel model, Optional<FraudModel> current,
      Options options) {
    Dataset<Row> read = payments(spark, path).persist();
    try {
      Dataset<Row> usable = read.where(col("payment_id").isNotNull().and(col("card_id").isNotNull())
          .and(col("paid_at").isNotNull()).and(col("is_fraud").isNotNull()));
      long total = read.count();
      long kept = usable.count();
      if (kept == 0) {
        throw new IllegalStateException("Cannot evaluate on " + path + ": none of its " + total + " lines is a labelled "
            + "payment (JSON with payment_id, card_id, paid_at and is_fraud)");
      }
      return evaluate("other payments " + path, fold(usable), model, current, options, total - kept);
    } finally {
      read.unpersist();
    }
  }

  private Evaluation evaluate(String data, Dataset<Row> folded, FraudModel model, Optional<FraudModel> current,
      Options options, long leftOut) {
    Dataset<Row> scored = model.score(folded, "model_score");
    if (current.isPresent()) {
      scored = current.get().score(scored, "current_score");
    } else {
      scored = scored.withColumn("current_score", lit(null).cast(DataTypes.DoubleType));
    }
    List<Row> rows = scored.select("rules_score", "model_score", "current_score", "is_fraud").collectAsList();
    int n = rows.size();
    double[] rules = new double[n];
    double[] ml = new double[n];
    double[] combined = new double[n];
    double[] previous = new double[n];
    boolean[] labels = new boolean[n];
    double weight = config.fraud().mlWeight();
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      rules[i] = r.getDouble(0);
      ml[i] = r.getDouble(1);
      combined[i] = (1 - weight) * rules[i] + weight * ml[i];
      previous[i] = r.isNullAt(2) ? Double.NaN : r.getDouble(2);
      labels[i] = r.getBoolean(3);
    }
    Map<String, Figures> byScorer = new LinkedHashMap<>();
    byScorer.put("rules", figures(rules, labels, options));
    byScorer.put("model", figures(ml, labels, options));
    byScorer.put("combined", figures(combined, labels, options));
    current.ifPresent(c -> byScorer.put("current model v" + c.version(), figures(previous, labels, options)));
    long frauds = 0;
    for (boolean label : labels) {
      frauds += label ? 1 : 0;
    }
    return new Evaluation(data, n, frauds, leftOut, byScorer);
  }

  private static Figures figures(double[] scores, boolean[] labels, Options options) {
    BinaryMetrics metrics = BinaryMetrics.of(scores, labels);
    return new Figures(metrics.areaUnderPr(), metrics.precisionAtK(options.topK()), metrics.recallAtFpr(options.maxFpr()));
  }

  private Result register(SparkSession spark, FraudModel model, Optional<FraudModel> current, Options options,
      Evaluation onHoldout, Optional<Evaluation> onOtherData, Map<String, Long> trainingData, long trainPayments,
      long trainFrauds, double fraudWeight) {
    ModelRegistry registry = new ModelRegistry(config, catalog);
    int version = registry.nextVersion(spark, FraudModel.NAME);
    double candidate = onHoldout.byScorer().get("model").aucPr();
    String baselineName = current.map(c -> "current model v" + c.version()).orElse("rules");
    double baseline = onHoldout.byScorer().get(baselineName).aucPr();
    boolean promoted = candidate > baseline;
    String note = String.format("holdout AUC-PR %.4f %s %s %.4f on the same holdout: %s", candidate,
        promoted ? ">" : "<=", baselineName, baseline, promoted ? "promoted" : "kept " + baselineName);
    Map<String, Double> metrics = new TreeMap<>();
    metrics.put("train.payments", (double) trainPayments);
    metrics.put("train.frauds", (double) trainFrauds);
    metrics.put("train.fraud_weight", fraudWeight);
    put(metrics, onHoldout, "holdout");
    onOtherData.ifPresent(e -> put(metrics, e, "other_data"));
    Map<String, String> parameters = parameters(options);
    Path directory = registry.directory(FraudModel.NAME, version);
    model.save(directory.toString());
    ModelRegistry.Version registered = new ModelRegistry.Version(FraudModel.NAME, version, directory.toString(),
        FraudModel.ALGORITHM, parameters, metrics, "holdout.model.auc_pr", trainingData, Instant.now(),
        promoted ? ModelRegistry.PROMOTED : ModelRegistry.REJECTED, note);
    ModelRegistry.writeMetrics(directory, registered);
    registry.add(spark, registered);
    return new Result(registered, onHoldout, onOtherData, current.map(FraudModel::version), promoted);
  }

  private static void put(Map<String, Double> metrics, Evaluation evaluation, String prefix) {
    metrics.put(prefix + ".payments", (double) evaluation.payments());
    metrics.put(prefix + ".frauds", (double) evaluation.frauds());
    evaluation.byScorer().forEach((scorer, figures) -> {
      String key = prefix + "." + (scorer.startsWith("current") ? "current" : scorer);
      metrics.put(key + ".auc_pr", figures.aucPr());
      metrics.put(key + ".precision_at_k", figures.precisionAtK());
      metrics.put(key + ".recall_at_fpr", figures.recallAtFpr());
    });
  }
}
