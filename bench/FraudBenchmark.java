import static org.apache.spark.sql.functions.col;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.finance.fraud.CardState;
import dev.lakehouse.finance.fraud.FraudRules;
import dev.lakehouse.finance.fraud.HomeZones;
import dev.lakehouse.finance.fraud.Payment;
import dev.lakehouse.finance.fraud.Score;
import dev.lakehouse.finance.scoring.FraudModel;
import dev.lakehouse.finance.scoring.FraudScoring;
import dev.lakehouse.finance.scoring.FraudTraining;
import dev.lakehouse.generate.Anomaly;
import dev.lakehouse.generate.DataGenerator;
import dev.lakehouse.generate.GeneratedRecord;
import dev.lakehouse.generate.GeneratorSettings;
import dev.lakehouse.generate.Topics;
import dev.lakehouse.ingest.BronzeIngest;
import dev.lakehouse.kafka.KafkaAdmin;
import dev.lakehouse.kafka.LocalKafkaBroker;
import dev.lakehouse.kafka.RecordPublisher;
import dev.lakehouse.refine.RefineJob;
import dev.lakehouse.spark.StreamingQueries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * bench/fraud: fraud scoring speed and latency.
 * <ol>
 *   <li>Throughput: a backlog of N payments in silver is scored (a) by a plain Java loop folding
 *       each card's payments through the same rules and features, in memory, one thread, and (b)
 *       by the streaming scoring query (available now, rules only, then with a trained model),
 *       merging into gold. Prints payments/s of each and the ratios b/a.
 *   <li>Latency: ingest, refine and scoring run continuously (the model promoted) while payments
 *       are produced to Kafka at a steady rate; for each payment, the time from its send to the
 *       commit of the gold version that holds it (Delta's change feed gives each row's commit
 *       time). Prints p50, p95 and max with the input rate.
 * </ol>
 * Fails when a stage loses payments or none reaches gold. {@code --smoke}: 20,000 backlog records and 3 s at
 * 20 payments/s, in a running JVM.
 */
public class FraudBenchmark {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
  private static final Pattern PAYMENT_ID = Pattern.compile("\"payment_id\":\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    boolean smoke = args.length > 0 && args[0].equals("--smoke");
    long backlogRecords = smoke ? 20_000L : args.length > 0 ? Long.parseLong(args[0]) : 400_000L;
    double rate = smoke ? 20 : args.length > 1 ? Double.parseDouble(args[1]) : 100;
    int seconds = smoke ? 3 : args.length > 2 ? Integer.parseInt(args[2]) : 60;
    Path root = Files.createTempDirectory("lakehouse-bench-fraud");
    try (LocalKafkaBroker broker = LocalKafkaBroker.startOnFreePorts(root.resolve("kafka"))) {
      LakehouseConfig config = LakehouseConfig.load(Map.of(), List.of(
          "home=" + root.resolve("lake"),
          "kafka.bootstrap-servers=" + broker.bootstrapServers(),
          "ingest.topics=" + Topics.FINANCE_PAYMENTS,
          "ingest.trigger-interval=500ms",
          "refine.trigger-interval=500ms",
          "fraud.trigger-interval=500ms",
          "generate.fraud-rate=0.02"));
      String topic = config.kafka().topic(Topics.FINANCE_PAYMENTS);
      KafkaAdmin.ensureTopics(broker.bootstrapServers(), List.of(topic), 2);
      Lakehouse lakehouse = Lakehouse.open(config, "bench-fraud");
      SparkSession spark = lakehouse.spark();

      // the backlog: one generated day's payments through Kafka, bronze and silver
      long produced = 0;
      try (RecordPublisher publisher = new RecordPublisher(broker.bootstrapServers(), "")) {
        DataGenerator generator = new DataGenerator(
            new GeneratorSettings(11, DAY, 0.0, Set.of(Anomaly.CARD_TESTING), 0.02), backlogRecords);
        while (generator.hasNext()) {
          GeneratedRecord record = generator.next();
          if (record.topic().equals(Topics.FINANCE_PAYMENTS)) {
            publisher.send(record);
            produced++;
          }
        }
        publisher.flush();
      }
      await(new BronzeIngest(config, lakehouse.catalog()).start(spark, Topics.FINANCE_PAYMENTS, Trigger.AvailableNow()));
      await(new RefineJob(config, lakehouse.catalog()).start(spark, "silver.finance_payments", Trigger.AvailableNow()));
      List<Row> silver = spark.read().format("delta").load(lakehouse.catalog().location("silver.finance_payments"))
          .select("payment_id", "customer_id", "card_id", "merchant_id", "merchant_category", "merchant_country",
              "device_id", "lat", "lon", "amount_cents", "currency", "paid_at", "customer_country")
          .collectAsList();
      System.out.printf("backlog: %,d payments produced, %,d in silver (%d cores)%n", produced, silver.size(),
          Runtime.getRuntime().availableProcessors());

      double loopRate = bestOf(3, () -> javaLoop(silver));
      System.out.printf("(a) plain Java loop, rules + features, 1 thread:   %,12.0f payments/s%n", loopRate);
      double rulesRate = scoreBacklog(lakehouse, silver.size(), Optional.empty());
      System.out.printf("(b) streaming scoring into gold, rules only:       %,12.0f payments/s   b/a = %.4f%n",
          rulesRate, rulesRate / loopRate);
      long trainStarted = System.nanoTime();
      FraudTraining.Result trained = new FraudTraining(config, lakehouse.catalog()).train(spark,
          new FraudTraining.Options(FraudModel.Params.defaults(), 0.2, 50, 0.01, Optional.empty(), Optional.empty()));
      System.out.printf("    (model v%d trained in %.1f s, holdout AUC-PR model %.4f vs rules %.4f)%n",
          trained.version().version(), (System.nanoTime() - trainStarted) / 1e9,
          trained.holdout().byScorer().get("model").aucPr(), trained.holdout().byScorer().get("rules").aucPr());
      Optional<FraudModel> model = FraudModel.current(spark, config, lakehouse.catalog());
      if (model.isPresent()) {
        double modelRate = scoreBacklog(lakehouse, silver.size(), model);
        System.out.printf("(c) streaming scoring into gold, rules + model:    %,12.0f payments/s   c/a = %.4f, c/b = %.2f%n",
            modelRate, modelRate / loopRate, modelRate / rulesRate);
      } else {
        System.out.println("(c) skipped: the model was not promoted (" + trained.version().note() + ")");
      }
      latency(lakehouse, broker.bootstrapServers(), rate, seconds, silver.size());
    }
  }

