package dev.lakehouse.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.ops.DeltaRetries;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * ops.model_registry: every trained version of every model, with its parameters, metrics and the
 * Delta versions of the data it was trained on. At most one version per name is {@code promoted}
 * (the one that serves); promoting a new one archives the old, and {@link #rollback} brings the
 * newest archived version back. Model files live under {@code LAKEHOUSE_HOME/models/<name>/<version>}.
 *
 * <p>Status changes are two Delta commits (archive the old, then add or promote the new), so a
 * reader between them sees no promoted version for a moment; readers then fall back to the rules
 * or the previous cache, never to a wrong model.
 */
public final class ModelRegistry {
  public static final String TABLE = "ops.model_registry";
  public static final String PROMOTED = "promoted";
  public static final String ARCHIVED = "archived";
  public static final String REJECTED = "rejected";
  public static final String ROLLED_BACK = "rolled_back";

  /** One registered version. */
  public record Version(String name, int version, String path, String algorithm, Map<String, String> parameters,
      Map<String, Double> metrics, String primaryMetric, Map<String, Long> trainingData, Instant createdAt,
      String status, String note) {
    public Version {
      parameters = Map.copyOf(parameters);
      metrics = Map.copyOf(metrics);
      trainingData = Map.copyOf(trainingData);
    }

    /** The primary metric's value; NaN if the version lacks it. */
    public double primary() {
      return metrics.getOrDefault(primaryMetric, Double.NaN);
    }
  }

  private final LakehouseConfig config;
  private final TableCatalog catalog;

  public ModelRegistry(LakehouseConfig config, TableCatalog catalog) {
    this.config = config;
    this.catalog = catalog;
  }

  /** Where version files of a model go. */
  public Path directory(String name, int version) {
    return Path.of(config.path("models")).resolve(name).resolve(Integer.toString(version));
  }

  /** Every version of a model, oldest first. */
  public List<Version> versions(SparkSession spark, String name) {
    return table(spark).toDF().where(col("name").equalTo(name)).collectAsList().stream()
        .map(ModelRegistry::version)
        .sorted(Comparator.comparingInt(Version::version))
        .toList();
  }

  /** Every version of every model, by name then version. */
  public List<Version> all(SparkSession spark) {
    return table(spark).toDF().collectAsList().stream()
        .map(ModelRegistry::version)
        .sorted(Comparator.comparing(Version::name).thenComparingInt(Version::version))
        .toList();
  }

  /** The version that serves, if any. */
  public Optional<Version> current(SparkSession spark, String name) {
    return versions(spark, name).stream().filter(v -> v.status().equals(PROMOTED)).reduce((a, b) -> b);
  }

  /** The number the next version of a model gets. */
  public int nextVersion(SparkSession spark, String name) {
    return versions(spark, name).stream().mapToInt(Version::version).max().orElse(0) + 1;
  }

  /** Records a new version; a promoted one archives the version promoted before. */
  public void add(SparkSession spark, Version version) {
    if (version.status().equals(PROMOTED)) {
      archivePromoted(spark, version.name());
    }
    Row row = RowFactory.create(version.name(), version.version(), version.path(), version.algorithm(),
        new TreeMap<>(version.parameters()), new TreeMap<>(version.metrics()), version.primaryMetric(),
        new TreeMap<>(version.trainingData()), Timestamp.from(version.createdAt()), version.status(), version.note());
    DeltaTable table = table(spark);
    DeltaRetries.onConflict(() -> table.as("r")
        .merge(spark.createDataFrame(List.of(row), table.toDF().schema()).as("n"),
            "r.name = n.name AND r.version = n.version")
        .whenNotMatched().insertAll()
        .execute());
  }

  /**
   * Takes the promoted version out of service and promotes the newest archived one; returns it.
   * Fails, changing nothing, when there is no promoted version or nothing archived to go back to.
   */
  public Version rollback(SparkSession spark, String name) {
    List<Version> versions = versions(spark, name);
    Version current = versions.stream().filter(v -> v.status().equals(PROMOTED)).reduce((a, b) -> b)
        .orElseThrow(() -> new IllegalStateException("Cannot roll back model '" + name + "': no version is promoted"
            + (versions.isEmpty() ? " (none was trained)" : "")));
    Version previous = versions.stream()
        .filter(v -> v.status().equals(ARCHIVED) && v.version() < current.version())
        .reduce((a, b) -> b)
        .orElseThrow(() -> new IllegalStateException(String.format(
            "Cannot roll back model '%s': version %d is the first ever promoted; nothing archived to go back to",
            name, current.version())));
    setStatus(spark, name, current.version(), ROLLED_BACK, "rolled back to version " + previous.version());
    setStatus(spark, name, previous.version(), PROMOTED, "promoted again by rollback from version " + current.version());
    return versions(spark, name).stream().filter(v -> v.version() == previous.version()).findFirst().orElseThrow();
  }

  private void archivePromoted(SparkSession spark, String name) {
    DeltaTable table = table(spark);
    DeltaRetries.onConflict(() -> table.update(
        col("name").equalTo(name).and(col("status").equalTo(PROMOTED)),
        Map.of("status", lit(ARCHIVED))));
  }

  private void setStatus(SparkSession spark, String name, int version, String status, String note) {
    DeltaTable table = table(spark);
    DeltaRetries.onConflict(() -> table.update(
        col("name").equalTo(name).and(col("version").equalTo(version)),
        Map.of("status", lit(status), "note", lit(note))));
  }

  private DeltaTable table(SparkSession spark) {
    return DeltaTable.forPath(spark, catalog.location(TABLE));
  }

  private static Version version(Row r) {
    return new Version(r.getAs("name"), r.<Integer>getAs("version"), r.getAs("path"), r.getAs("algorithm"),
        new TreeMap<>(r.<String, String>getJavaMap(r.fieldIndex("parameters"))),
        new TreeMap<>(r.<String, Double>getJavaMap(r.fieldIndex("metrics"))), r.getAs("primary_metric"),
        new TreeMap<>(r.<String, Long>getJavaMap(r.fieldIndex("training_data"))),
        r.<Timestamp>getAs("created_at").toInstant(), r.getAs("status"), r.getAs("note"));
  }

  /** Writes the version's description and figures as metrics.json next to the saved model. */
  public static void writeMetrics(Path directory, Version version) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", version.name());
    out.put("version", version.version());
    out.put("algorithm", version.algorithm());
    out.put("parameters", version.parameters());
    out.put("metrics", new TreeMap<>(version.metrics()));
    out.put("training_data", version.trainingData());
    out.put("status", version.status());
    out.put("note", version.note());
    try {
      Files.createDirectories(directory);
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(directory.resolve("metrics.json").toFile(), out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + directory.resolve("metrics.json") + ": " + e.getMessage(), e);
    }
  }
}
