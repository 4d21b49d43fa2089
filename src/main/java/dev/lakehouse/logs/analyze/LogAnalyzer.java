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
import dev.lakehouse.logs.parse.ParseResult;
import dev.lakehouse.logs.parse.WebLogParser;
import dev.lakehouse.logs.parse.WebRequest;
import dev.lakehouse.ops.OpsTables;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * `logs analyze` over files: expand the inputs, detect each file's format, then parse and count
 * every web line in one pass per partition ({@link WebStats}), merged into the report. With a
 * catalog, also publish the gold tables of the dates found (SQL over the parsed lines) and
 * quarantine the lines that match no format.
 */
public final class LogAnalyzer {
  static final String VIEW = "lakehouse_analyzed_requests";

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
    return analyzeFiles(spark, inputs, format, publishTo, null);
  }

  /**
   * As above, publishing only {@code dates} (null: every date the files hold). Publishing replaces
   * whole days, so name the dates the files cover completely.
   */
  public Outcome analyzeFiles(SparkSession spark, List<String> inputs, String format, TableCatalog publishTo,
      List<LocalDate> dates) {
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
    WebStats stats = new WebStats();
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    for (Map.Entry<LogFormat, List<String>> group : webFiles.entrySet()) {
      LogFormat groupFormat = group.getKey();
      stats.merge(context.textFile(String.join(",", group.getValue()))
          .mapPartitions(lines -> List.of(accumulate(lines, groupFormat)).iterator())
          .fold(new WebStats(), WebStats::merge));
    }
    WebLogReport report = stats.report(List.copyOf(inputs), formatNames, thresholds);
    LogsGold.Published published = publishTo == null ? null : publish(spark, webFiles, inputs, publishTo, dates);
    return new Outcome(report, published);
  }

  /** The report over the requests of a Dataset shaped as silver.logs_web_requests, in one pass. */
  public WebLogReport report(Dataset<Row> requests, List<String> inputs) {
    WebStats stats = requests.select("ip", "requested_at", "method", "path", "query", "status", "bytes", "referrer",
            "user_agent", "response_time_us")
        .javaRDD()
        .mapPartitions(rows -> {
          WebStats partition = new WebStats();
          while (rows.hasNext()) {
            Row r = rows.next();
            partition.add(r.getString(0), r.getTimestamp(1).getTime(), r.getString(2), r.getString(3), r.getString(4),
                r.getInt(5), r.isNullAt(6) ? null : r.getLong(6), r.getString(7), r.getString(8),
                r.isNullAt(9) ? null : r.getLong(9), WebStats.Hash64.of(r.mkString("\u0001")));
          }
          return List.of(partition).iterator();
        })
        .fold(new WebStats(), WebStats::merge);
    Map<String, String> formats = new LinkedHashMap<>();
    inputs.forEach(input -> formats.put(input, "table"));
    return stats.report(List.copyOf(inputs), formats, thresholds);
  }

  private static WebStats accumulate(Iterator<String> lines, LogFormat format) {
    WebStats stats = new WebStats();
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.isBlank()) {
        continue;
      }
      ParseResult<WebRequest> result = format == null ? WebLogParser.parseAny(line) : WebLogParser.parse(line, format);
      if (result instanceof ParseResult.Parsed<WebRequest> parsed) {
        stats.add(parsed.value());
      } else {
        ParseResult.Rejected<WebRequest> rejection = (ParseResult.Rejected<WebRequest>) result;
        stats.reject(rejection.ruleId(), rejection.reason());
      }
    }
    return stats;
  }

  // the gold tables of every date in the files, computed with SQL over the parsed lines
  private LogsGold.Published publish(SparkSession spark, Map<LogFormat, List<String>> webFiles, List<String> inputs,
      TableCatalog catalog, List<LocalDate> only) {
    Dataset<Row> lines = null;
    for (Map.Entry<LogFormat, List<String>> group : webFiles.entrySet()) {
      Dataset<Row> parsed = WebLines.read(spark, group.getValue(), group.getKey()).withColumn("_file", input_file_name());
      lines = lines == null ? parsed : lines.unionByName(parsed);
    }
    Dataset<Row> cached = lines.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      cached.where(col(WebLines.RULE).isNull()).drop(WebLines.RULE, WebLines.REASON, WebLines.LINE, "_file")
          .createOrReplaceTempView(VIEW);
      quarantine(catalog, cached);
      List<LocalDate> dates = only != null ? only : spark.sql("SELECT DISTINCT to_date(requested_at) FROM " + VIEW + " ORDER BY 1")
          .collectAsList().stream().map(r -> r.getDate(0).toLocalDate()).toList();
      return new LogsGold(catalog).publish(spark, VIEW, dates, "files: " + String.join(", ", inputs), thresholds);
    } finally {
      spark.catalog().dropTempView(VIEW);
      cached.unpersist();
    }
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
