package dev.lakehouse.logs.analyze;

import dev.lakehouse.logs.analyze.WebLogReport.Count;
import dev.lakehouse.logs.analyze.WebLogReport.Errors;
import dev.lakehouse.logs.analyze.WebLogReport.Finding;
import dev.lakehouse.logs.analyze.WebLogReport.Hour;
import dev.lakehouse.logs.analyze.WebLogReport.Page;
import dev.lakehouse.logs.analyze.WebLogReport.PathErrors;
import dev.lakehouse.logs.analyze.WebLogReport.Performance;
import dev.lakehouse.logs.analyze.WebLogReport.Response;
import dev.lakehouse.logs.analyze.WebLogReport.Traffic;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The figures of a web access log analysis, computed with Spark SQL over a view of requests with
 * the columns of silver.logs_web_requests (ip, requested_at, method, path, query, status, bytes,
 * referrer, user_agent, response_time_us). The same queries serve files on disk and the lakehouse.
 */
public final class WebLogAnalysis {
  /** Rows in each top-N list. */
  public static final int TOP = 10;

  /** When an IP is a scanner (distinct 404 paths in a day) or brute-forcing (failed logins in a day). */
  public record Thresholds(int scannerDistinct404, int bruteForceFailedLogins) {}

  private final SparkSession spark;
  private final String view;

  /** An analysis of the requests in {@code view}, which should be cached: every figure reads it. */
  public WebLogAnalysis(SparkSession spark, String view) {
    this.spark = spark;
    this.view = view;
    LogFunctions.register(spark);
  }

