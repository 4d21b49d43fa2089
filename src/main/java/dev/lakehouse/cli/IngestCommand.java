package dev.lakehouse.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.ingest.BronzeIngest;
import dev.lakehouse.ingest.BronzeRecords;
import dev.lakehouse.ingest.FileIngest;
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
    description = {"Kafka -> bronze: one checkpointed streaming query per topic into bronze.<topic>; and files -> bronze:",
        "one per file source (ingest.files.<source> = a watched directory), each line of each new file once.",
        "Runs until Ctrl-C (stops cleanly), or with --available-now drains what is there and exits.",
        "Naming --topics or --files runs only the sources named."})
final class IngestCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--available-now", description = "Ingest what the topics hold now, then exit (for scheduled runs).")
  boolean availableNow;

  @Option(names = "--topics", split = ",", paramLabel = "TOPIC", description = "Topics to ingest (default: ingest.topics).")
  List<String> topics;

  @Option(names = "--files", split = ",", paramLabel = "SOURCE",
      description = "File sources to ingest (default: every ingest.files.<source> configured).")
  List<String> files;

  @Override
  public Integer call() throws TimeoutException {
    LakehouseConfig config = options.config();
    // naming one kind of source runs only that kind; naming none runs every configured source
    List<String> chosenTopics = topics != null ? topics : files != null ? List.of() : config.ingest().topics();
    List<String> chosenFiles = files != null ? files : topics != null ? List.of() : List.copyOf(config.ingest().files().keySet());
    for (String source : chosenFiles) {
      if (!config.ingest().files().containsKey(source)) {
        throw new IllegalArgumentException(String.format("Cannot ingest files of %s: no ingest.files.%s is configured "
            + "(file sources: %s)", source, source, config.ingest().files().keySet()));
      }
    }
    if (!chosenTopics.isEmpty()) {
      dev.lakehouse.kafka.KafkaAdmin.awaitReady(config.kafka().bootstrapServers(), config.kafka().connectTimeout());
    }
    Lakehouse lakehouse = Lakehouse.open(config, "lakehouse-ingest");
    run(lakehouse, chosenTopics, chosenFiles, availableNow);
    return 0;
  }

  /** Starts one query per topic and waits for them; prints what each ingested. */
  static void run(Lakehouse lakehouse, List<String> topics, boolean availableNow) throws TimeoutException {
    run(lakehouse, topics, List.of(), availableNow);
  }

  /** Starts one query per topic and per file source and waits for them; prints what each ingested. */
  static void run(Lakehouse lakehouse, List<String> topics, List<String> fileSources, boolean availableNow)
      throws TimeoutException {
    java.sql.Timestamp started = java.sql.Timestamp.from(java.time.Instant.now());
    BronzeIngest ingest = new BronzeIngest(lakehouse.config(), lakehouse.catalog());
    FileIngest fileIngest = new FileIngest(lakehouse.config(), lakehouse.catalog());
    Trigger trigger = availableNow
        ? Trigger.AvailableNow()
        : Trigger.ProcessingTime(lakehouse.config().ingest().triggerInterval().toMillis());
    List<StreamingQuery> queries = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String topic : topics) {
      queries.add(ingest.start(lakehouse.spark(), topic, trigger));
      names.add(topic);
    }
    for (String source : fileSources) {
      queries.add(fileIngest.start(lakehouse.spark(), source, trigger));
      names.add(source + " (files)");
    }
    if (!availableNow) {
      StreamingQueries.stopOnShutdown(queries, System.out);
      System.out.println("Ingesting " + names + " until Ctrl-C; checkpoints under " + lakehouse.config().path("checkpoints"));
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
    for (int i = 0; i < names.size(); i++) {
      String source = i < topics.size() ? topics.get(i) : fileSources.get(i - topics.size());
      System.out.printf("  %-28s -> %-28s %,10d records%n", names.get(i), BronzeRecords.tableOf(source),
          records.getOrDefault(queries.get(i).id().toString(), 0L));
    }
  }
}
