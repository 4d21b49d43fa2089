package dev.lakehouse.quality;

import dev.lakehouse.Timings;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;


import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationSuite;
import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.checks.Check;
import com.amazon.deequ.metrics.Metric;
import dev.lakehouse.alerts.Alert;
import dev.lakehouse.alerts.AlertStore;
import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.quality.suite.AnomalyRule;
import dev.lakehouse.quality.suite.DeequChecks;
import dev.lakehouse.quality.suite.QualityRule;
import dev.lakehouse.quality.suite.QualitySuite;
import dev.lakehouse.quality.suite.QualitySuites;
import dev.lakehouse.quality.suite.RuleAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.JavaConverters;

/**
 * Runs a table's declared suite on exactly the data about to be written, before it is written.
 *
 * <ul>
 *   <li>Rows failing a row-level rule with action {@code quarantine} go to ops.quarantine with the
 *       rule id; the rest is checked by Deequ.</li>
 *   <li>Every constraint and anomaly outcome goes to ops.quality_results, every metric to
 *       ops.quality_metrics (accepted only when the run passed, so a broken run never becomes the
 *       baseline of a later one).</li>
 *   <li>An error-level failure raises an alert and throws {@link QualityGateException}: the caller
 *       writes nothing and the target table keeps its version. Warnings are recorded and the data
 *       is published.</li>
 * </ul>
 */
public final class QualityGate {
  static final String FAILED_RULE = "_failed_rule";

  private final TableCatalog catalog;
  private final Map<String, QualitySuite> suites;
  private final QualityStore store;

  public QualityGate(TableCatalog catalog) {
    this(catalog, QualitySuites.load());
  }

  public QualityGate(TableCatalog catalog, Map<String, QualitySuite> suites) {
    this.catalog = catalog;
    this.suites = Map.copyOf(suites);
    this.store = new QualityStore(catalog);
  }

  public boolean guards(String table) {
    return suites.containsKey(table);
  }

  /**
   * Checks {@code data} for {@code key.table()}; returns what may be published. Throws {@link QualityGateException} on an
   * error-level failure, after recording it.
   */
  public GateOutcome check(SparkSession spark, Dataset<Row> data, RunKey key) {
    SuiteRun run = evaluate(spark, data, key);
    if (!run.passed()) {
      store.flush(spark);
      List<CheckOutcome> failures = run.outcomes().stream().filter(CheckOutcome::isErrorFailure).toList();
      QualityGateException failure = new QualityGateException(key, run.runId(), failures);
      new AlertStore(catalog).raise(spark, List.of(alert(key, failures, failure.getMessage(), run.runAt())));
      throw failure;
    }
    return run.outcome();
  }

  /**
   * Runs {@code publishing}, the gated writes of one command, with the results and metrics of its
   * suite runs on this thread appended together when it ends: one commit to ops.quality_results and
   * one to ops.quality_metrics instead of one each per run. A run that fails appends what is held
   * back before it throws; a failure anywhere still appends everything before it propagates.
   */
  public <T> T recordingTogether(SparkSession spark, java.util.function.Supplier<T> publishing) {
    return store.together(spark, publishing);
  }

  /** One evaluated suite: the outcome of every rule, and what would be published. */
  public record SuiteRun(String runId, boolean passed, List<CheckOutcome> outcomes, long checkedRows, Instant runAt,
      GateOutcome outcome) {}

  /**
   * Runs the suite and records its results and metrics without deciding anything: gate and replay
   * runs also quarantine failing rows; on-demand runs only report.
   */
  public SuiteRun evaluate(SparkSession spark, Dataset<Row> data, RunKey key) {
    QualitySuite suite = suites.get(key.table());
    if (suite == null) {
      return new SuiteRun(null, true, List.of(), -1, Instant.now(), GateOutcome.unchecked(data));
    }
    String runId = UUID.randomUUID().toString();
    Instant runAt = Instant.now();
    List<String> original = List.of(data.columns());
    // not cached: the gate's callers hand it data that is cheap to read again (a cached batch, a
    // Delta table), and one pass below counts rows and failures together
    Dataset<Row> marked = markFailedRows(withReferenceFlags(spark, data, suite), suite);
    Dataset<Row> candidate = marked.filter(col(FAILED_RULE).isNull()).drop(FAILED_RULE);
    Map<String, Long> quarantined = new HashMap<>();
    long checkedRows = 0;
    List<Row> counts = Timings.time("row-level rules " + key.table(), () -> marked.groupBy(FAILED_RULE).count().collectAsList());
    for (Row row : counts) {
      checkedRows += row.getLong(1);
      if (!row.isNullAt(0)) {
        quarantined.put(row.getString(0), row.getLong(1));
      }
    }
    if (!quarantined.isEmpty() && !key.runKind().equals(RunKey.ON_DEMAND)) {
      store.quarantine(marked.filter(col(FAILED_RULE).isNotNull()), suite, key, runAt);
    }
    long candidateRows = checkedRows - quarantined.values().stream().mapToLong(Long::longValue).sum();

    // Deequ reports an empty batch as failing every ratio; with no rows only row counts are judged
    QualitySuite judged = candidateRows > 0 ? suite : suite.onlyRowCounts();
    VerificationResult result = Timings.time("deequ " + key.table(), () -> verify(judged, candidate, key));
    List<CheckOutcome> outcomes = new ArrayList<>(constraintOutcomes(judged, result, quarantined));
    if (!judged.anomalies().isEmpty()) {
      outcomes.addAll(Timings.time("anomaly history " + key.table(), () -> anomalyOutcomes(spark, judged, result, key)));
    }
    boolean passed = outcomes.stream().noneMatch(CheckOutcome::isErrorFailure);

    store.recordResults(spark, runId, key, outcomes, checkedRows, passed && !key.runKind().equals(RunKey.ON_DEMAND), runAt);
    store.recordMetrics(spark, runId, key, metrics(result), passed, runAt);
    GateOutcome outcome = new GateOutcome(
        candidate.select(original.stream().map(c -> col("`" + c + "`")).toArray(Column[]::new)),
        outcomes, quarantined.values().stream().mapToLong(Long::longValue).sum(), runId);
    return new SuiteRun(runId, passed, outcomes, checkedRows, runAt, outcome);
  }