  public Traffic traffic() {
    Row t = spark.sql("SELECT count(*), count(DISTINCT ip, to_date(requested_at), coalesce(user_agent, '-')), "
        + "coalesce(sum(bytes), 0), min(requested_at), max(requested_at), "
        + "count_if(status BETWEEN 100 AND 199), count_if(status BETWEEN 200 AND 299), count_if(status BETWEEN 300 AND 399), "
        + "count_if(status BETWEEN 400 AND 499), count_if(status BETWEEN 500 AND 599) FROM " + view).head();
    Map<String, Long> classes = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      classes.put((i + 1) + "xx", t.getLong(5 + i));
    }
    List<Hour> hourly = new ArrayList<>();
    Map<Integer, Row> byHour = new LinkedHashMap<>();
    spark.sql("SELECT hour(requested_at) AS h, count(*), count(DISTINCT ip, to_date(requested_at), coalesce(user_agent, '-')), "
        + "coalesce(sum(bytes), 0) FROM " + view + " GROUP BY 1").collectAsList()
        .forEach(r -> byHour.put(r.getInt(0), r));
    for (int h = 0; h < 24; h++) {
      Row r = byHour.get(h);
      hourly.add(r == null ? new Hour(h, 0, 0, 0) : new Hour(h, r.getLong(1), r.getLong(2), r.getLong(3)));
    }
    List<Page> pages = spark.sql("SELECT path, count(*), count(DISTINCT ip, to_date(requested_at), coalesce(user_agent, '-')), "
            + "coalesce(sum(bytes), 0) FROM " + view + " WHERE path IS NOT NULL GROUP BY path ORDER BY 2 DESC, 1 LIMIT " + TOP)
        .collectAsList().stream().map(r -> new Page(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3))).toList();
    List<Count> referrers = counts("SELECT referrer, count(*) FROM " + view
        + " WHERE referrer IS NOT NULL AND referrer <> '-' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + TOP);
    // user agents are far fewer than requests: classify each agent once
    List<Row> agents = spark.sql("WITH a AS (SELECT user_agent, count(*) AS n FROM " + view + " GROUP BY 1) "
        + "SELECT coalesce(" + LogFunctions.BROWSER + "(user_agent), 'unknown') AS browser, sum(n), "
        + "sum(if(" + LogFunctions.IS_BOT + "(user_agent), n, 0)) FROM a GROUP BY 1 ORDER BY 2 DESC, 1").collectAsList();
    List<Count> browsers = agents.stream().limit(TOP).map(r -> new Count(r.getString(0), r.getLong(1))).toList();
    long bots = agents.stream().mapToLong(r -> r.getLong(2)).sum();
    return new Traffic(t.getLong(0), t.getLong(1), t.getLong(2), text(t.getTimestamp(3)), text(t.getTimestamp(4)),
        classes, hourly, pages, referrers, browsers, bots);
  }

  public Errors errors(long requests) {
    Row rates = spark.sql("SELECT count_if(status BETWEEN 400 AND 499), count_if(status >= 500) FROM " + view).head();
    return new Errors(
        requests == 0 ? 0 : rates.getLong(0) / (double) requests,
        requests == 0 ? 0 : rates.getLong(1) / (double) requests,
        pathErrors("status = 404"),
        pathErrors("status >= 500"));
  }

  public Performance performance() {
    Row p = spark.sql("SELECT count(response_time_us), "
        + "percentile_approx(response_time_us, array(0.5, 0.9, 0.95, 0.99), 10000), max(response_time_us) FROM " + view).head();
    long timed = p.getLong(0);
    List<Long> q = timed == 0 ? List.of() : p.getList(1);
    List<Response> largest = responses("bytes IS NOT NULL", "bytes DESC");
    List<Response> slowest = timed == 0 ? List.of() : responses("response_time_us IS NOT NULL", "response_time_us DESC");
    return new Performance(timed, timed == 0 ? null : q.get(0) / 1000.0, timed == 0 ? null : q.get(1) / 1000.0,
        timed == 0 ? null : q.get(2) / 1000.0, timed == 0 ? null : q.get(3) / 1000.0,
        timed == 0 ? null : p.getLong(2) / 1000.0, largest, slowest);
  }

  /**
   * Security findings per UTC day and IP, shaped as gold.logs_security_findings minus its
   * bookkeeping columns: scanners (distinct 404 paths), brute force (failed logins), injection
   * probes (SQL injection, XSS, path traversal in path or query) and known attack tools' agents.
   */
  public Dataset<Row> findings(Thresholds thresholds) {
    String requests = "(SELECT *, to_date(requested_at) AS d FROM " + view + ")";
    String evidence = "slice(sort_array(collect_set(concat(coalesce(path, ''), coalesce(concat('?', query), '')))), 1, 5)";
    String columns = "count(*) AS events, count(DISTINCT path) AS distinct_paths, min(requested_at) AS first_seen_at, "
        + "max(requested_at) AS last_seen_at";
    return spark.sql(String.join(" UNION ALL ",
        "SELECT d AS finding_date, 'scanner' AS kind, ip, 'warning' AS severity, " + columns
            + ", concat(count(DISTINCT path), ' distinct paths answered 404') AS detail, " + evidence + " AS samples "
            + "FROM " + requests + " WHERE status = 404 GROUP BY d, ip HAVING count(DISTINCT path) >= " + thresholds.scannerDistinct404(),
        "SELECT d, 'brute_force', ip, 'critical', " + columns + ", concat(count(*), ' failed logins'), " + evidence
            + " FROM " + requests + " WHERE " + LogFunctions.FAILED_LOGIN + "(method, path, status) GROUP BY d, ip "
            + "HAVING count(*) >= " + thresholds.bruteForceFailedLogins(),
        "SELECT d, probe, ip, 'warning', " + columns + ", concat(count(*), ' requests carry ', probe, ' signatures'), " + evidence
            + " FROM (SELECT *, " + LogFunctions.PROBE + "(path, query) AS probe FROM " + requests + ") WHERE probe IS NOT NULL "
            + "GROUP BY d, probe, ip",
        "SELECT d, 'bad_agent', ip, 'info', " + columns + ", concat('user agent of ', array_join(collect_set(tool), ', ')), "
            + "slice(sort_array(collect_set(user_agent)), 1, 5) FROM (SELECT *, " + LogFunctions.BAD_AGENT + "(user_agent) AS tool FROM "
            + requests + ") WHERE tool IS NOT NULL GROUP BY d, ip"));
  }

  /** The findings for the report, most events first. */
  public List<Finding> findingList(Thresholds thresholds) {
    return findings(thresholds).orderBy(org.apache.spark.sql.functions.col("events").desc(),
            org.apache.spark.sql.functions.col("kind"), org.apache.spark.sql.functions.col("ip"))
        .collectAsList().stream()
        .map(r -> new Finding(r.getAs("kind"), r.getAs("ip"), r.getAs("severity"), r.<Long>getAs("events"),
            r.<Long>getAs("distinct_paths"), text(r.getAs("first_seen_at")), text(r.getAs("last_seen_at")), r.getAs("detail"),
            r.getList(r.fieldIndex("samples"))))
        .toList();
  }

  private List<PathErrors> pathErrors(String where) {
    return spark.sql("SELECT path, count(*), count(DISTINCT ip) FROM " + view + " WHERE " + where
            + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + TOP)
        .collectAsList().stream().map(r -> new PathErrors(r.getString(0), r.getLong(1), r.getLong(2))).toList();
  }

  private List<Response> responses(String where, String order) {
    return spark.sql("SELECT path, status, bytes, response_time_us, ip, requested_at FROM " + view + " WHERE " + where
            + " ORDER BY " + order + ", requested_at LIMIT " + TOP)
        .collectAsList().stream()
        .map(r -> new Response(r.getString(0), r.getInt(1), r.isNullAt(2) ? 0 : r.getLong(2),
            r.isNullAt(3) ? null : r.getLong(3) / 1000.0, r.getString(4), text(r.getTimestamp(5))))
        .toList();
  }

  private List<Count> counts(String sql) {
    return spark.sql(sql).collectAsList().stream().map(r -> new Count(r.getString(0), r.getLong(1))).toList();
  }

  static String text(Timestamp at) {
    return at == null ? null : at.toInstant().toString();
  }
}
