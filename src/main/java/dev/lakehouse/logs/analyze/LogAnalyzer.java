package dev.lakehouse.logs.analyze;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.encode;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.to_date;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.logs.parse.LogFormat;
import dev.lakehouse.ops.OpsTables;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * `logs analyze` over files: expand the inputs, detect each file's format, parse every web line
 * once (cached), and compute the report; with a catalog, also publish the gold tables of the
 * dates found and quarantine the lines that match no format.
 */
public final class LogAnalyzer {
  static final String VIEW = "lakehouse_analyzed_requests";
  private static final int REJECTED_SAMPLES = 10;

  private final WebLogAnalysis.Thresholds thresholds;

  public LogAnalyzer(WebLogAnalysis.Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /** A finished analysis; {@code published} is null unless a catalog was given. */
  public record Outcome(WebLogReport report, LogsGold.Published published) {}

  /**
   * Analyzes the web access logs among {@code inputs}. Files in syslog or JSON application format
   * are named in the report's formats and otherwise left out: their tables are silver.logs_syslog
   * and silver.logs_app_events.
   */
  public Outcome analyzeFiles(SparkSession spark, List<String> inputs, String format, TableCatalog publishTo) {
    List<Path> files = LogInputs.expand(inputs);
    Map<Path, LogFormat> formats = LogInputs.formats(files, format);
    Map<String, String> formatNames = new LinkedHashMap<>();
    Map<LogFormat, List<String>> webFiles = new LinkedHashMap<>();
    for (Map.Entry<Path, LogFormat> file : formats.entrySet()) {
      LogFormat detected = file.getValue();
      formatNames.put(file.getKey().toString(), detected == null ? "unknown" : detected.formatName());
      if (detected == null || detected.isWeb()) {
        webFiles.computeIfAbsent(detected, f -> new ArrayList<>()).add(file.getKey().toString());
      }
    }
    if (webFiles.isEmpty()) {
      throw new IllegalArgumentException("no web access log among " + formatNames.size() + " file(s): " + formatNames);
    }
    Dataset<Row> lines = null;
    for (Map.Entry<LogFormat, List<String>> group : webFiles.entrySet()) {
      Dataset<Row> parsed = WebLines.read(spark, group.getValue(), group.getKey()).withColumn("_file", input_file_name());
      lines = lines == null ? parsed : lines.unionByName(parsed);
    }
    Dataset<Row> cached = lines.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> requests = cached.where(col(WebLines.RULE).isNull()).drop(WebLines.RULE, WebLines.REASON, WebLines.LINE, "_file");
      requests.createOrReplaceTempView(VIEW);
      WebLogReport.Source source = source(spark, inputs, formatNames, cached);
      WebLogReport report = report(spark, VIEW, source, thresholds);
      LogsGold.Published published = null;
      if (publishTo != null) {
        quarantine(publishTo, cached);
        List<LocalDate> dates = spark.sql("SELECT DISTINCT to_date(requested_at) FROM " + VIEW + " ORDER BY 1").collectAsList()
            .stream().map(r -> r.getDate(0).toLocalDate()).toList();
        published = new LogsGold(publishTo).publish(spark, VIEW, dates, "files: " + String.join(", ", inputs), thresholds);
      }
      return new Outcome(report, published);
    } finally {
      spark.catalog().dropTempView(VIEW);
      cached.unpersist();
    }
  }

  /** The report over the requests in {@code view} (files or silver). */
  public static WebLogReport report(SparkSession spark, String view, WebLogReport.Source source,
      WebLogAnalysis.Thresholds thresholds) {
    WebLogAnalysis analysis = new WebLogAnalysis(spark, view);
    WebLogReport.Traffic traffic = analysis.traffic();
    return new WebLogReport(source, traffic, analysis.errors(traffic.requests()), analysis.performance(),
        analysis.findingList(thresholds));
  }

  private static WebLogReport.Source source(SparkSession spark, List<String> inputs, Map<String, String> formats,
      Dataset<Row> lines) {
    Map<String, Long> byRule = new LinkedHashMap<>();
    lines.where(col(WebLines.RULE).isNotNull()).groupBy(WebLines.RULE).count().orderBy(col("count").desc()).collectAsList()
        .forEach(r -> byRule.put(r.getString(0), r.getLong(1)));
    List<String> samples = lines.where(col(WebLines.RULE).isNotNull()).select(WebLines.REASON).limit(REJECTED_SAMPLES)
        .collectAsList().stream().map(r -> r.getString(0)).toList();
    long rejected = byRule.values().stream().mapToLong(Long::longValue).sum();
    long total = lines.count();
    long parsed = total - rejected;
    // a duplicate is a line identical in every field to another (a log shipped twice)
    long distinct = spark.sql("SELECT count(*) FROM (SELECT DISTINCT * FROM " + VIEW + ")").head().getLong(0);
    return new WebLogReport.Source(List.copyOf(inputs), formats, total, parsed, rejected,
        total == 0 ? 0 : parsed / (double) total, parsed - distinct, byRule, samples);
  }

  // one row per file, line and rule broken; the line is kept as the raw value for replay
  private static void quarantine(TableCatalog catalog, Dataset<Row> lines) {
    Timestamp now = Timestamp.from(Instant.now());
    Dataset<Row> rejected = lines.where(col(WebLines.RULE).isNotNull()).select(
        sha2(concat_ws("|", col("_file"), col(WebLines.LINE), col(WebLines.RULE)), 256).as("quarantine_id"),
        concat_ws("", lit("file:"), col("_file")).as("source_table"),
        lit("silver.logs_web_requests").as("target_table"),
        lit("analyze").as("stage"),
        col(WebLines.RULE).as("rule_id"),
        col(WebLines.REASON).as("reason"),
        lit(null).cast(DataTypes.BinaryType).as("raw_key"),
        encode(col(WebLines.LINE), "UTF-8").as("raw_value"),
        octet_length(col(WebLines.LINE)).as("raw_size_bytes"),
        lit(null).cast(DataTypes.StringType).as("_kafka_topic"),
        lit(null).cast(DataTypes.IntegerType).as("_kafka_partition"),
        lit(null).cast(DataTypes.LongType).as("_kafka_offset"),
        lit(null).cast(DataTypes.TimestampType).as("_kafka_timestamp"),
        lit("logs.analyze").as("query_name"),
        lit(null).cast(DataTypes.LongType).as("batch_id"),
        lit(now).as("quarantined_at"),
        lit(null).cast(DataTypes.BinaryType).as("edited_value"),
        lit(null).cast(DataTypes.TimestampType).as("replayed_at"),
        lit(null).cast(DataTypes.StringType).as("replay_run_id"),
        to_date(lit(now)).as("quarantined_date"))
        .dropDuplicates("quarantine_id");
    new OpsTables(catalog).quarantine(rejected);
  }
}