  private static void await(StreamingQuery query) {
    StreamingQueries.awaitAll(List.of(query), System.out, Duration.ofMinutes(1));
  }

  private static double bestOf(int runs, java.util.function.DoubleSupplier run) {
    double best = 0;
    for (int i = 0; i < runs; i++) {
      best = Math.max(best, run.getAsDouble());
    }
    return best;
  }

  // the same work per payment as the query: sort each card's payments, rules and features on its state
  private static double javaLoop(List<Row> rows) {
    long started = System.nanoTime();
    FraudRules rules = FraudRules.withDefaults();
    Map<String, List<Payment>> byCard = new HashMap<>();
    for (Row r : rows) {
      String country = r.getString(5);
      String home = r.isNullAt(12) ? country : r.getString(12);
      ZoneId zone = home == null ? ZoneOffset.UTC : HomeZones.of(home).orElse(ZoneOffset.UTC);
      Payment payment = new Payment(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
          country, r.getString(6), r.isNullAt(7) ? Double.NaN : r.getDouble(7), r.isNullAt(8) ? Double.NaN : r.getDouble(8),
          r.getLong(9), r.getString(10), r.getTimestamp(11).toInstant(), zone);
      byCard.computeIfAbsent(payment.cardId(), c -> new ArrayList<>()).add(payment);
    }
    double sum = 0;
    for (List<Payment> payments : byCard.values()) {
      payments.sort(Comparator.comparing(Payment::paidAt).thenComparing(Payment::paymentId));
      CardState state = CardState.empty();
      for (Payment payment : payments) {
        double[] features = rules.features(state, payment);
        Score score = rules.evaluate(state, payment);
        state = score.next();
        sum += score.score() + features[0];
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (Double.isNaN(sum)) {
      throw new IllegalStateException("NaN score");
    }
    return rows.size() / seconds;
  }

  // a fresh checkpoint and an empty gold table each time
  private static double scoreBacklog(Lakehouse lakehouse, long payments, Optional<FraudModel> model) throws Exception {
    SparkSession spark = lakehouse.spark();
    spark.sql("DELETE FROM gold.finance_payment_scores");
    deleteRecursively(Path.of(lakehouse.config().path("checkpoints/score/finance_payments")));
    long started = System.nanoTime();
    await(new FraudScoring(lakehouse.config(), lakehouse.catalog()).start(spark, Trigger.AvailableNow(), model));
    double seconds = (System.nanoTime() - started) / 1e9;
    long scored = spark.sql("SELECT count(*) FROM gold.finance_payment_scores WHERE ml_score IS "
        + (model.isPresent() ? "NOT NULL" : "NULL")).head().getLong(0);
    if (scored != payments) {
      throw new IllegalStateException("scored " + scored + " of " + payments + " payments");
    }
    return payments / seconds;
  }

  private static void latency(Lakehouse lakehouse, String bootstrap, double rate, int seconds, long backlog)
      throws Exception {
    SparkSession spark = lakehouse.spark();
    LakehouseConfig config = lakehouse.config();
    spark.sql("ALTER TABLE gold.finance_payment_scores SET TBLPROPERTIES (delta.enableChangeDataFeed = true)");
    long fromVersion = spark.sql("DESCRIBE HISTORY gold.finance_payment_scores LIMIT 1").head().getLong(0) + 1;
    List<StreamingQuery> queries = List.of(
        new BronzeIngest(config, lakehouse.catalog()).start(spark, Topics.FINANCE_PAYMENTS,
            Trigger.ProcessingTime(config.ingest().triggerInterval().toMillis())),
        new RefineJob(config, lakehouse.catalog()).start(spark, "silver.finance_payments",
            Trigger.ProcessingTime(config.refine().triggerInterval().toMillis())),
        new FraudScoring(config, lakehouse.catalog()).start(spark,
            Trigger.ProcessingTime(config.fraud().triggerInterval().toMillis())));
    Map<String, Long> sentAtMs = new HashMap<>();
    // another day of the same world: new payment ids, cards with history
    DataGenerator generator = new DataGenerator(
        new GeneratorSettings(11, DAY.plusDays(1), 0.0, Set.of(), 0.02), Math.round(rate * seconds / 0.075 * 1.2));
    long total = Math.round(rate * seconds);
    long started = System.nanoTime();
    try (RecordPublisher publisher = new RecordPublisher(bootstrap, "")) {
      while (sentAtMs.size() < total && generator.hasNext()) {
        GeneratedRecord record = generator.next();
        if (!record.topic().equals(Topics.FINANCE_PAYMENTS)) {
          continue;
        }
        long dueNs = started + (long) (sentAtMs.size() / rate * 1e9);
        long waitNs = dueNs - System.nanoTime();
        if (waitNs > 0) {
          Thread.sleep(waitNs / 1_000_000, (int) (waitNs % 1_000_000));
        }
        publisher.send(record);
        Matcher id = PAYMENT_ID.matcher(new String(record.value(), StandardCharsets.UTF_8));
        if (!id.find()) {
          throw new IllegalStateException("payment without id");
        }
        sentAtMs.put(id.group(1), System.currentTimeMillis());
      }
      publisher.flush();
    }
    double sendSeconds = (System.nanoTime() - started) / 1e9;
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    long seen = 0;
    int polls = 0;
    while (System.nanoTime() < deadline) {
      seen = spark.sql("SELECT count(*) FROM gold.finance_payment_scores").head().getLong(0);
      if (seen >= backlog + sentAtMs.size()) {
        break;
      }
      if (++polls % 20 == 0) {
        printProgress(queries, seen - backlog);
      }
      Thread.sleep(500);
    }
    for (StreamingQuery query : queries) {
      query.stop();
    }
    List<Row> changes = spark.read().format("delta").option("readChangeFeed", "true")
        .option("startingVersion", fromVersion).load(lakehouse.catalog().location("gold.finance_payment_scores"))
        .where(col("_change_type").equalTo("insert"))
        .select(col("payment_id"), col("_commit_timestamp").cast("double").multiply(1000).cast("long"))
        .collectAsList();
    long[] latencies = changes.stream()
        .filter(r -> sentAtMs.containsKey(r.getString(0)))
        .mapToLong(r -> r.getLong(1) - sentAtMs.get(r.getString(0)))
        .sorted().toArray();
    System.out.printf("latency: %,d payments sent at %.1f/s over %.1f s (target %.0f/s); %,d reached gold%n",
        sentAtMs.size(), sentAtMs.size() / sendSeconds, sendSeconds, rate, latencies.length);
    if (latencies.length == 0) {
      throw new IllegalStateException("latency: no payment reached gold within 3 minutes");
    }
    System.out.printf("produce-to-score (send -> gold commit): p50 %,d ms, p95 %,d ms, max %,d ms"
        + " (triggers: ingest %s, refine %s, score %s)%n", percentile(latencies, 0.5), percentile(latencies, 0.95),
        latencies[latencies.length - 1], config.ingest().triggerInterval(), config.refine().triggerInterval(),
        config.fraud().triggerInterval());
  }

  // where the pipeline is: each query's last batch
  private static void printProgress(List<StreamingQuery> queries, long inGold) {
    StringBuilder line = new StringBuilder("    ").append(String.format("%,d in gold;", inGold));
    for (StreamingQuery query : queries) {
      var progress = query.lastProgress();
      if (progress != null) {
        line.append(String.format(" %s batch %d: %,d rows in %,d ms;", query.name(), progress.batchId(),
            progress.numInputRows(), progress.batchDuration()));
      }
    }
    System.out.println(line);
  }

  private static long percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static void deleteRecursively(Path path) throws Exception {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
