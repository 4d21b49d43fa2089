package dev.lakehouse.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.to_date;

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
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * A file source beside Kafka: one checkpointed Structured Streaming query per configured
 * {@code ingest.files.<source>} watches a directory (or glob) and writes every line of every new
 * file to the source's bronze table, {@code bronze.<source>}, as {@link FileLines} shapes it.
 *
 * <p>Exactly once per file: Spark's file source records in the checkpoint which files each batch
 * took, so a restarted query re-reads no file it committed and takes the files of an unfinished batch
 * again; the bronze append carries txnAppId = query id and txnVersion = batch id, so a batch that
 * was written before a crash (kill -9 between the Delta commit and the checkpoint commit) is skipped.
 * New files are picked up as they appear, however old their modification time. A file that cannot be
 * read to its end (a corrupt or cut .gz) goes to ops.quarantine (stage ingest, rule
 * {@code ingest.file.unreadable}) after the lines read before the damage.
 */
public final class FileIngest {
  // the fixed schema of Spark's binaryFile source, which a stream must be given
  private static final StructType BINARY_FILES = new StructType()
      .add("path", DataTypes.StringType, false)
      .add("modificationTime", DataTypes.TimestampType, false)
      .add("length", DataTypes.LongType, false)
      .add("content", DataTypes.BinaryType, true);

  private final LakehouseConfig config;
  private final TableCatalog catalog;

  public FileIngest(LakehouseConfig config, TableCatalog catalog) {
    this.config = config;
    this.catalog = catalog;
  }

  public static String queryName(String source) {
    return "ingest.files." + source;
  }

  public String checkpoint(String source) {
    return config.path("checkpoints/ingest-files/" + source);
  }

  /** Starts the query of one file source: ingest.files.&lt;source&gt; into bronze.&lt;source&gt;. */
  public StreamingQuery start(SparkSession spark, String source, Trigger trigger) throws TimeoutException {
    String directory = config.ingest().files().get(source);
    if (directory == null) {
      throw new IllegalArgumentException(String.format("Cannot ingest files of %s: no ingest.files.%s is configured (file "
          + "sources: %s); set it to the directory to watch, e.g. --conf ingest.files.%s=/var/log/app", source, source,
          config.ingest().files().keySet(), source));
    }
    String table = BronzeRecords.tableOf(source);
    catalog.definition(table);
    requireDirectory(spark, source, directory);
    DataStreamReader reader = spark.readStream()
        .format("binaryFile")
        .schema(BINARY_FILES)
        // a file is new when it was not seen before, whatever its age (the default forgets files older than 7 days)
        .option("maxFileAge", "36500d");
    if (config.ingest().maxFilesPerTrigger() > 0) {
      reader = reader.option("maxFilesPerTrigger", config.ingest().maxFilesPerTrigger());
    }
    return reader.load(directory)
        .writeStream()
        .queryName(queryName(source))
        .option("checkpointLocation", checkpoint(source))
        .trigger(trigger)
        .foreachBatch(new BatchWriter(source, directory, table, catalog.location(table), new OpsTables(catalog)))
        .start();
  }

  // a directory that is not there is a mistake in the configuration, said at start (a glob may match nothing yet)
  private static void requireDirectory(SparkSession spark, String source, String directory) {
    if (directory.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0)) {
      return;
    }
    try {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(directory);
      if (!path.getFileSystem(spark.sessionState().newHadoopConf()).isDirectory(path)) {
        throw new IllegalArgumentException(String.format("Cannot watch ingest.files.%s=%s: it is not a directory; create it "
            + "(files moved into it are ingested) or point the key at the directory that holds the files", source, directory));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot read " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Writes the lines of one micro-batch's files to bronze, and their lineage; both idempotent per batch id. */
  private static final class BatchWriter implements VoidFunction2<Dataset<Row>, Long> {
    private final String source;
    private final String directory;
    private final String table;
    private final String location;
    private final OpsTables ops;

    BatchWriter(String source, String directory, String table, String location, OpsTables ops) {
      this.source = source;
      this.directory = directory;
      this.table = table;
      this.location = location;
      this.ops = ops;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) {
      Instant startedAt = Instant.now();
      SparkSession spark = batch.sparkSession();
      String queryId = StreamingQueries.queryId(spark);
      Dataset<Row> rows = FileLines.apply(batch, Timestamp.from(startedAt), batchId).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        Dataset<Row> lines = rows.filter(col(FileLines.ERROR).isNull()).drop(FileLines.ERROR);
        Dataset<Row> unreadable = rows.filter(col(FileLines.ERROR).isNotNull());
        long damaged = unreadable.count();
        if (damaged > 0) {
          ops.quarantine(quarantine(unreadable, table, queryName(source), batchId, Timestamp.from(startedAt)));
        }
        OffsetRanges ranges = OffsetRanges.of(lines);
        if (ranges.records() == 0 && damaged == 0) {
          return;
        }
        if (ranges.records() > 0) {
          lines.write()
              .format("delta")
              .mode("append")
              .option("txnAppId", "ingest-files:" + queryId)
              .option("txnVersion", batchId)
              .save(location);
        }
        PipelineEvent event = new PipelineEvent(queryName(source), queryId, batchId, directory, ranges.toJson(), table,
            OpsTables.latestVersion(spark, location), ranges.records(), ranges.records(), damaged,
            "{\"files\":" + ranges.ranges().size() + "}", startedAt, Instant.now());
        ops.record(spark, event, "ingest-files-lineage:" + queryId, batchId);
        BatchPhases.committed(ranges.newestAt());
      } finally {
        rows.unpersist();
      }
    }
  }

  // a file that could not be read to its end, as one ops.quarantine row naming it and the line it broke at
  static Dataset<Row> quarantine(Dataset<Row> unreadable, String table, String queryName, long batchId, Timestamp at) {
    return unreadable.select(
        sha2(concat_ws("|", lit("ingest"), col("_kafka_topic"), lit("ingest.file.unreadable")), 256).as("quarantine_id"),
        col("_kafka_topic").as("source_table"),
        lit(table).as("target_table"),
        lit("ingest").as("stage"),
        lit("ingest.file.unreadable").as("rule_id"),
        col(FileLines.ERROR).as("reason"),
        lit(null).cast(DataTypes.BinaryType).as("raw_key"),
        lit(null).cast(DataTypes.BinaryType).as("raw_value"),
        lit(null).cast(DataTypes.IntegerType).as("raw_size_bytes"),
        col("_kafka_topic"),
        col("_kafka_partition"),
        col("_kafka_offset"),
        col("_kafka_timestamp"),
        lit(queryName).as("query_name"),
        lit(batchId).as("batch_id"),
        lit(at).as("quarantined_at"),
        lit(null).cast(DataTypes.BinaryType).as("edited_value"),
        lit(null).cast(DataTypes.TimestampType).as("replayed_at"),
        lit(null).cast(DataTypes.StringType).as("replay_run_id"),
        to_date(lit(at)).as("quarantined_date"));
  }
}