  /** Adds one boolean column per referential rule: does the value exist in the referenced table? */
  static Dataset<Row> withReferenceFlags(SparkSession spark, Dataset<Row> data, QualitySuite suite) {
    Dataset<Row> flagged = data;
    for (QualityRule rule : suite.referenceRules()) {
      String keyAlias = "_ref_key_" + rule.id();
      Dataset<Row> keys = spark.table(rule.referencedTable())
          .select(col(rule.referencedKey()).as(keyAlias))
          .distinct();
      flagged = flagged
          .join(keys, flagged.col(rule.column()).equalTo(keys.col(keyAlias)), "left")
          .withColumn(rule.referenceFlag(), col(keyAlias).isNotNull())
          .drop(keyAlias);
    }
    return flagged;
  }

  /** The first quarantining rule each row fails, or null. */
  static Dataset<Row> markFailedRows(Dataset<Row> data, QualitySuite suite) {
    Column failed = lit(null).cast(DataTypes.StringType);
    List<QualityRule> rules = suite.rowLevelRules().stream().filter(r -> r.action() == RuleAction.QUARANTINE).toList();
    for (int i = rules.size() - 1; i >= 0; i--) {
      QualityRule rule = rules.get(i);
      // a predicate that is false or null fails the row
      failed = when(not(coalesce(expr(rule.rowPredicate()), lit(false))), lit(rule.id())).otherwise(failed);
    }
    return data.withColumn(FAILED_RULE, failed);
  }

  private static VerificationResult verify(QualitySuite suite, Dataset<Row> candidate, RunKey key) {
    List<Check> checks = DeequChecks.of(suite, key.referenceTime().getEpochSecond());
    List<Analyzer<?, Metric<?>>> analyzers = new ArrayList<>();
    for (AnomalyRule rule : suite.anomalies()) {
      @SuppressWarnings("unchecked")
      Analyzer<?, Metric<?>> analyzer = (Analyzer<?, Metric<?>>) (Object) rule.analyzer();
      analyzers.add(analyzer);
    }
    return new VerificationSuite()
        .onData(candidate)
        .addChecks(JavaConverters.asScalaBuffer(checks).toSeq())
        .addRequiredAnalyzers(JavaConverters.asScalaBuffer(analyzers).toSeq())
        .run();
  }

  private static List<CheckOutcome> constraintOutcomes(QualitySuite suite, VerificationResult result, Map<String, Long> quarantined) {
    Map<String, QualityRule> rules = new HashMap<>();
    suite.rules().forEach(rule -> rules.put(rule.id(), rule));
    List<CheckOutcome> outcomes = new ArrayList<>();
    JavaConverters.mapAsJavaMap(result.checkResults()).forEach((check, checkResult) -> {
      QualityRule rule = rules.get(check.description());
      JavaConverters.seqAsJavaList(checkResult.constraintResults()).forEach(constraint -> {
        boolean passed = constraint.status().toString().equals("Success");
        outcomes.add(new CheckOutcome(rule.id(), rule.level().name().toLowerCase(), rule.action().name().toLowerCase(),
            "constraint", checkResult.status().toString(), constraint.constraint().toString(), passed,
            constraint.message().isDefined() ? constraint.message().get() : null,
            DeequValues.number(constraint.metric()), quarantined.getOrDefault(rule.id(), 0L)));
      });
    });
    return outcomes;
  }

  private List<CheckOutcome> anomalyOutcomes(SparkSession spark, QualitySuite suite, VerificationResult result, RunKey key) {
    List<CheckOutcome> outcomes = new ArrayList<>();
    for (AnomalyRule rule : suite.anomalies()) {
      @SuppressWarnings("unchecked")
      Analyzer<?, Metric<?>> analyzer = (Analyzer<?, Metric<?>>) (Object) rule.analyzer();
      scala.Option<Metric<?>> metric = result.metrics().get(analyzer);
      Double current = metric.isDefined() ? DeequValues.number(metric) : null;
      MetricHistory.Verdict verdict = MetricHistory.judge(store.acceptedHistory(spark, key.table(), rule, key), current, rule);
      outcomes.add(new CheckOutcome(rule.id(), rule.level().name().toLowerCase(), "fail", "anomaly",
          verdict.passed() ? "Success" : (rule.level().name().equals("ERROR") ? "Error" : "Warning"),
          rule.describe(), verdict.passed(), verdict.message(), current, 0));
    }
    return outcomes;
  }

  private static List<Metric<?>> metrics(VerificationResult result) {
    return new ArrayList<>(JavaConverters.asJavaCollection(result.metrics().values()));
  }

  private static Alert alert(RunKey key, List<CheckOutcome> failures, String message, Instant at) {
    String domain = key.table().contains("_") ? key.table().substring(key.table().indexOf('.') + 1).split("_")[0] : "platform";
    return new Alert(domain, "quality.gate_failed", "critical", key.table() + " " + key.scope(), message,
        (double) failures.size(), "0 error failures", null, null, at);
  }
}
