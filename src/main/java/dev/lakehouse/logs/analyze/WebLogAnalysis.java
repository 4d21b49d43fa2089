package dev.lakehouse.logs.analyze;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The SQL side of the web log analysis, over a view of requests with the columns of
 * silver.logs_web_requests: the definitions the gold tables are computed with ({@link #VISITORS},
 * {@link #findings}). The report's figures come from {@link WebStats}, one pass with the same
 * definitions; the analyzer tests check that both agree.
 */
public final class WebLogAnalysis {
  /**
   * Unique visitors as GoAccess counts them by default: requests with the same IP, date and user
   * agent are one visitor, and a request answered 4xx makes no visitor (GoAccess's
   * --4xx-to-unique-count is off by default), so a scanner's 404s do not inflate the count. The
   * triple is counted by its 64-bit hash, one column instead of three: for n visitors the chance
   * of any collision is about n^2 / 2^65 (3e-8 for a million).
   */
  public static final String VISITORS =
      "count(DISTINCT if(status BETWEEN 400 AND 499, NULL, xxhash64(ip, to_date(requested_at), coalesce(user_agent, '-'))))";

  /** Rows in each top-N list. */
  public static final int TOP = 10;

  /** When an IP is a scanner (distinct 404 paths in a day) or brute-forcing (failed logins in a day). */
  public record Thresholds(int scannerDistinct404, int bruteForceFailedLogins) {}

  private final SparkSession spark;
  private final String view;

  /** An analysis of the requests in {@code view}. */
  public WebLogAnalysis(SparkSession spark, String view) {
    this.spark = spark;
    this.view = view;
    LogFunctions.register(spark);
  }

  /**
   * Security findings per UTC day and IP, shaped as gold.logs_security_findings minus its
   * bookkeeping columns: scanners (distinct 404 paths), brute force (failed logins), injection
   * probes (SQL injection, XSS, path traversal in path or query) and known attack tools' agents.
   */
  public Dataset<Row> findings(Thresholds thresholds) {
    // signatures are computed once per distinct (path, query) and user agent, far fewer than
    // requests; one pass over the requests then keeps only what can be evidence
    Dataset<Row> evidenceRows = spark.sql("WITH probes AS (SELECT * FROM (SELECT path, query, " + LogFunctions.PROBE
        + "(path, query) AS probe FROM (SELECT DISTINCT path, query FROM " + view + ")) WHERE probe IS NOT NULL), "
        + "tools AS (SELECT * FROM (SELECT user_agent, " + LogFunctions.BAD_AGENT + "(user_agent) AS tool FROM (SELECT DISTINCT "
        + "user_agent FROM " + view + ")) WHERE tool IS NOT NULL) "
        + "SELECT /*+ BROADCAST(p), BROADCAST(t) */ to_date(r.requested_at) AS d, r.ip, r.method, r.path, r.query, r.status, "
        + "r.requested_at, r.user_agent, p.probe, t.tool, "
        + "(r.method = 'POST' AND " + LogFunctions.FAILED_LOGIN + "(r.method, r.path, r.status)) AS failed_login "
        + "FROM " + view + " r LEFT JOIN probes p ON r.path <=> p.path AND r.query <=> p.query "
        + "LEFT JOIN tools t ON r.user_agent <=> t.user_agent "
        + "WHERE r.status = 404 OR p.probe IS NOT NULL OR t.tool IS NOT NULL "
        + "OR (r.method = 'POST' AND " + LogFunctions.FAILED_LOGIN + "(r.method, r.path, r.status))");
    String requests = "lakehouse_evidence_" + Math.abs(view.hashCode());
    // computed once (it is small), so the four kinds below do not each recompute the signatures
    Dataset<Row> cached = evidenceRows.persist();
    cached.createOrReplaceTempView(requests);
    String evidence = "slice(sort_array(collect_set(concat(coalesce(path, ''), coalesce(concat('?', query), '')))), 1, 5)";
    String columns = "count(*) AS events, count(DISTINCT path) AS distinct_paths, min(requested_at) AS first_seen_at, "
        + "max(requested_at) AS last_seen_at";
    Dataset<Row> findings = spark.sql(String.join(" UNION ALL ",
        "SELECT d AS finding_date, 'scanner' AS kind, ip, 'warning' AS severity, " + columns
            + ", concat(count(DISTINCT path), ' distinct paths answered 404') AS detail, " + evidence + " AS samples "
            + "FROM " + requests + " WHERE status = 404 GROUP BY d, ip HAVING count(DISTINCT path) >= " + thresholds.scannerDistinct404(),
        "SELECT d, 'brute_force', ip, 'critical', " + columns + ", concat(count(*), ' failed logins'), " + evidence
            + " FROM " + requests + " WHERE failed_login GROUP BY d, ip "
            + "HAVING count(*) >= " + thresholds.bruteForceFailedLogins(),
        "SELECT d, probe, ip, 'warning', " + columns + ", concat(count(*), ' requests carry ', probe, ' signatures'), " + evidence
            + " FROM " + requests + " WHERE probe IS NOT NULL "
            + "GROUP BY d, probe, ip",
        "SELECT d, 'bad_agent', ip, 'info', " + columns + ", concat('user agent of ', array_join(sort_array(collect_set(tool)), ', ')), "
            + "slice(sort_array(collect_set(user_agent)), 1, 5) FROM " + requests + " WHERE tool IS NOT NULL GROUP BY d, ip"));
    // findings are few: keep them as local rows and release the evidence
    try {
      return spark.createDataFrame(findings.collectAsList(), findings.schema());
    } finally {
      spark.catalog().dropTempView(requests);
      cached.unpersist();
    }
  }
}
