package dev.lakehouse.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.ingest.BronzeIngest;
import dev.lakehouse.ingest.BronzeRecords;
import dev.lakehouse.spark.StreamingQueries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Kafka -> bronze: one checkpointed streaming query per topic into bronze.<topic>.",
        "Runs until Ctrl-C (stops cleanly), or with --available-now drains what is there and exits."})
final class IngestCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--available-now", description = "Ingest what the topics hold now, then exit (for scheduled runs).")
  boolean availableNow;

  @Option(names = "--topics", split = ",", paramLabel = "TOPIC", description = "Topics to ingest (default: ingest.topics).")
  List<String> topics;

  @Override
  public Integer call() throws TimeoutException {
    LakehouseConfig config = options.config();
    dev.lakehouse.kafka.KafkaAdmin.awaitReady(config.kafka().bootstrapServers(), config.kafka().connectTimeout());
    Lakehouse lakehouse = Lakehouse.open(config, "lakehouse-ingest");
    List<String> chosen = topics != null ? topics : config.ingest().topics();
    run(lakehouse, chosen, availableNow);
    return 0;
  }

  /** Starts one query per topic and waits for them; prints what each ingested. */
  static void run(Lakehouse lakehouse, List<String> topics, boolean availableNow) throws TimeoutException {
    java.sql.Timestamp started = java.sql.Timestamp.from(java.time.Instant.now());
    BronzeIngest ingest = new BronzeIngest(lakehouse.config(), lakehouse.catalog());
    Trigger trigger = availableNow
        ? Trigger.AvailableNow()
        : Trigger.ProcessingTime(lakehouse.config().ingest().triggerInterval().toMillis());
    List<StreamingQuery> queries = new ArrayList<>();
    for (String topic : topics) {
      queries.add(ingest.start(lakehouse.spark(), topic, trigger));
    }
    if (!availableNow) {
      StreamingQueries.stopOnShutdown(queries, System.out);
      System.out.println("Ingesting " + topics + " until Ctrl-C; checkpoints under " + lakehouse.config().path("checkpoints/ingest"));
    }
    StreamingQueries.awaitAll(queries, System.out, Duration.ofSeconds(10));
    if (StreamingQueries.shuttingDown()) {
      return;
    }
    // counted from the lineage, which records each batch exactly once, in one read for all topics
    java.util.Map<String, Long> records = new java.util.HashMap<>();
    lakehouse.spark().table("ops.pipeline_events")
        .filter(col("started_at").geq(started))
        .groupBy("query_id").agg(sum("input_rows"))
        .collectAsList()
        .forEach(row -> records.put(row.getString(0), row.getLong(1)));
    for (int i = 0; i < topics.size(); i++) {
      System.out.printf("  %-20s -> %-28s %,10d records%n", topics.get(i), BronzeRecords.tableOf(topics.get(i)),
          records.getOrDefault(queries.get(i).id().toString(), 0L));
    }
  }
}
