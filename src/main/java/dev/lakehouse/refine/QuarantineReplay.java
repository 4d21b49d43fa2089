package dev.lakehouse.refine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.ops.DeltaRetries;
import dev.lakehouse.ops.OpsTables;
import dev.lakehouse.ops.PipelineEvent;
import dev.lakehouse.quality.GateOutcome;
import dev.lakehouse.quality.QualityGate;
import dev.lakehouse.quality.RunKey;
import io.delta.tables.DeltaTable;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Replays held records of ops.quarantine into their silver table after a fix (a corrected parser,
 * a relaxed rule or suite, or an edited value): they go through the same parse, the same quality
 * gate and the same insert-only MERGE as a refine batch. A record is marked replayed once its key is
 * in the table, so replaying again publishes nothing twice.
 */
public final class QuarantineReplay {
  /** What a replay did. */
  public record Outcome(String runId, long held, long published, long stillFailing) {}

  private final LakehouseConfig config;
  private final TableCatalog catalog;

  public QuarantineReplay(LakehouseConfig config, TableCatalog catalog) {
    this.config = config;
    this.catalog = catalog;
  }

  /** Replaces the value a held record will be replayed with (the original raw value is kept). */
  public void edit(SparkSession spark, String quarantineId, String value) {
    edit(spark, quarantineId, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Replaces the bytes a held record will be replayed with (the original raw value is kept). */
  public void edit(SparkSession spark, String quarantineId, byte[] value) {
    Dataset<Row> match = quarantine(spark).toDF().filter(col("quarantine_id").equalTo(quarantineId));
    if (match.isEmpty()) {
      throw new IllegalArgumentException("Cannot edit quarantined record " + quarantineId + ": no such quarantine_id in ops.quarantine");
    }
    DeltaRetries.onConflict(() -> quarantine(spark).update(col("quarantine_id").equalTo(quarantineId),
        Map.of("edited_value", lit(value))));
  }

  /** Replays the held records of {@code target}, optionally only those that broke {@code ruleId}. */
  public Outcome replay(SparkSession spark, String target, String ruleId) {
    RefineSpec spec = new RefineJob(config, catalog).spec(spark, target);
    String runId = UUID.randomUUID().toString();
    Instant startedAt = Instant.now();
    Timestamp now = Timestamp.from(startedAt);
    // rows rejected by `logs analyze` and `load`, and unreadable files of file sources, came from files, not
    // from bronze: fix the file and analyze or load it again instead
    Column held = col("target_table").equalTo(target).and(col("replayed_at").isNull())
        .and(not(col("stage").isin("analyze", "load", "ingest")));
    if (ruleId != null) {
      held = held.and(col("rule_id").equalTo(ruleId));
    }
    Dataset<Row> records = quarantine(spark).toDF().filter(held)
        .select(
            col("quarantine_id").as("_quarantine_id"),
            col("raw_key").as("key"),
            coalesce(col("edited_value"), col("raw_value")).as("value"),
            coalesce(col("_kafka_topic"), lit("replay")).as("_kafka_topic"),
            coalesce(col("_kafka_partition"), lit(-1)).as("_kafka_partition"),
            coalesce(col("_kafka_offset"), lit(-1L)).as("_kafka_offset"),
            col("_kafka_timestamp"),
            lit(now).as("_ingested_at"))
        .persist();
    try {
      long heldCount = records.count();
      Dataset<Row> parsed = spec.parse(records, config.refine());
      RunKey key = new RunKey(target, RunKey.REPLAY, null, null, startedAt);
      DerivedFunctions.refresh(spark, catalog, spec);
      GateOutcome gated = new QualityGate(catalog).check(spark, RefinedRecords.silver(parsed, spec, now,
          RefineJob.dimensions(spark, catalog, spec)), key);
      SilverMerge.Merged merged = SilverMerge.insertNew(spark, catalog.location(target), spec, gated.publishable());
      List<String> published = publishedIds(spark, parsed, spec, target);
      if (!published.isEmpty()) {
        DeltaRetries.onConflict(() -> quarantine(spark).update(col("quarantine_id").isin(published.toArray()),
            Map.of("replayed_at", lit(now), "replay_run_id", lit(runId))));
      }
      new OpsTables(catalog).record(spark, new PipelineEvent("replay." + target, runId, 0, OpsTables.QUARANTINE,
          null, target, merged.version(), heldCount, published.size(),
          heldCount - published.size(), null, startedAt, Instant.now()), "replay:" + runId, 0);
      return new Outcome(runId, heldCount, published.size(), heldCount - published.size());
    } finally {
      records.unpersist();
    }
  }

  /**
   * Held records that parse now and are in the table: their key holds the row from their own source
   * position (a record whose key another record holds, a dedupe.conflict, stays held).
   */
  private List<String> publishedIds(SparkSession spark, Dataset<Row> parsed, RefineSpec spec, String target) {
    Dataset<Row> stored = spark.read().format("delta").load(catalog.location(target))
        .select(RefinedRecords.position().as("_t_at"));
    return parsed.filter(col(RecordParser.RULE).isNull())
        .join(stored, RefinedRecords.position().equalTo(col("_t_at")), "left_semi")
        .select("_quarantine_id")
        .as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
  }

  private DeltaTable quarantine(SparkSession spark) {
    return DeltaTable.forPath(spark, catalog.location(OpsTables.QUARANTINE));
  }
}
