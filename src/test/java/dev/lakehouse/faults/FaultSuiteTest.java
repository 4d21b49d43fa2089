package dev.lakehouse.faults;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakehouse.Lakehouse;
import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.commerce.stream.CommerceStreams;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.finance.scoring.FraudScoring;
import dev.lakehouse.logs.detect.LogDetectors;
import dev.lakehouse.generate.DataGenerator;
import dev.lakehouse.generate.GeneratedRecord;
import dev.lakehouse.generate.GeneratorSettings;
import dev.lakehouse.ingest.BronzeIngest;
import dev.lakehouse.kafka.KafkaAdmin;
import dev.lakehouse.refine.RefineJob;
import dev.lakehouse.refine.RefineSpec;
import dev.lakehouse.refine.RefinedRecords;
import dev.lakehouse.spark.StreamingQueries;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.InProcessCli;
import dev.lakehouse.testing.Produce;
import dev.lakehouse.testing.TestLakehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;

/**
 * The fault and hostile-input suite: every record a producer can send ends in silver, in
 * ops.quarantine with a rule, or counted as a re-delivery — none unaccounted; and streaming jobs
 * killed with kill -9 at random moments and restarted leave what a clean run leaves.
 */
class FaultSuiteTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SOURCES = List.of("commerce.events", "commerce.orders", "commerce.inventory",
      "finance.payments", "logs.access", "logs.syslog", "logs.app");

  @Test
  void everyHostileRecordIsKeptHeldOrCountedNoneUnaccounted() throws Exception {
    Lakehouse lakehouse = TestLakehouse.freshWithKafka("refine.max-record-bytes=4096");
    List<HostileCorpus.Sent> corpus = HostileCorpus.of(DAY, 11, 1800, 5000);
    long mutated = corpus.stream().filter(s -> !s.kind().equals("valid")).count();
    assertThat(mutated).isGreaterThanOrEqualTo(1000);
    produce(lakehouse, corpus.stream().map(s -> new Produce.Message(s.key(), s.value())).toList(),
        corpus.stream().map(HostileCorpus.Sent::topic).toList());
    ingest(lakehouse);
    refine(lakehouse);

    Map<String, long[]> byTable = new TreeMap<>();
    for (String target : RefineJob.targets(lakehouse.catalog())) {
      byTable.put(target, account(lakehouse, target));
    }
    Map<String, Long> byRule = new TreeMap<>();
    lakehouse.spark().sql("SELECT rule_id, count(DISTINCT _kafka_topic, _kafka_partition, _kafka_offset) FROM ops.quarantine GROUP BY 1")
        .collectAsList().forEach(r -> byRule.merge(family(r.getString(0)), r.getLong(1), Long::sum));
    System.out.printf("Fault suite: %,d records sent (%,d mutated) to %d topics%n", corpus.size(), mutated, SOURCES.size());
    System.out.printf("  %-36s %8s %8s %12s %9s %12s%n", "table", "read", "kept", "quarantined", "counted", "unaccounted");
    byTable.forEach((table, f) -> System.out.printf("  %-36s %,8d %,8d %,12d %,9d %,12d%n", table, f[0], f[1], f[2], f[3], f[4]));
    System.out.println("  quarantined records by rule: " + byRule);

    assertThat(byTable.values()).allSatisfy(f -> assertThat(f[4]).as("unaccounted").isZero());
    assertThat(byTable.values()).allSatisfy(f -> assertThat(f[0]).as("records read").isPositive());
    assertThat(byRule.keySet()).contains("decode.empty", "decode.too_large", "decode.utf8", "parse.json",
        "parse.not_scalar.*", "parse.duplicate_key.*", "bounds.event_time.*", "bounds.id_length.*", "dedupe.conflict");
    assertThat(byTable.values().stream().mapToLong(f -> f[3]).sum()).as("re-deliveries counted").isPositive();
    // hostile text is data: kept byte for byte
    assertThat(lakehouse.spark().table("silver.commerce_events")
        .filter(col("page").contains(HostileCorpus.HOSTILE)).count()).isPositive();
  }

  @Test
  void streamingJobsKilledAtRandomMomentsLeaveWhatACleanRunLeaves() throws Exception {
    String[] settings = {"commerce.watermark=1d", "logs.watermark=1d", "monitor.write-interval=1h"};
    Lakehouse faulty = TestLakehouse.freshWithKafka(settings);
    List<GeneratedRecord> day = new ArrayList<>();
    new DataGenerator(new GeneratorSettings(5, DAY, 0.05, Set.of()), 2500).forEachRemaining(day::add);
    List<GeneratedRecord> records = day.stream().filter(r -> SOURCES.contains(r.topic())).toList();
    produce(faulty, records.stream().map(r -> new Produce.Message(r.key(), r.value())).toList(),
        records.stream().map(GeneratedRecord::topic).toList());
    ingest(faulty);
    LakehouseConfig faultyConfig = faulty.config();

    Random random = new Random(22);
    List<String> kills = new ArrayList<>();
    for (int kill = 1; kill <= 3; kill++) {
      Path log = Files.createTempFile(Path.of("target"), "fault-jobs-" + kill, ".log");
      Process jobs = ChildJvm.startMain(StreamingJobsMain.class.getName(), faultyConfig, log);
      long afterMs = 5_000 + random.nextInt(15_000);
      boolean exited = jobs.waitFor(afterMs, TimeUnit.MILLISECONDS);
      assertThat(exited).as("the jobs stopped by themselves: " + Files.readString(log)).isFalse();
      jobs.destroyForcibly().waitFor();
      kills.add(afterMs + " ms");
    }
    // restarted from the killed checkpoints, until they hold everything
    faulty = TestLakehouse.open(faultyConfig);
    runAvailableNow(faulty);

    // the clean run: the same bronze tables, every job once
    LakehouseConfig cleanConfig = TestLakehouse.config(faultyConfig.kafka().bootstrapServers(), settings);
    for (String source : SOURCES) {
      String table = "bronze." + source.replace('.', '_');
      copyDirectory(Path.of(faulty.catalog().location(table)), Path.of(TableCatalog.load(cleanConfig).location(table)));
    }
    Lakehouse clean = TestLakehouse.open(cleanConfig);
    runAvailableNow(clean);
    faulty = TestLakehouse.open(faultyConfig);

    Map<String, Long> compared = new LinkedHashMap<>();
    for (String target : RefineJob.targets(faulty.catalog())) {
      RefineSpec spec = new RefineJob(faultyConfig, faulty.catalog()).spec(faulty.spark(), target);
      List<String> columns = new ArrayList<>(List.of(spec.payload().fieldNames()));
      columns.addAll(List.of("_kafka_topic", "_kafka_partition", "_kafka_offset"));
      compared.put(target, assertSameRows(faulty, clean, target, columns));
    }
    for (String gold : List.of("gold.commerce_behavior_5m", "gold.commerce_sessions", "gold.commerce_sales_5m",
        "gold.logs_ip_activity", "gold.logs_service_health")) {
      List<String> columns = new ArrayList<>(List.of(clean.spark().table(gold).columns()));
      columns.remove("updated_at");
      compared.put(gold, assertSameRows(faulty, clean, gold, columns));
    }
    compared.put("gold.finance_payment_scores", assertSameRows(faulty, clean, "gold.finance_payment_scores", List.of("payment_id")));
    compared.put("ops.quarantine", assertSameRows(faulty, clean, "ops.quarantine", List.of("quarantine_id")));
    assertThat(faulty.spark().table("gold.finance_payment_scores").count())
        .isEqualTo(faulty.spark().table("gold.finance_payment_scores").select("payment_id").distinct().count());
    System.out.println("Kill suite: refine, commerce stream, logs detect and finance score killed with kill -9 after "
        + kills + ", then restarted; rows equal to a clean run: " + compared);
  }

  /** parse.not_scalar.user_id -> parse.not_scalar.*: a rule family whose last part names a column. */
  private static String family(String rule) {
    for (String family : List.of("parse.type.", "parse.not_scalar.", "parse.duplicate_key.", "bounds.event_time.",
        "bounds.id_length.", "required.")) {
      if (rule.startsWith(family)) {
        return family + "*";
      }
    }
    return rule;
  }

  /** Asserts both lakehouses hold the same rows of {@code columns} (as multisets); returns how many. */
  private static long assertSameRows(Lakehouse a, Lakehouse b, String table, List<String> columns) {
    Dataset<Row> left = a.spark().read().format("delta").load(a.catalog().location(table)).selectExpr(columns.toArray(String[]::new));
    Dataset<Row> right = b.spark().read().format("delta").load(b.catalog().location(table)).selectExpr(columns.toArray(String[]::new));
    assertThat(left.exceptAll(right).takeAsList(5)).as(table + ": rows only after the kills").isEmpty();
    assertThat(right.exceptAll(left).takeAsList(5)).as(table + ": rows only in the clean run").isEmpty();
    return left.count();
  }

  private static void produce(Lakehouse lakehouse, List<Produce.Message> messages, List<String> topics) {
    String bootstrap = lakehouse.config().kafka().bootstrapServers();
    KafkaAdmin.ensureTopics(bootstrap, SOURCES.stream().map(lakehouse.config().kafka()::topic).toList(), 2);
    Map<String, List<Produce.Message>> byTopic = new LinkedHashMap<>();
    for (int i = 0; i < messages.size(); i++) {
      byTopic.computeIfAbsent(topics.get(i), t -> new ArrayList<>()).add(messages.get(i));
    }
    byTopic.forEach((topic, batch) -> Produce.send(bootstrap, lakehouse.config().kafka().topic(topic), batch));
  }

  private static void ingest(Lakehouse lakehouse) {
    BronzeIngest ingest = new BronzeIngest(lakehouse.config(), lakehouse.catalog());
    List<StreamingQuery> queries = new ArrayList<>();
    for (String source : SOURCES) {
      try {
        queries.add(ingest.start(lakehouse.spark(), source, Trigger.AvailableNow()));
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError(e);
      }
    }
    StreamingQueries.awaitAll(queries, System.out, Duration.ofMinutes(5));
  }

  private static void refine(Lakehouse lakehouse) {
    ChildJvm.Result refined = InProcessCli.execute(lakehouse.config(), "refine", "--available-now");
    assertThat(refined.exitCode()).as(refined.output()).isZero();
  }

  /**
   * Every job after ingest, available now, in this JVM, from their checkpoints: refine of every
   * silver table, then the gold streams (commerce, log detectors, fraud scoring) side by side.
   */
  private static void runAvailableNow(Lakehouse lakehouse) throws Exception {
    SparkSession spark = lakehouse.spark();
    Trigger once = Trigger.AvailableNow();
    RefineJob refine = new RefineJob(lakehouse.config(), lakehouse.catalog());
    List<StreamingQuery> silver = new ArrayList<>();
    for (String target : RefineJob.targets(lakehouse.catalog())) {
      silver.add(refine.start(spark, target, once));
    }
    StreamingQueries.awaitAll(silver, System.out, Duration.ofMinutes(5));
    List<StreamingQuery> gold = new ArrayList<>();
    CommerceStreams commerce = new CommerceStreams(lakehouse.config(), lakehouse.catalog());
    gold.add(commerce.startBehavior(spark, once));
    gold.add(commerce.startSales(spark, once, CommerceStreams.ORDERS));
    gold.addAll(new LogDetectors(lakehouse.config(), lakehouse.catalog()).start(spark, once));
    gold.add(new FraudScoring(lakehouse.config(), lakehouse.catalog()).start(spark, once));
    StreamingQueries.awaitAll(gold, System.out, Duration.ofMinutes(5));
  }

  private static void copyDirectory(Path from, Path to) throws java.io.IOException {
    if (Files.exists(to)) {
      try (java.util.stream.Stream<Path> tree = Files.walk(to)) {
        for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    try (java.util.stream.Stream<Path> tree = Files.walk(from)) {
      for (Path path : tree.toList()) {
        Path target = to.resolve(from.relativize(path));
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  /** {read, kept, quarantined, counted, unaccounted} of one silver table's source records. */
  private static long[] account(Lakehouse lakehouse, String target) throws Exception {
    SparkSession spark = lakehouse.spark();
    RefineSpec spec = new RefineJob(lakehouse.config(), lakehouse.catalog()).spec(spark, target);
    Set<String> read = positions(spark.table(spec.source()));
    Set<String> kept = positions(spark.table(target));
    Set<String> held = positions(spark.table("ops.quarantine").filter(col("target_table").equalTo(target)));
    long counted = 0;
    for (String details : spark.table("ops.pipeline_events").filter(col("query_name").equalTo(RefineJob.queryName(target)))
        .select("details").as(Encoders.STRING()).collectAsList()) {
      if (details != null) {
        JsonNode node = JSON.readTree(details);
        counted += node.path("redelivered_rows").asLong() + node.path("superseded_rows").asLong()
            + node.path("replaced_rows").asLong();
      }
    }
    Set<String> both = new HashSet<>(kept);
    both.retainAll(held);
    assertThat(both).as(target + ": records both kept and held").isEmpty();
    Set<String> placed = new HashSet<>(kept);
    placed.addAll(held);
    assertThat(read).as(target + ": every kept or held record was read").containsAll(placed);
    return new long[] {read.size(), kept.size(), held.size(), counted, read.size() - placed.size() - counted};
  }

  private static Set<String> positions(Dataset<Row> rows) {
    return new HashSet<>(rows.select(RefinedRecords.position()).as(Encoders.STRING()).collectAsList());
  }
}
