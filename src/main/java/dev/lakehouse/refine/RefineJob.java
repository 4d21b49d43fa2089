package dev.lakehouse.refine;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.catalog.TableDefinition;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.ingest.OffsetRanges;
import dev.lakehouse.monitor.BatchPhases;
import dev.lakehouse.ops.OpsTables;
import dev.lakehouse.ops.PipelineEvent;
import dev.lakehouse.quality.GateOutcome;
import dev.lakehouse.quality.QualityGate;
import dev.lakehouse.quality.RunKey;
import dev.lakehouse.spark.StreamingQueries;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import scala.collection.JavaConverters;

/**
 * The generic bronze -> silver step, streaming from the bronze Delta table: parse each record
 * against the silver table's schema, send what cannot be used to ops.quarantine with its rule and
 * source offset, deduplicate the rest and MERGE it on the table's keys.
 *
 * <p>Idempotent: the MERGE only inserts keys not yet present and carries txnAppId / txnVersion
 * (query id / batch id); quarantine rows are merged on their id. Re-running a batch changes nothing.
 */
public final class RefineJob {
  private static final String TXN_APP_ID = "spark.databricks.delta.write.txnAppId";
  private static final String TXN_VERSION = "spark.databricks.delta.write.txnVersion";
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private final LakehouseConfig config;
  private final TableCatalog catalog;

  private final QualityGate gate;

  public RefineJob(LakehouseConfig config, TableCatalog catalog) {
    this(config, catalog, new QualityGate(catalog));
  }

  /** A refine job whose batches pass through {@code gate} (tests give it their own suites). */
  public RefineJob(LakehouseConfig config, TableCatalog catalog, QualityGate gate) {
    this.config = config;
    this.catalog = catalog;
    this.gate = gate;
  }

  /** Silver tables the generic step can refine: those whose DDL names a refine source. */
  public static List<String> targets(TableCatalog catalog) {
    return catalog.definitions().stream()
        .filter(d -> d.layer().equals("silver"))
        .filter(d -> d.ddl().contains("'" + RefineSpec.SOURCE + "'"))
        .map(TableDefinition::name)
        .toList();
  }

  public static String queryName(String target) {
    return "refine." + target;
  }

  public String checkpoint(String target) {
    return config.path("checkpoints/refine/" + target);
  }

  /** Reads the refine specification from the registered silver table. */
  public RefineSpec spec(SparkSession spark, String target) {
    DeltaTable table = DeltaTable.forPath(spark, catalog.location(target));
    Row detail = table.detail().select("properties").head();
    Map<String, String> properties = JavaConverters.mapAsJavaMap(detail.getMap(0));
    return RefineSpec.of(target, table.toDF().schema(), properties);
  }

  /** The current rows of each dimension the spec looks up, by alias (read again for every batch). */
  static Map<String, Dataset<Row>> dimensions(SparkSession spark, TableCatalog catalog, RefineSpec spec) {
    Map<String, Dataset<Row>> dimensions = new java.util.HashMap<>();
    for (Lookup lookup : spec.lookups()) {
      dimensions.put(lookup.alias(), spark.read().format("delta").load(catalog.location(lookup.table())));
    }
    return dimensions;
  }

  /** Starts the refine query of one silver table. */
  public StreamingQuery start(SparkSession spark, String target, Trigger trigger) throws TimeoutException {
    RefineSpec spec = spec(spark, target);
    return spark.readStream()
        .format("delta")
        .load(catalog.location(spec.source()))
        .writeStream()
        .queryName(queryName(target))
        .option("checkpointLocation", checkpoint(target))
        .trigger(trigger)
        .foreachBatch(new BatchWriter(spec, catalog, config.refine(), gate))
        .start();
  }

  /** Refines one micro-batch of bronze rows. */
  private static final class BatchWriter implements VoidFunction2<Dataset<Row>, Long> {
    private final RefineSpec spec;
    private final TableCatalog catalog;
    private final String location;
    private final LakehouseConfig.Refine limits;
    private final OpsTables ops;
    private final QualityGate gate;

