package dev.lakehouse.ingest;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.monitor.BatchPhases;
import dev.lakehouse.ops.OpsTables;
import dev.lakehouse.ops.PipelineEvent;
import dev.lakehouse.spark.StreamingQueries;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * One checkpointed Structured Streaming query per topic: Kafka -> bronze.&lt;topic&gt;.
 *
 * <p>Exactly once: each micro-batch appends to bronze with txnAppId = query id and txnVersion =
 * batch id, so a batch replayed after a crash (kill -9 between the Delta commit and the checkpoint
 * commit) is skipped by Delta; the checkpoint guarantees the next batch starts where the last
 * committed one ended. The lineage row in ops.pipeline_events is written the same way.
 */
public final class BronzeIngest {

  private final LakehouseConfig config;
  private final TableCatalog catalog;

  public BronzeIngest(LakehouseConfig config, TableCatalog catalog) {
    this.config = config;
    this.catalog = catalog;
  }

  public static String queryName(String topic) {
    return "ingest." + topic;
  }

  public String checkpoint(String topic) {
    return config.path("checkpoints/ingest/" + topic);
  }

  /** Starts the query of one source (read from topic kafka.topic-prefix + source). */
  public StreamingQuery start(SparkSession spark, String topic, Trigger trigger) throws TimeoutException {
    String table = BronzeRecords.tableOf(topic);
    catalog.definition(table);
    DataStreamReader reader = spark.readStream()
        .format("kafka")
        .option("kafka.bootstrap.servers", config.kafka().bootstrapServers())
        .option("subscribe", config.kafka().topic(topic))
        .option("startingOffsets", "earliest")
        .option("failOnDataLoss", config.kafka().failOnDataLoss());
    if (config.ingest().maxOffsetsPerTrigger() > 0) {
      reader = reader.option("maxOffsetsPerTrigger", config.ingest().maxOffsetsPerTrigger());
    }
    return reader.load()
        .writeStream()
        .queryName(queryName(topic))
        .option("checkpointLocation", checkpoint(topic))
        .trigger(trigger)
        .foreachBatch(new BatchWriter(topic, table, catalog.location(table), new OpsTables(catalog)))
        .start();
  }

  /** Writes one micro-batch to bronze and its lineage row; both idempotent per batch id. */
  private static final class BatchWriter implements VoidFunction2<Dataset<Row>, Long> {
    private final String topic;
    private final String table;
    private final String location;
    private final OpsTables ops;
    private final OffsetGaps gaps = new OffsetGaps();

    BatchWriter(String topic, String table, String location, OpsTables ops) {
      this.topic = topic;
      this.table = table;
      this.location = location;
      this.ops = ops;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) {
      Instant startedAt = Instant.now();
      SparkSession spark = batch.sparkSession();
      String queryId = StreamingQueries.queryId(spark);
      if (!gaps.seeded()) {
        BatchPhases.time("seed offset gaps", () -> gaps.seed(ops.lastSourceOffsets(spark, queryId, batchId)));
      }
      // the ranges are read from the source again rather than caching the batch: Kafka re-reads
      // from the consumer cache cost less than holding every value in memory
      Dataset<Row> rows = BronzeRecords.apply(batch, Timestamp.from(startedAt), batchId);
      OffsetRanges ranges = BatchPhases.time("offset ranges", () -> OffsetRanges.of(rows));
      if (ranges.records() > 0) {
        BatchPhases.time("append " + table, () -> rows.write()
            .format("delta")
            .mode("append")
            .option("txnAppId", "ingest:" + queryId)
            .option("txnVersion", batchId)
            .save(location));
        String details = gaps.describe(ranges);
        PipelineEvent event = new PipelineEvent(
            queryName(topic), queryId, batchId, String.join(",", ranges.ranges().keySet()), ranges.toJson(), table,
            BatchPhases.time("read version", () -> OpsTables.latestVersion(spark, location)), ranges.records(), ranges.records(), 0,
            details, startedAt, Instant.now());
        BatchPhases.time("lineage", () -> ops.record(spark, event, "ingest-lineage:" + queryId, batchId));
        BatchPhases.committed(ranges.newestAt());
      }
    }
  }
}
