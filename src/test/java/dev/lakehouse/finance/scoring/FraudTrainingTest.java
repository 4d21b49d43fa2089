package dev.lakehouse.finance.scoring;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.generate.Anomaly;
import dev.lakehouse.generate.GeneratorSettings;
import dev.lakehouse.generate.RecordFiles;
import dev.lakehouse.generate.Topics;
import dev.lakehouse.ml.ModelRegistry;
import dev.lakehouse.spark.StreamingQueries;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.InProcessCli;
import dev.lakehouse.testing.TestLakehouse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code finance train} on a generated day (seed 3) of labelled payments in silver, judged on a
 * day generated with seed 4 (other customers, cards and merchants) given as a file of payments;
 * then scoring with the model.
 */
class FraudTrainingTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
  private static Lakehouse lakehouse;
  private static ChildJvm.Result first;
  private static ChildJvm.Result second;
  private static ChildJvm.Result dated;
  private static ChildJvm.Result datedAgain;
  private static ChildJvm.Result beforeTheData;

  @BeforeAll
  static void train() throws Exception {
    lakehouse = TestLakehouse.fresh("generate.fraud-rate=0.03");
    String silver = lakehouse.catalog().location("silver.finance_payments");
    Path trainingDay = generatedPayments(lakehouse, 3);
    Path otherWorld = generatedPayments(lakehouse, 4);
    Dataset<Row> payments = FraudTraining.payments(lakehouse.spark(), trainingDay.toString())
        .withColumn("paid_date", col("paid_at").cast("date"))
        .withColumn("_kafka_topic", lit("finance.payments"))
        .withColumn("_kafka_partition", lit(0))
        .withColumn("_kafka_offset", monotonically_increasing_id())
        .withColumn("_ingested_at", current_timestamp())
        .withColumn("_refined_at", current_timestamp());
    Column[] columns = Arrays.stream(lakehouse.spark().read().format("delta").load(silver).schema().fieldNames())
        .map(functions::col).toArray(Column[]::new);
    payments.select(columns).write().format("delta").mode("append").save(silver);
    String[] train = {"finance", "train", "--other-payments", otherWorld.toString(), "--max-iter", "30"};
    first = InProcessCli.execute(lakehouse.config(), train);
    second = InProcessCli.execute(lakehouse.config(), train);
    String[] trainUpToTheDay = {"finance", "train", "--date", DAY.toString(), "--max-iter", "30"};
    dated = InProcessCli.execute(lakehouse.config(), trainUpToTheDay);
    datedAgain = InProcessCli.execute(lakehouse.config(), trainUpToTheDay);
    beforeTheData = InProcessCli.execute(lakehouse.config(), "finance", "train", "--date", DAY.minusDays(1).toString());
    System.out.println(first.output());
  }

  // a generated day (80,000 records, card-testing injected, 3% fraud, no malformed records) of labelled payments
  private static Path generatedPayments(Lakehouse lakehouse, long seed) {
    Path file = Path.of(lakehouse.config().path("generated/payments-seed-" + seed + ".jsonl"));
    RecordFiles.write(file, new GeneratorSettings(seed, DAY, 0.0, Set.of(Anomaly.CARD_TESTING), 0.03), 80_000,
        Topics.FINANCE_PAYMENTS, Long.MAX_VALUE);
    return file;
  }

  private static double metric(ModelRegistry.Version version, String key) {
    assertThat(version.metrics()).containsKey(key);
    return version.metrics().get(key);
  }

  private static List<ModelRegistry.Version> versions() {
    return new ModelRegistry(lakehouse.config(), lakehouse.catalog()).versions(lakehouse.spark(), FraudModel.NAME);
  }

  @Test
  void theModelBeatsTheRulesOnAnotherSeedAndIsPromoted() {
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.output()).contains("Fraud model v1 trained on", "other payments " + Path.of(lakehouse.config()
        .path("generated/payments-seed-4.jsonl")) + ":", "Decision: holdout AUC-PR", ": promoted");
    ModelRegistry.Version v1 = versions().get(0);
    assertThat(v1.status()).isEqualTo(ModelRegistry.PROMOTED);
    assertThat(metric(v1, "other_data.frauds")).isGreaterThan(50);
    assertThat(metric(v1, "other_data.model.auc_pr")).isGreaterThan(metric(v1, "other_data.rules.auc_pr"));
    assertThat(metric(v1, "holdout.model.auc_pr")).isGreaterThan(metric(v1, "holdout.rules.auc_pr"));
    assertThat(v1.trainingData()).containsOnlyKeys("silver.finance_payments");
    assertThat(java.nio.file.Files.exists(java.nio.file.Path.of(v1.path(), "metrics.json"))).isTrue();
  }

  @Test
  void aModelThatIsNotBetterIsKeptOutOfService() {
    // the same data, parameters and seed give the same trees: not better than the promoted v1
    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.output()).contains("Fraud model v2", "Decision: holdout AUC-PR", "kept current model v1");
    assertThat(versions().subList(0, 2)).extracting(ModelRegistry.Version::status)
        .containsExactly(ModelRegistry.PROMOTED, ModelRegistry.REJECTED);
    assertThat(metric(versions().get(1), "holdout.current.auc_pr"))
        .isEqualTo(metric(versions().get(1), "holdout.model.auc_pr"));
  }

  @Test
  void aDateIsTrainedOnceOnThePaymentsUpToIt() {
    assertThat(dated.exitCode()).as(dated.output()).isZero();
    assertThat(dated.output()).contains("Fraud model v3 trained on", "kept current model v1");
    ModelRegistry.Version v3 = versions().get(2);
    assertThat(v3.parameters()).containsEntry("date", "2026-11-21").doesNotContainKey("other_data");
    // the same payments and parameters as v1: the same trees, so the same holdout figures
    assertThat(metric(v3, "holdout.model.auc_pr")).isEqualTo(metric(versions().get(0), "holdout.model.auc_pr"));

    assertThat(datedAgain.exitCode()).as(datedAgain.output()).isZero();
    assertThat(datedAgain.output()).contains(
        "Fraud model v3 is already trained on the payments up to 2026-11-21 with these parameters (rejected); nothing to do");
    assertThat(versions()).hasSize(3);
  }

  @Test
  void aDateBeforeThePaymentsHasNothingToTrainOn() {
    assertThat(beforeTheData.exitCode()).isEqualTo(1);
    assertThat(beforeTheData.output()).contains(
        "Cannot train the fraud model: silver.finance_payments has no labelled payments up to 2026-11-20");
  }

  @Test
  void scoringUsesThePromotedModel() throws Exception {
    StreamingQueries.awaitAll(List.of(new FraudScoring(lakehouse.config(), lakehouse.catalog())
        .start(lakehouse.spark(), Trigger.AvailableNow())), System.out, Duration.ofMinutes(5));
    List<Row> counts = lakehouse.spark().sql("SELECT count(*), count(ml_score), "
        + "count_if(abs(score - (0.5 * rules_score + 0.5 * ml_score)) < 1e-9), count_if(ml_score < 0 OR ml_score > 1) "
        + "FROM gold.finance_payment_scores").collectAsList();
    long payments = lakehouse.spark().read().format("delta")
        .load(lakehouse.catalog().location("silver.finance_payments")).count();
    assertThat(counts.get(0).getLong(0)).isEqualTo(payments);
    assertThat(counts.get(0).getLong(1)).isEqualTo(payments);
    assertThat(counts.get(0).getLong(2)).isEqualTo(payments);
    assertThat(counts.get(0).getLong(3)).isZero();
  }

  @Test
  void rollbackNeedsAnArchivedVersion() {
    ChildJvm.Result rollback = InProcessCli.execute(lakehouse.config(), "models", "rollback", "fraud");
    assertThat(rollback.exitCode()).isEqualTo(1);
    assertThat(rollback.output()).contains(
        "Cannot roll back model 'fraud': version 1 is the first ever promoted; nothing archived to go back to");
  }
}
