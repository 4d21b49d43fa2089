package dev.lakehouse.finance.scoring;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;

import dev.lakehouse.alerts.Alert;
import dev.lakehouse.alerts.AlertStore;
import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.finance.fraud.CardState;
import dev.lakehouse.finance.fraud.FraudRules;
import dev.lakehouse.ops.DeltaRetries;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.FlatMapGroupsWithStateFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.streaming.GroupState;
import org.apache.spark.sql.streaming.GroupStateTimeout;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Streaming fraud scoring over silver.finance_payments: payments are grouped by card and scored in
 * event-time order by {@link FraudRules}, with the card's state ({@link CardState}: recent
 * payments, amount history, last place, known devices and categories) kept across micro-batches by
 * flatMapGroupsWithState; a card with no payment for {@code fraud.state-timeout} of event time is
 * dropped from state (an event-time timeout: with AvailableNow, a processing-time timeout would keep
 * asking for another batch and the query would never finish).
 * Scores go to gold.finance_payment_scores; a score at or above {@code fraud.alert-score} goes to
 * gold.finance_fraud_alerts and raises {@code finance.fraud_suspected} in ops.alerts, once per card
 * and day. The unusual-hour rule reads the clock of the merchant's country (the customer's home
 * zone is not in the data; card-present payments happen where the customer is).
 * When a fraud model is promoted ({@code finance train}), it scores the same fold's features and the
 * score combines both, see {@link #scores}; the model is the one current when the query starts.
 */
public final class FraudScoring {
  public static final String QUERY = "score.finance_payments";
  public static final String SCORES = "gold.finance_payment_scores";
  public static final String ALERTS = "gold.finance_fraud_alerts";
  public static final String RULE = "finance.fraud_suspected";

  static final StructType SCORED = new StructType()
      .add("payment_id", DataTypes.StringType, false)
      .add("card_id", DataTypes.StringType, false)
      .add("customer_id", DataTypes.StringType, false)
      .add("paid_at", DataTypes.TimestampType, false)
      .add("paid_date", DataTypes.DateType, false)
      .add("amount_cents", DataTypes.LongType, false)
      .add("currency", DataTypes.StringType, false)
      .add("rules_score", DataTypes.DoubleType, false)
      .add("ml_score", DataTypes.DoubleType, true)
      .add("score", DataTypes.DoubleType, false)
      .add("reason_codes", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("is_alert", DataTypes.BooleanType, false)
      .add("is_fraud", DataTypes.BooleanType, true)
      .add("scored_at", DataTypes.TimestampType, false);

  private final LakehouseConfig config;
  private final TableCatalog catalog;

  public FraudScoring(LakehouseConfig config, TableCatalog catalog) {
    this.config = config;
    this.catalog = catalog;
  }

  public StreamingQuery start(SparkSession spark, Trigger trigger) throws TimeoutException {
    return start(spark, trigger, FraudModel.current(spark, config, catalog));
  }

  /** Starts scoring with the given model (or the rules alone when empty), e.g. a model under evaluation. */
  public StreamingQuery start(SparkSession spark, Trigger trigger, Optional<FraudModel> model) throws TimeoutException {
    double alertScore = config.fraud().alertScore();
    long timeoutMs = config.fraud().stateTimeout().toMillis();
    // the watermark only ages state out (a card's timeout is on event time); a payment older than it is still scored
    // unless it is later than the watermark itself, i.e. state-timeout behind the newest payment
    Dataset<Row> payments = CardFold.input(spark.readStream().format("delta")
        .load(catalog.location("silver.finance_payments"))
        .withWatermark("paid_at", timeoutMs + " milliseconds"));
    Dataset<Row> folded = payments
        .groupByKey((MapFunction<Row, String>) r -> r.getString(2), Encoders.STRING())
        .flatMapGroupsWithState(new ScoreCard(FraudRules.withDefaults(), timeoutMs), OutputMode.Append(),
            Encoders.javaSerialization(CardState.class), Encoders.row(CardFold.OUTPUT), GroupStateTimeout.EventTimeTimeout());
    Dataset<Row> scored = scores(folded, model, config.fraud().mlWeight(), alertScore);
    return scored.writeStream()
        .queryName(QUERY)
        .outputMode("append")
        .option("checkpointLocation", config.path("checkpoints/score/finance_payments"))
        .trigger(trigger)
        .foreachBatch(new Writer(catalog))
        .start();
  }

  /**
   * The gold rows of folded payments: the model's score when there is a model, the combined score
   * {@code (1 - w) * rules + w * model} and the alert flag. Works on streaming and batch frames alike.
   */
  static Dataset<Row> scores(Dataset<Row> folded, Optional<FraudModel> model, double mlWeight, double alertScore) {
    Dataset<Row> withMl = model.isPresent() && mlWeight > 0
        ? model.get().score(folded, "ml_score")
        : folded.withColumn("ml_score", lit(null).cast(DataTypes.DoubleType));
    Column score = model.isPresent() && mlWeight > 0
        ? col("rules_score").multiply(1 - mlWeight).plus(col("ml_score").multiply(mlWeight))
        : col("rules_score");
    return withMl
        .withColumn("score", score)
        .withColumn("is_alert", col("score").geq(alertScore))
        .withColumn("scored_at", current_timestamp())
        .select(Arrays.stream(SCORED.fieldNames()).map(functions::col).toArray(Column[]::new));
  }

  /** Scores one card's new payments in event-time order and keeps its state. */
  static final class ScoreCard implements FlatMapGroupsWithStateFunction<String, Row, CardState, Row> {
    private final CardFold fold;
    private final long timeoutMs;

    ScoreCard(FraudRules rules, long timeoutMs) {
      this.fold = new CardFold(rules);
      this.timeoutMs = timeoutMs;
    }

    @Override
    public Iterator<Row> call(String card, Iterator<Row> rows, GroupState<CardState> state) {
      if (state.hasTimedOut()) {
        state.remove();
        return List.<Row>of().iterator();
      }
      List<Row> batch = new ArrayList<>();
      rows.forEachRemaining(batch::add);
      if (batch.isEmpty()) {
        return List.<Row>of().iterator();
      }
      CardFold.Folded folded = fold.fold(card, batch, state.exists() ? state.get() : CardState.empty());
      state.update(folded.state());
      state.setTimeoutTimestamp(Math.max(folded.newestAtMs(), state.getCurrentWatermarkMs()) + timeoutMs);
      return folded.rows().iterator();
    }
  }

  /** Merges scores, flags alerts and raises one ops alert per card and day. */
  private static final class Writer implements VoidFunction2<Dataset<Row>, Long> {
    private final TableCatalog catalog;

    Writer(TableCatalog catalog) {
      this.catalog = catalog;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) {
      SparkSession spark = batch.sparkSession();
      Dataset<Row> scores = batch.persist();
      try {
        if (scores.isEmpty()) {
          return;
        }
        DeltaRetries.onConflict(() -> DeltaTable.forPath(spark, catalog.location(SCORES)).as("s")
            .merge(scores.as("n"), "s.payment_id = n.payment_id")
            .whenNotMatched().insertAll()
            .execute());
        List<Row> flagged = scores.where(col("is_alert")).collectAsList();
        if (flagged.isEmpty()) {
          return;
        }
        List<Alert> alerts = new ArrayList<>();
        List<Row> queue = new ArrayList<>();
        Instant now = Instant.now();
        for (Row r : flagged) {
          LocalDate day = r.getDate(4).toLocalDate();
          List<String> reasons = r.getList(10);
          Alert alert = new Alert("finance", RULE, "critical", r.getString(1), String.format(
              "card %s: payment %s of %.2f %s scored %.2f (%s); see %s", r.getString(1), r.getString(0), r.getLong(5) / 100.0,
              r.getString(6), r.getDouble(9), String.join(", ", reasons), ALERTS), r.getDouble(9), "< alert score",
              day.atStartOfDay(ZoneOffset.UTC).toInstant(), day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), now);
          alerts.add(alert);
          queue.add(RowFactory.create(r.getString(0), r.getString(1), r.getString(2), r.getTimestamp(3), r.getLong(5),
              r.getString(6), r.getDouble(9), reasons.toArray(String[]::new), alert.alertId(), Timestamp.from(now)));
        }
        Dataset<Row> rows = spark.createDataFrame(queue, spark.read().format("delta").load(catalog.location(ALERTS)).schema());
        DeltaRetries.onConflict(() -> DeltaTable.forPath(spark, catalog.location(ALERTS)).as("a")
            .merge(rows.as("n"), "a.payment_id = n.payment_id")
            .whenNotMatched().insertAll()
            .execute());
        // one alert per card and day, whatever the number of flagged payments
        new AlertStore(catalog).raise(spark, alerts);
      } finally {
        scores.unpersist();
      }
    }
  }
}
