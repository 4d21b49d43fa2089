package dev.lakehouse.quality;

import dev.lakehouse.Timings;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.encode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_json;

import com.amazon.deequ.metrics.DoubleMetric;
import com.amazon.deequ.metrics.Metric;
import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.ops.OpsTables;
import dev.lakehouse.quality.suite.AnomalyRule;
import dev.lakehouse.quality.suite.QualityRule;
import dev.lakehouse.quality.suite.QualitySuite;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/** Writes suite outcomes, metrics and quarantined rows to the ops tables; reads metric history. */
final class QualityStore {
  static final String RESULTS = "ops.quality_results";
  static final String METRICS = "ops.quality_metrics";

  private static final StructType RESULT_SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType, false)
      .add("table_name", DataTypes.StringType, false)
      .add("run_kind", DataTypes.StringType, false)
      .add("batch_id", DataTypes.LongType)
      .add("partition_date", DataTypes.DateType)
      .add("rule_id", DataTypes.StringType, false)
      .add("rule_level", DataTypes.StringType, false)
      .add("rule_action", DataTypes.StringType, false)
      .add("rule_kind", DataTypes.StringType, false)
      .add("check_status", DataTypes.StringType, false)
      .add("constraint_name", DataTypes.StringType)
      .add("constraint_status", DataTypes.StringType, false)
      .add("constraint_message", DataTypes.StringType)
      .add("metric_value", DataTypes.DoubleType)
      .add("quarantined_rows", DataTypes.LongType)
      .add("checked_rows", DataTypes.LongType, false)
      .add("is_published", DataTypes.BooleanType, false)
      .add("run_at", DataTypes.TimestampType, false)
      .add("run_date", DataTypes.DateType, false);

  private static final StructType METRIC_SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType, false)
      .add("table_name", DataTypes.StringType, false)
      .add("run_kind", DataTypes.StringType, false)
      .add("batch_id", DataTypes.LongType)
      .add("partition_date", DataTypes.DateType)
      .add("entity", DataTypes.StringType, false)
      .add("instance", DataTypes.StringType, false)
      .add("metric_name", DataTypes.StringType, false)
      .add("metric_value", DataTypes.DoubleType)
      .add("is_accepted", DataTypes.BooleanType, false)
      .add("run_at", DataTypes.TimestampType, false)
      .add("run_date", DataTypes.DateType, false);

  private static final Map<String, String> METRIC_NAMES = Map.of(
      "size", "Size", "mean", "Mean", "minimum", "Minimum", "maximum", "Maximum", "sum", "Sum",
      "completeness", "Completeness");

  private final TableCatalog catalog;
  // rows held back by together(), per thread: a streaming batch on another thread writes its own at once
  private final ThreadLocal<Pending> pending = new ThreadLocal<>();

  private record Pending(List<Row> results, List<Row> metrics) {}

  QualityStore(TableCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Runs {@code work} with the results and metrics this thread records held back, then appends them
   * in one commit per table, also when {@code work} fails. Nested calls join the outer one.
   */
  <T> T together(SparkSession spark, java.util.function.Supplier<T> work) {
    if (pending.get() != null) {
      return work.get();
    }
    pending.set(new Pending(new ArrayList<>(), new ArrayList<>()));
    RuntimeException failure = null;
    try {
      return work.get();
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      try {
        flush(spark);
      } catch (RuntimeException e) {
        if (failure == null) {
          throw e;
        }
        failure.addSuppressed(e);
      } finally {
        pending.remove();
      }
    }
  }

  /** Appends what this thread holds back now (nothing when it holds nothing back). */
  void flush(SparkSession spark) {
    Pending held = pending.get();
    if (held == null) {
      return;
    }
    List<Row> results = List.copyOf(held.results());
    List<Row> metrics = List.copyOf(held.metrics());
    held.results().clear();
    held.metrics().clear();
    write(spark, results, RESULT_SCHEMA, RESULTS);
    write(spark, metrics, METRIC_SCHEMA, METRICS);
  }

  void recordResults(SparkSession spark, String runId, RunKey key, List<CheckOutcome> outcomes, long checkedRows,
      boolean published, Instant runAt) {
    List<Row> rows = new ArrayList<>();
    for (CheckOutcome o : outcomes) {
      rows.add(RowFactory.create(runId, key.table(), key.runKind(), key.batchId(), date(key), o.ruleId(), o.level(),
          o.action(), o.kind(), o.checkStatus(), o.constraint(), o.passed() ? "Success" : "Failure", o.message(),
          o.metricValue(), o.quarantinedRows(), checkedRows, published, Timestamp.from(runAt), runDate(runAt)));
    }
    append(spark, rows, RESULT_SCHEMA, RESULTS);
  }

  void recordMetrics(SparkSession spark, String runId, RunKey key, List<Metric<?>> metrics, boolean accepted, Instant runAt) {
    List<Row> rows = new ArrayList<>();
    for (Metric<?> metric : metrics) {
      for (DoubleMetric m : JavaConverters.seqAsJavaList(metric.flatten())) {
        Double value = m.value().isSuccess() ? (Double) m.value().get() : null;
        rows.add(RowFactory.create(runId, key.table(), key.runKind(), key.batchId(), date(key), m.entity().toString(),
            m.instance(), m.name(), value, accepted, Timestamp.from(runAt), runDate(runAt)));
      }
    }
    append(spark, rows, METRIC_SCHEMA, METRICS);
  }

  /** Past values of an anomaly rule's metric from accepted gate runs (other dates than this one), oldest first. */
  List<MetricHistory.Point> acceptedHistory(SparkSession spark, String table, AnomalyRule rule, RunKey key) {
    Column accepted = col("table_name").equalTo(table)
        .and(col("is_accepted"))
        .and(col("run_kind").equalTo(RunKey.GATE))
        .and(col("metric_name").equalTo(METRIC_NAMES.get(rule.metric())))
        .and(col("instance").equalTo(rule.column() == null ? "*" : rule.column()))
        .and(col("metric_value").isNotNull());
    if (key.partitionDate() != null) {
      accepted = accepted.and(col("partition_date").isNull().or(col("partition_date").notEqual(lit(Date.valueOf(key.partitionDate())))));
    }
    List<MetricHistory.Point> points = new ArrayList<>();
    for (Row row : read(spark, METRICS).filter(accepted).orderBy("run_at").select("run_at", "metric_value").collectAsList()) {
      points.add(new MetricHistory.Point(row.getTimestamp(0).getTime(), row.getDouble(1)));
    }
    // the runs of this command not appended yet count too (e.g. an earlier date of the same table)
    Pending held = pending.get();
    if (held != null) {
      held.metrics().stream()
          .filter(r -> r.getString(1).equals(table) && r.getBoolean(9) && r.getString(2).equals(RunKey.GATE)
              && r.getString(7).equals(METRIC_NAMES.get(rule.metric()))
              && r.getString(6).equals(rule.column() == null ? "*" : rule.column()) && !r.isNullAt(8)
              && (key.partitionDate() == null || r.isNullAt(4) || !r.getDate(4).equals(Date.valueOf(key.partitionDate()))))
          .forEach(r -> points.add(new MetricHistory.Point(r.getTimestamp(10).getTime(), r.getDouble(8))));
      points.sort(java.util.Comparator.comparingLong(MetricHistory.Point::timeMs));
    }
    return points;
  }

  /** Rows that failed a quarantining rule, as ops.quarantine rows (the row itself as JSON). */
  void quarantine(Dataset<Row> failed, QualitySuite suite, RunKey key, Instant runAt) {
    List<String> columns = Arrays.stream(failed.columns())
        .filter(c -> !c.startsWith("_"))
        .toList();
    Column json = to_json(struct(columns.stream().map(c -> col("`" + c + "`")).toArray(Column[]::new)));
    Column rule = concat_ws("", lit("quality."), col(QualityGate.FAILED_RULE));
    Column reason = lit(null).cast(DataTypes.StringType);
    for (QualityRule r : suite.rowLevelRules()) {
      reason = org.apache.spark.sql.functions.when(col(QualityGate.FAILED_RULE).equalTo(r.id()),
          lit("rule " + r.id() + " failed: " + r.describe())).otherwise(reason);
    }
    List<String> present = List.of(failed.columns());
    Dataset<Row> rows = failed.select(
        sha2(concat_ws("|", lit(key.table()), rule, json), 256).as("quarantine_id"),
        lit(key.table()).as("source_table"),
        lit(key.table()).as("target_table"),
        lit("quality").as("stage"),
        rule.as("rule_id"),
        reason.as("reason"),
        lit(null).cast(DataTypes.BinaryType).as("raw_key"),
        encode(json, "UTF-8").as("raw_value"),
        octet_length(encode(json, "UTF-8")).as("raw_size_bytes"),
        lineage(present, "_kafka_topic", DataTypes.StringType),
        lineage(present, "_kafka_partition", DataTypes.IntegerType),
        lineage(present, "_kafka_offset", DataTypes.LongType),
        lit(null).cast(DataTypes.TimestampType).as("_kafka_timestamp"),
        lit("gate." + key.table()).as("query_name"),
        lit(key.batchId()).cast(DataTypes.LongType).as("batch_id"),
        lit(Timestamp.from(runAt)).as("quarantined_at"),
        lit(null).cast(DataTypes.BinaryType).as("edited_value"),
        lit(null).cast(DataTypes.TimestampType).as("replayed_at"),
        lit(null).cast(DataTypes.StringType).as("replay_run_id"),
        to_date(lit(Timestamp.from(runAt))).as("quarantined_date"));
    new OpsTables(catalog).quarantine(rows);
  }

  private static Column lineage(List<String> present, String name, org.apache.spark.sql.types.DataType type) {
    return (present.contains(name) ? col(name) : lit(null)).cast(type).as(name);
  }

  private Dataset<Row> read(SparkSession spark, String table) {
    return spark.read().format("delta").load(catalog.location(table));
  }

  private void append(SparkSession spark, List<Row> rows, StructType schema, String table) {
    Pending held = pending.get();
    if (held != null) {
      (table.equals(RESULTS) ? held.results() : held.metrics()).addAll(rows);
    } else {
      write(spark, rows, schema, table);
    }
  }

  private void write(SparkSession spark, List<Row> rows, StructType schema, String table) {
    if (!rows.isEmpty()) {
      Timings.time("commit " + table, () ->
          spark.createDataFrame(rows, schema).write().format("delta").mode("append").save(catalog.location(table)));
    }
  }

  private static Date date(RunKey key) {
    return key.partitionDate() == null ? null : Date.valueOf(key.partitionDate());
  }

  private static Date runDate(Instant at) {
    return Date.valueOf(at.atZone(ZoneOffset.UTC).toLocalDate());
  }
}
