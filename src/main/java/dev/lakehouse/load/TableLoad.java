package dev.lakehouse.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.ops.DeltaRetries;
import dev.lakehouse.ops.OpsTables;
import dev.lakehouse.ops.PipelineEvent;
import dev.lakehouse.refine.DerivedFunctions;
import dev.lakehouse.refine.Lookup;
import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code bin/lakehouse load <table> <files>}: reads a user's files into a silver table declared
 * loadable ({@link LoadSpec}), with the guarantees of the streaming path. Bad rows go to
 * ops.quarantine (stage {@code load}, the file as source, the line as offset, the rule broken) and
 * the rest is written; rows of a key given two ways are a conflict, not a silent pick; writes are
 * MERGEs on the declared keys (or type 2 versions), so loading the same files again changes nothing.
 */
public final class TableLoad {
  private static final String ACTION = "_action";
  private static final String INSERT = "insert";
  private static final String UPDATE = "update";

  private final TableCatalog catalog;

  public TableLoad(TableCatalog catalog) {
    this.catalog = catalog;
  }

  public LoadSummary load(SparkSession spark, LoadRequest request) {
    LoadSpec spec = LoadSpec.of(catalog, request.table());
    checkRequest(spec, request);
    List<String> files = InputFiles.expand(spark.sessionState().newHadoopConf(), request.inputs());
    ColumnMatch match = new ColumnMatch(spec.inputs(), request.renames(), request.constants());
    List<String> needed = spec.required().stream().filter(c -> !spec.defaults().containsKey(c)).toList();
    FileRecords.Read read = FileRecords.read(spark, files, request.format().orElse(null), request.csv(), match, needed);
    Timestamp loadTime = Timestamp.from(request.loadTime());
    Dataset<Row> records = read.rows()
        .withColumn("_load_time", lit(loadTime))
        .withColumn("_as_of", lit(request.asOf().map(Date::valueOf).orElse(null)).cast(DataTypes.DateType));
    List<String> expressions = new ArrayList<>(spec.defaults().values());
    expressions.addAll(spec.derived().values());
    spec.checks().values().forEach(c -> expressions.add(c.condition()));
    DerivedFunctions.register(spark, catalog, expressions);
    Dataset<Row> rows = LoadRows.apply(records, spec, lookups(spark, spec)).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Column held = size(col(FileRecords.ERRORS)).gt(0);
      // one pass: records, held, duplicates, and the JSON fields that filled nothing (a set of small arrays)
      Row counts = rows.agg(count(lit(1)), count_if(held), count_if(col(LoadRows.DUPLICATE)),
          flatten(collect_set(col(FileRecords.IGNORED)))).head();
      java.util.TreeSet<String> ignored = new java.util.TreeSet<>(read.ignored());
      ignored.addAll(counts.<String>getList(3));
      long total = counts.getLong(0);
      long heldRows = counts.getLong(1);
      Map<String, Long> byRule = new LinkedHashMap<>();
      List<String> examples = new ArrayList<>();
      if (heldRows > 0) {
        quarantine(spark, rows.filter(held), spec.table(), loadTime, byRule, examples);
      }
      String location = catalog.location(spec.table());
      TableEvolution.addMissingColumns(spark, spec, location);
      Dataset<Row> staged = rows.filter(not(held).and(not(col(LoadRows.DUPLICATE))));
      long[] written = spec.mode() == LoadSpec.Mode.SCD2
          ? scd2(spark, spec, location, staged, request, loadTime)
          : merge(spark, spec, location, staged);
      long loaded = total - heldRows - counts.getLong(2);
      LoadSummary summary = new LoadSummary(spec.table(), files.size(), total, written[0], written[1],
          loaded - written[0] - written[1], heldRows, counts.getLong(2), List.copyOf(ignored), byRule, examples,
          OpsTables.latestVersion(spark, location));
      lineage(spark, summary, files, request);
      return summary;
    } finally {
      rows.unpersist();
    }
  }

  // one ops.pipeline_events row per load, as the streaming steps write one per batch
  private void lineage(SparkSession spark, LoadSummary s, List<String> files, LoadRequest request) {
    String runId = java.util.UUID.randomUUID().toString();
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode details = json.createObjectNode()
        .put("inserted", s.inserted()).put("updated", s.updated()).put("unchanged", s.unchanged())
        .put("duplicates", s.duplicates());
    s.ignored().forEach(details.putArray("ignored_columns")::add);
    com.fasterxml.jackson.databind.node.ArrayNode sources = json.createArrayNode();
    files.forEach(sources::add);
    PipelineEvent event = new PipelineEvent("load." + s.table(), runId, 0, "files", sources.toString(), s.table(),
        s.version(), s.records(), s.inserted() + s.updated(), s.held(), details.toString(), request.loadTime(),
        java.time.Instant.now());
    new OpsTables(catalog).record(spark, event, "load:" + runId, 0);
  }

  private static void checkRequest(LoadSpec spec, LoadRequest request) {
    request.renames().forEach((source, target) -> checkFillable(spec, target, "--map " + source + "=" + target));
    request.constants().keySet().forEach(column -> checkFillable(spec, column, "--set " + column + "=..."));
    for (StructField field : spec.inputs().fields()) {
      if (!ValueConverter.supports(field.dataType())) {
        throw new IllegalArgumentException(String.format("Cannot load %s from files: column %s is %s, which files cannot give",
            spec.table(), field.name(), field.dataType().sql()));
      }
    }
    boolean takesAsOf = spec.mode() == LoadSpec.Mode.SCD2
        || spec.defaults().values().stream().anyMatch(e -> e.contains("_as_of"))
        || spec.derived().values().stream().anyMatch(e -> e.contains("_as_of"));
    if (spec.mode() == LoadSpec.Mode.SCD2 && request.asOf().isEmpty()) {
      throw new IllegalArgumentException(String.format("Cannot load %s without --as-of: it is a type 2 dimension, and "
          + "--as-of YYYY-MM-DD is the day its new versions start", spec.table()));
    }
    if (request.asOf().isPresent() && !takesAsOf) {
      throw new IllegalArgumentException(String.format("Invalid --as-of %s for %s: no column of the table takes it",
          request.asOf().get(), spec.table()));
    }
  }

  private static void checkFillable(LoadSpec spec, String column, String option) {
    if (spec.derived().containsKey(column)) {
      throw new IllegalArgumentException(String.format("Invalid %s: %s.%s is set by the load (%s), not by files",
          option, spec.table(), column, spec.derived().get(column)));
    }
    if (!Arrays.asList(spec.inputs().fieldNames()).contains(column)) {
      throw new IllegalArgumentException(String.format("Invalid %s: %s has no column %s that files fill; they fill %s",
          option, spec.table(), column, Arrays.asList(spec.inputs().fieldNames())));
    }
  }

  private Map<String, Dataset<Row>> lookups(SparkSession spark, LoadSpec spec) {
    Map<String, Dataset<Row>> lookups = new HashMap<>();
    for (Lookup lookup : spec.lookups()) {
      lookups.put(lookup.alias(), spark.read().format("delta").load(catalog.location(lookup.table())));
    }
    return lookups;
  }

  // held rows not yet in ops.quarantine go there (a re-load of the same file adds nothing); counts for the summary
  private void quarantine(SparkSession spark, Dataset<Row> held, String table, Timestamp at, Map<String, Long> byRule,
      List<String> examples) {
    Column first = col(FileRecords.ERRORS).getItem(0);
    held.groupBy(first.getField("rule")).count().orderBy(col("count").desc()).collectAsList()
        .forEach(r -> byRule.put(r.getString(0), r.getLong(1)));
    held.orderBy(FileRecords.FILE, FileRecords.LINE).limit(10)
        .select(col(FileRecords.FILE), col(FileRecords.LINE), first.getField("rule"), first.getField("reason"))
        .collectAsList()
        .forEach(r -> examples.add(String.format("%s:%s %s: %s", r.getString(0).replaceFirst(".*/", ""),
            r.isNullAt(1) ? "?" : r.getLong(1), r.getString(2), r.getString(3))));
    Dataset<Row> rows = LoadRows.quarantine(held, table, at);
    Dataset<Row> known = spark.read().format("delta").load(catalog.location(OpsTables.QUARANTINE)).select("quarantine_id");
    Dataset<Row> fresh = rows.join(known, rows.col("quarantine_id").equalTo(known.col("quarantine_id")), "left_anti");
    if (!fresh.isEmpty()) {
      new OpsTables(catalog).quarantine(fresh);
    }
  }

  /** Inserts new keys and updates changed rows in one MERGE (none when nothing changed): {inserted, updated}. */
  private static long[] merge(SparkSession spark, LoadSpec spec, String location, Dataset<Row> staged) {
    DeltaTable target = DeltaTable.forPath(spark, location);
    List<String> columns = Arrays.asList(spec.columns().fieldNames());
    List<Column> current = new ArrayList<>();
    spec.keys().forEach(k -> current.add(col(k).as("_t_" + k)));
    spec.compared().forEach(c -> current.add(col(c).as("_t_" + c)));
    current.add(lit(true).as("_t_exists"));
    Dataset<Row> existing = target.toDF().select(current.toArray(Column[]::new));
    Column on = lit(true);
    for (String k : spec.keys()) {
      on = on.and(col(k).equalTo(col("_t_" + k)));
    }
    Column same = lit(true);
    for (String c : spec.compared()) {
      same = same.and(col(c).eqNullSafe(col("_t_" + c)));
    }
    Column[] shaped = columns.stream().map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> actions = staged.select(shaped).join(existing, on, "left")
        .withColumn(ACTION, when(col("_t_exists").isNull(), lit(INSERT)).when(not(same), lit(UPDATE)))
        .filter(col(ACTION).isNotNull())
        .select(withAction(columns))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<String, Long> counts = new HashMap<>();
      actions.groupBy(ACTION).count().collectAsList().forEach(r -> counts.put(r.getString(0), r.getLong(1)));
      if (!counts.isEmpty()) {
        Map<String, String> all = new LinkedHashMap<>();
        columns.forEach(c -> all.put(c, "s." + c));
        Map<String, String> changed = new LinkedHashMap<>(all);
        spec.keys().forEach(changed::remove);
        String keys = String.join(" AND ", spec.keys().stream().map(k -> "t." + k + " = s." + k).toList());
        DeltaRetries.onConflict(() -> target.as("t")
            .merge(actions.as("s"), keys)
            .whenMatched("s." + ACTION + " = '" + UPDATE + "'").updateExpr(changed)
            .whenNotMatched("s." + ACTION + " = '" + INSERT + "'").insertExpr(all)
            .execute());
      }
      return new long[] {counts.getOrDefault(INSERT, 0L), counts.getOrDefault(UPDATE, 0L)};
    } finally {
      actions.unpersist();
    }
  }

  private static Column[] withAction(List<String> columns) {
    List<Column> selected = new ArrayList<>(columns.stream().map(c -> col(c)).toList());
    selected.add(col(ACTION));
    return selected.toArray(Column[]::new);
  }

  /** Type 2: new keys open versions, changed ones close and open (or correct the same day): {new keys, changed}. */
  private static long[] scd2(SparkSession spark, LoadSpec spec, String location, Dataset<Row> staged, LoadRequest request,
      Timestamp loadTime) {
    String key = spec.keys().get(0);
    List<Column> selected = new ArrayList<>();
    selected.add(col(key));
    spec.tracked().forEach(c -> selected.add(col(c)));
    Timestamp validFrom = Timestamp.from(request.asOf().orElseThrow().atStartOfDay(ZoneOffset.UTC).toInstant());
    Scd2.Changes changes = Scd2.merge(spark, spec.table(), location, key, spec.tracked(),
        staged.select(selected.toArray(Column[]::new)), validFrom, loadTime);
    return new long[] {changes.newKeys(), changes.closed() + changes.replaced()};
  }
}
