package dev.lakehouse.logs.analyze;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.to_date;

import dev.lakehouse.Timings;
import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.quality.GatedWrite;
import dev.lakehouse.quality.QualityGate;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The daily gold tables of the logs domain, computed from a view of web requests and written per
 * date behind their quality gates: re-publishing a date replaces that date's rows and nothing else.
 */
public final class LogsGold {
  public static final String TRAFFIC = "gold.logs_traffic_hourly";
  public static final String ERRORS = "gold.logs_errors_daily";
  public static final String FINDINGS = "gold.logs_security_findings";
  public static final String DAILY = "daily";

  /** Rows written per table for the dates published. */
  public record Published(List<LocalDate> dates, long trafficHours, long errorRows, long findings) {}

  private final QualityGate gate;
  private final GatedWrite write;

  public LogsGold(TableCatalog catalog) {
    this(catalog, new QualityGate(catalog));
  }

  public LogsGold(TableCatalog catalog, QualityGate gate) {
    this.gate = gate;
    this.write = new GatedWrite(catalog, gate);
  }

  /**
   * Publishes {@code dates} from the requests in {@code view} (columns of silver.logs_web_requests;
   * is_blacklisted optional). {@code source} names where they came from.
   */
  public Published publish(SparkSession spark, String view, List<LocalDate> dates, String source,
      WebLogAnalysis.Thresholds thresholds) {
    if (dates.isEmpty()) {
      return new Published(dates, 0, 0, 0);
    }
    Timestamp now = Timestamp.from(Instant.now());
    boolean flagged = List.of(spark.table(view).columns()).contains("is_blacklisted");
    // the requests of the dates, as a view the SQL below reads (the dates never enter SQL text)
    String day = view + "_day";
    spark.table(view).where(to_date(col("requested_at")).isin(dates.stream().map(java.sql.Date::valueOf).toArray()))
        .createOrReplaceTempView(day);
    LogFunctions.register(spark);

    Dataset<Row> traffic = spark.sql("SELECT to_date(requested_at) AS request_date, date_trunc('HOUR', requested_at) AS hour_start, "
            + "count(*) AS requests, " + WebLogAnalysis.VISITORS + " AS unique_visitors, "
            + "count(DISTINCT ip) AS distinct_ips, coalesce(sum(bytes), 0) AS bytes, "
            + "count_if(status BETWEEN 200 AND 299) AS status_2xx, count_if(status BETWEEN 300 AND 399) AS status_3xx, "
            + "count_if(status BETWEEN 400 AND 499) AS status_4xx, count_if(status BETWEEN 500 AND 599) AS status_5xx, "
            + "count_if(" + LogFunctions.IS_BOT + "(user_agent)) AS bot_requests, "
            + (flagged ? "count_if(coalesce(is_blacklisted, false))" : "CAST(0 AS BIGINT)") + " AS blacklisted_requests, "
            + "CAST(percentile_approx(response_time_us, 0.5, 10000) AS DOUBLE) / 1000 AS p50_response_ms, "
            + "CAST(percentile_approx(response_time_us, 0.95, 10000) AS DOUBLE) / 1000 AS p95_response_ms "
            + "FROM " + day + " GROUP BY 1, 2")
        .withColumn("source", lit(source))
        .withColumn("published_at", lit(now));
    Dataset<Row> errors = spark.sql("WITH d AS (SELECT * FROM " + day + "), totals AS (SELECT to_date(requested_at) AS request_date, count(*) AS n "
            + "FROM d GROUP BY 1) "
            + "SELECT to_date(requested_at) AS request_date, status, if(status >= 500, '5xx', '4xx') AS status_class, "
            + "coalesce(path, '') AS path, count(*) AS requests, count(DISTINCT ip) AS distinct_ips, "
            + "count(*) / first(totals.n) AS share_of_day, min(requested_at) AS first_seen_at, max(requested_at) AS last_seen_at "
            + "FROM d JOIN totals ON to_date(d.requested_at) = totals.request_date WHERE status >= 400 GROUP BY 1, 2, 3, 4")
        .withColumn("source", lit(source))
        .withColumn("published_at", lit(now));
    Dataset<Row> daily;
    try {
      daily = Timings.time("security findings of the day", () -> new WebLogAnalysis(spark, day).findings(thresholds));
    } finally {
      spark.catalog().dropTempView(day);
    }
    Dataset<Row> findings = withFindingId(daily, DAILY)
        .withColumn("detector", lit(DAILY))
        .withColumn("source", lit(source))
        .withColumn("published_at", lit(now));

    // the suites' results and metrics go to the ops tables in one commit each
    return gate.recordingTogether(spark, () -> new Published(dates,
        replace(spark, TRAFFIC, traffic, GatedWrite.onDates("request_date", dates), dates),
        replace(spark, ERRORS, errors, GatedWrite.onDates("request_date", dates), dates),
        replace(spark, FINDINGS, findings, GatedWrite.onDates("finding_date", dates).and(col("detector").equalTo(DAILY)), dates)));
  }

  /** Adds finding_id: sha-256 of date, kind, ip and detector. */
  public static Dataset<Row> withFindingId(Dataset<Row> findings, String detector) {
    return findings.withColumn("finding_id",
        sha2(concat_ws("|", col("finding_date").cast("string"), col("kind"), col("ip"), lit(detector)), 256));
  }

  private long replace(SparkSession spark, String table, Dataset<Row> rows, Column replaceWhere, List<LocalDate> dates) {
    return write.replace(spark, table, rows, replaceWhere, table.equals(FINDINGS) ? "finding_date" : "request_date", dates);
  }
}
