package dev.lakehouse.finance.scoring;

import static org.apache.spark.ml.functions.array_to_vector;
import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.col;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.ml.ModelRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The fraud model: gradient-boosted trees over the {@link CardFold} features, trained with class
 * weights (each fraud weighs as much as all genuine payments over all frauds, so the rare class is
 * not ignored). Its score is the model's probability of fraud. Because of the weighting that
 * probability is not calibrated to the real fraud rate: read it as a rank, as the metrics do.
 */
public final class FraudModel {
  public static final String NAME = "fraud";
  public static final String ALGORITHM = "gbt-classifier";
  static final String WEIGHT = "class_weight";
  private static final String VECTOR = "_features_vector";
  private static final String RAW = "_raw_prediction";
  private static final String PROBABILITY = "_probability";
  private static final String PREDICTION = "_prediction";

  /** Training parameters. */
  public record Params(int maxIter, int maxDepth, double stepSize, double subsamplingRate, long seed) {
    public Params {
      if (maxIter < 1) {
        throw new IllegalArgumentException("Invalid --max-iter " + maxIter + ": must be at least 1");
      }
      if (maxDepth < 1 || maxDepth > 30) {
        throw new IllegalArgumentException("Invalid --max-depth " + maxDepth + ": must be in [1, 30]");
      }
      if (!(stepSize > 0 && stepSize <= 1)) {
        throw new IllegalArgumentException("Invalid --step-size " + stepSize + ": must be in (0, 1]");
      }
      if (!(subsamplingRate > 0 && subsamplingRate <= 1)) {
        throw new IllegalArgumentException("Invalid subsampling rate " + subsamplingRate + ": must be in (0, 1]");
      }
    }

    public static Params defaults() {
      return new Params(60, 5, 0.1, 0.8, 7);
    }

    Map<String, String> asMap() {
      Map<String, String> map = new TreeMap<>();
      map.put("max_iter", Integer.toString(maxIter));
      map.put("max_depth", Integer.toString(maxDepth));
      map.put("step_size", Double.toString(stepSize));
      map.put("subsampling_rate", Double.toString(subsamplingRate));
      map.put("seed", Long.toString(seed));
      map.put("features", String.join(",", dev.lakehouse.finance.fraud.FraudRules.FEATURES));
      return map;
    }
  }

  private final PipelineModel pipeline;
  private final int version;

  private FraudModel(PipelineModel pipeline, int version) {
    this.pipeline = pipeline;
    this.version = version;
  }

  /** Fits a model on folded payments carrying {@link #WEIGHT}; version 0 until registered. */
  static FraudModel fit(Dataset<Row> weighted, Params params) {
    GBTClassifier trees = new GBTClassifier()
        .setLabelCol("label")
        .setFeaturesCol(VECTOR)
        .setWeightCol(WEIGHT)
        .setRawPredictionCol(RAW)
        .setProbabilityCol(PROBABILITY)
        .setPredictionCol(PREDICTION)
        .setMaxIter(params.maxIter())
        .setMaxDepth(params.maxDepth())
        .setStepSize(params.stepSize())
        .setSubsamplingRate(params.subsamplingRate())
        .setSeed(params.seed());
    Dataset<Row> input = weighted
        .withColumn(VECTOR, array_to_vector(col("features")))
        .withColumn("label", col("is_fraud").cast("double"));
    return new FraudModel(new Pipeline().setStages(new PipelineStage[] {trees}).fit(input), 0);
  }

  /** The promoted model of the registry, if there is one. */
  public static Optional<FraudModel> current(SparkSession spark, LakehouseConfig config, TableCatalog catalog) {
    return new ModelRegistry(config, catalog).current(spark, NAME)
        .map(v -> new FraudModel(PipelineModel.load(v.path()), v.version()));
  }

  /** The version it was registered as; 0 for a model not registered. */
  public int version() {
    return version;
  }

  FraudModel registeredAs(int registered) {
    return new FraudModel(pipeline, registered);
  }

  /** Adds the model's probability of fraud as {@code column} to rows with {@code features}. */
  public Dataset<Row> score(Dataset<Row> folded, String column) {
    return pipeline.transform(folded.withColumn(VECTOR, array_to_vector(col("features"))))
        .withColumn(column, vector_to_array(col(PROBABILITY), "float64").getItem(1))
        .drop(VECTOR, RAW, PROBABILITY, PREDICTION);
  }

  void save(String path) {
    try {
      pipeline.write().overwrite().save(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the fraud model to " + path + ": " + e.getMessage(), e);
    }
  }
}