    BatchWriter(RefineSpec spec, TableCatalog catalog, LakehouseConfig.Refine limits, QualityGate gate) {
      this.spec = spec;
      this.catalog = catalog;
      this.location = catalog.location(spec.target());
      this.limits = limits;
      this.ops = new OpsTables(catalog);
      this.gate = gate;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) {
      Instant startedAt = Instant.now();
      Timestamp now = Timestamp.from(startedAt);
      SparkSession spark = batch.sparkSession();
      String queryId = StreamingQueries.queryId(spark);
      Dataset<Row> parsed = spec.parse(batch, limits).persist();
      Dataset<Row> ranked = null;
      try {
        OffsetRanges ranges = BatchPhases.time("read and parse", () -> OffsetRanges.of(parsed));
        if (ranges.records() == 0) {
          return;
        }
        BatchPhases.time("refresh derived functions", () -> DerivedFunctions.refresh(spark, catalog, spec));
        Dataset<Row> rankedRows = BatchPhases.time("rank copies", () ->
            RefinedRecords.ranked(parsed, spec, dimensions(spark, catalog, spec)).persist());
        ranked = rankedRows;
        // records that break a rule, and different records whose key another copy in the batch holds
        String query = queryName(spec.target());
        long quarantined = BatchPhases.time("quarantine", () -> {
          Dataset<Row> rejected = RefinedRecords.quarantine(parsed, spec, query, batchId, now)
              .unionByName(RefinedRecords.quarantine(DroppedCopies.conflictsWithinBatch(rankedRows, spec), spec, query, batchId, now))
              .persist();
          long count = rejected.count();
          if (count > 0) {
            ops.quarantine(rejected);
          }
          rejected.unpersist();
          return count;
        });
        DroppedCopies.Counts within = BatchPhases.time("count copies", () -> DroppedCopies.withinBatch(rankedRows, spec));
        // the suite sees exactly the rows about to be merged; an error-level failure throws here
        RunKey key = RunKey.gateForBatch(spec.target(), batchId, startedAt);
        GateOutcome gated = BatchPhases.time("quality gate", () -> gate.check(spark, RefinedRecords.kept(rankedRows, spec, now), key));
        SilverMerge.Merged merged = BatchPhases.time("merge " + spec.target(), () ->
            merge(spark, gated.publishable(), "refine:" + queryId, batchId));
        DroppedCopies.Counts earlier = BatchPhases.time("account for earlier copies", () ->
            accountForEarlier(spark, parsed, gated.publishable(), merged, batchId, now));
        DroppedCopies.Counts dropped = within.plus(earlier);
        PipelineEvent event = new PipelineEvent(
            query, queryId, batchId, spec.source(), ranges.toJson(), spec.target(),
            merged.version(), ranges.records(), merged.inserted(), quarantined + earlier.conflicts() + gated.quarantinedRows(),
            details(gated, dropped, merged.replaced()), startedAt, Instant.now());
        BatchPhases.time("lineage", () -> ops.record(spark, event, "refine-lineage:" + queryId, batchId));
        BatchPhases.committed(ranges.newestAt());
      } finally {
        if (ranked != null) {
          ranked.unpersist();
        }
        parsed.unpersist();
      }
    }

    /**
     * The rows the MERGE did not write because an earlier batch's record holds their key: counted,
     * and quarantined when their content differs. Skipped when the MERGE wrote every row it was given;
     * when the MERGE was committed before (a replayed batch) the table is checked.
     */
    private DroppedCopies.Counts accountForEarlier(SparkSession spark, Dataset<Row> parsed, Dataset<Row> given,
        SilverMerge.Merged merged, long batchId, Timestamp now) {
      if (merged.executed() && merged.notWritten() == 0) {
        return new DroppedCopies.Counts(0, 0, 0);
      }
      if (spec.keepsLatest()) {
        return new DroppedCopies.Counts(0, 0, merged.notWritten());
      }
      Dataset<Row> held = DroppedCopies.heldByEarlier(given, spark.read().format("delta").load(location), spec).persist();
      try {
        DroppedCopies.Counts counts = DroppedCopies.earlier(held);
        if (counts.conflicts() > 0) {
          ops.quarantine(RefinedRecords.quarantine(DroppedCopies.conflictsWithEarlier(held, parsed, spec), spec,
              queryName(spec.target()), batchId, now));
        }
        return counts;
      } finally {
        held.unpersist();
      }
    }

    private static String details(GateOutcome gated, DroppedCopies.Counts dropped, long replaced) {
      com.fasterxml.jackson.databind.node.ObjectNode details = JSON.createObjectNode();
      if (gated.wasChecked()) {
        details.put("quality_run_id", gated.runId());
      }
      if (!dropped.isEmpty()) {
        details.put("redelivered_rows", dropped.redelivered());
        details.put("conflict_rows", dropped.conflicts());
        details.put("superseded_rows", dropped.superseded());
      }
      if (replaced > 0) {
        // latest-by: rows of earlier records this batch's later rows took the place of
        details.put("replaced_rows", replaced);
      }
      return details.isEmpty() ? null : details.toString();
    }

    /** The insert-only MERGE, committed once per (query, batch) even when the batch is replayed. */
    private SilverMerge.Merged merge(SparkSession spark, Dataset<Row> rows, String appId, long version) {
      spark.conf().set(TXN_APP_ID, appId);
      spark.conf().set(TXN_VERSION, Long.toString(version));
      try {
        return SilverMerge.insertNew(spark, location, spec, rows);
      } finally {
        spark.conf().unset(TXN_APP_ID);
        spark.conf().unset(TXN_VERSION);
      }
    }

  }
}
