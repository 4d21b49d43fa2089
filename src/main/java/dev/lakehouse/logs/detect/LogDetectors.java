package dev.lakehouse.logs.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.window;

import dev.lakehouse.alerts.Alert;
import dev.lakehouse.alerts.AlertStore;
import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.logs.analyze.LogsGold;
import dev.lakehouse.logs.blacklist.IpBlacklist;
import dev.lakehouse.logs.blacklist.IpRange;
import dev.lakehouse.ops.DeltaRetries;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The streaming detectors of the logs domain, reading silver as it grows:
 *
 * <ul>
 *   <li>{@code detect.ip_activity}: requests, distinct paths, 4xx and 5xx per client address per
 *       1-minute window (watermarked) into gold.logs_ip_activity; a window over a threshold raises
 *       {@code logs.ip_suspicious} in ops.alerts (once per address and day), writes a
 *       {@code request_rate} finding to gold.logs_security_findings and lists the address in
 *       gold.logs_ip_blacklist for logs.blacklist-ttl.
 *   <li>{@code detect.service_health}: events, error rate and p95 latency per service per 5-minute
 *       window into gold.logs_service_health; {@code logs.service_error_rate} and
 *       {@code logs.service_latency} alerts, once per service and window.
 * </ul>
 *
 * <p>Windows are emitted in update mode, so an alert fires in the micro-batch that crosses the
 * threshold rather than after the watermark closes the window. Every write is a MERGE on the
 * window key and alerts have deterministic ids, so a replayed batch changes nothing.
 */
public final class LogDetectors {
  public static final String IP_ACTIVITY = "gold.logs_ip_activity";
  public static final String SERVICE_HEALTH = "gold.logs_service_health";
  public static final String IP_QUERY = "detect.ip_activity";
  public static final String SERVICE_QUERY = "detect.service_health";
  public static final String IP_RULE = "logs.ip_suspicious";
  public static final String STREAM = "stream";

  private final LakehouseConfig config;
  private final TableCatalog catalog;

  public LogDetectors(LakehouseConfig config, TableCatalog catalog) {
    this.config = config;
    this.catalog = catalog;
  }

  public List<StreamingQuery> start(SparkSession spark, Trigger trigger) throws TimeoutException {
    return List.of(startIpActivity(spark, trigger), startServiceHealth(spark, trigger));
  }

  public StreamingQuery startIpActivity(SparkSession spark, Trigger trigger) throws TimeoutException {
    LakehouseConfig.Logs logs = config.logs();
    Dataset<Row> windows = spark.readStream().format("delta").load(catalog.location("silver.logs_web_requests"))
        .withWatermark("requested_at", logs.watermark().toMillis() + " milliseconds")
        .groupBy(window(col("requested_at"), "1 minute"), col("ip"))
        .agg(count(lit(1)).as("requests"),
            size(collect_set(col("path"))).cast("long").as("distinct_paths"),
            expr("count_if(status BETWEEN 400 AND 499)").as("status_4xx"),
            expr("count_if(status BETWEEN 500 AND 599)").as("status_5xx"),
            expr("coalesce(sum(bytes), 0)").as("bytes"),
            min("requested_at").as("first_seen_at"),
            max("requested_at").as("last_seen_at"));
    return windows.writeStream()
        .queryName(IP_QUERY)
        .outputMode("update")
        .option("checkpointLocation", config.path("checkpoints/detect/ip_activity"))
        .trigger(trigger)
        .foreachBatch(new IpActivityWriter(catalog, logs))
        .start();
  }

  public StreamingQuery startServiceHealth(SparkSession spark, Trigger trigger) throws TimeoutException {
    LakehouseConfig.Logs logs = config.logs();
    Dataset<Row> windows = spark.readStream().format("delta").load(catalog.location("silver.logs_app_events"))
        .withWatermark("logged_at", logs.watermark().toMillis() + " milliseconds")
        .groupBy(window(col("logged_at"), "5 minutes"), expr("coalesce(service, 'unknown')").as("service"))
        .agg(count(lit(1)).as("events"),
            expr("count_if(upper(level) IN ('ERROR', 'FATAL', 'CRITICAL'))").as("errors"),
            count(col("latency_ms")).as("timed_events"),
            expr("percentile_approx(latency_ms, 0.95, 1000)").cast("double").as("p95_latency_ms"),
            max("latency_ms").as("max_latency_ms"));
    return windows.writeStream()
        .queryName(SERVICE_QUERY)
        .outputMode("update")
        .option("checkpointLocation", config.path("checkpoints/detect/service_health"))
        .trigger(trigger)
        .foreachBatch(new ServiceHealthWriter(catalog, logs))
        .start();
  }

  /** Merges updated IP windows, then alerts, finds and blacklists the suspicious addresses. */
  private static final class IpActivityWriter implements VoidFunction2<Dataset<Row>, Long> {
    private final TableCatalog catalog;
    private final LakehouseConfig.Logs logs;

    IpActivityWriter(TableCatalog catalog, LakehouseConfig.Logs logs) {
      this.catalog = catalog;
      this.logs = logs;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) {
      SparkSession spark = batch.sparkSession();
      Timestamp now = Timestamp.from(Instant.now());
      String reasons = "filter(array("
          + "if(requests > " + logs.maxRequestsPerMinute() + ", concat('requests ', requests, ' > " + logs.maxRequestsPerMinute() + "'), null), "
          + "if(status_4xx > " + logs.max4xxPerMinute() + ", concat('4xx ', status_4xx, ' > " + logs.max4xxPerMinute() + "'), null), "
          + "if(status_5xx > " + logs.max5xxPerMinute() + ", concat('5xx ', status_5xx, ' > " + logs.max5xxPerMinute() + "'), null)"
          + "), r -> r IS NOT NULL)";
      Dataset<Row> rows = batch.selectExpr("window.start AS window_start", "window.end AS window_end",
              "CAST(window.start AS DATE) AS activity_date", "ip", "requests", "distinct_paths", "status_4xx", "status_5xx",
              "bytes", "first_seen_at", "last_seen_at")
          .selectExpr("*", reasons + " AS reasons")
          .selectExpr("*", "size(reasons) > 0 AS suspicious")
          .withColumn("updated_at", lit(now))
          .persist();
      try {
        if (rows.isEmpty()) {
          return;
        }
        DeltaRetries.onConflict(() -> DeltaTable.forPath(spark, catalog.location(IP_ACTIVITY)).as("t")
            .merge(rows.as("n"), "t.window_start = n.window_start AND t.ip = n.ip")
            .whenMatched().updateAll()
            .whenNotMatched().insertAll()
            .execute());
        List<Row> suspicious = rows.where("suspicious").collectAsList();
        if (!suspicious.isEmpty()) {
          raise(spark, suspicious, now.toInstant());
        }
      } finally {
        rows.unpersist();
      }
    }

    private void raise(SparkSession spark, List<Row> suspicious, Instant now) {
      List<Alert> alerts = new ArrayList<>();
      List<IpBlacklist.Listing> listings = new ArrayList<>();
      for (Row row : suspicious) {
        String ip = row.getAs("ip");
        Instant windowStart = row.<Timestamp>getAs("window_start").toInstant();
        LocalDate day = windowStart.atZone(ZoneOffset.UTC).toLocalDate();
        String why = String.join(", ", row.<String>getList(row.fieldIndex("reasons")));
        // one alert per address and day: a scanner busy for an hour is one alert, not sixty
        alerts.add(new Alert("logs", IP_RULE, "warning", ip,
            String.format("%s over the per-minute thresholds in the window from %s: %s (%d distinct paths); listed in %s",
                ip, windowStart, why, row.<Long>getAs("distinct_paths"), IpBlacklist.TABLE),
            (double) row.<Long>getAs("requests"),
            String.format("requests <= %d, 4xx <= %d, 5xx <= %d per minute", logs.maxRequestsPerMinute(), logs.max4xxPerMinute(),
                logs.max5xxPerMinute()),
            day.atStartOfDay(ZoneOffset.UTC).toInstant(), day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), now));
        // a client logged as a host name or a socket cannot be listed; it is still alerted and found
        if (IpRange.key(ip) != null) {
          listings.add(new IpBlacklist.Listing(ip, "over the per-minute thresholds: " + why, IP_RULE, now, logs.blacklistTtl()));
        }
      }
      new AlertStore(catalog).raise(spark, alerts);
      new IpBlacklist(catalog).add(spark, listings);
      mergeFindings(spark, suspicious.stream().map(r -> r.<String>getAs("ip")).distinct().toList());
    }

    // a request_rate finding per address and day, recomputed from all its suspicious windows so far
    private void mergeFindings(SparkSession spark, List<String> ips) {
      spark.read().format("delta").load(catalog.location(IP_ACTIVITY))
          .where(col("suspicious").and(col("ip").isin(ips.toArray())))
          .createOrReplaceTempView("lakehouse_suspicious_windows");
      Dataset<Row> findings = LogsGold.withFindingId(spark.sql("SELECT activity_date AS finding_date, 'request_rate' AS kind, ip, "
          + "'warning' AS severity, sum(requests) AS events, max(distinct_paths) AS distinct_paths, "
          + "min(first_seen_at) AS first_seen_at, max(last_seen_at) AS last_seen_at, "
          + "concat(count(*), ' minute(s) over the thresholds: ', array_join(array_distinct(flatten(collect_list(reasons))), '; ')) AS detail, "
          + "CAST(NULL AS ARRAY<STRING>) AS samples, '" + STREAM + "' AS detector, 'silver.logs_web_requests' AS source, "
          + "current_timestamp() AS published_at FROM lakehouse_suspicious_windows GROUP BY activity_date, ip"), STREAM);
      DeltaRetries.onConflict(() -> DeltaTable.forPath(spark, catalog.location(LogsGold.FINDINGS)).as("f")
          .merge(findings.as("n"), "f.finding_id = n.finding_id")
          .whenMatched().updateAll()
          .whenNotMatched().insertAll()
          .execute());
    }
  }

  /** Merges updated service windows and alerts on error rate and latency. */
  private static final class ServiceHealthWriter implements VoidFunction2<Dataset<Row>, Long> {
    private final TableCatalog catalog;
    private final LakehouseConfig.Logs logs;

    ServiceHealthWriter(TableCatalog catalog, LakehouseConfig.Logs logs) {
      this.catalog = catalog;
      this.logs = logs;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) {
      SparkSession spark = batch.sparkSession();
      Timestamp now = Timestamp.from(Instant.now());
      long latencyMs = logs.serviceP95Latency().toMillis();
      String enough = "events >= " + logs.serviceMinEvents();
      Dataset<Row> rows = batch.selectExpr("window.start AS window_start", "window.end AS window_end",
              "CAST(window.start AS DATE) AS health_date", "service", "events", "errors", "errors / events AS error_rate",
              "timed_events", "p95_latency_ms", "max_latency_ms")
          .selectExpr("*", "(" + enough + " AND error_rate > " + logs.serviceErrorRate() + ") AS error_alert",
              "(" + enough + " AND coalesce(p95_latency_ms, 0) > " + latencyMs + ") AS latency_alert")
          .selectExpr("*", "error_alert OR latency_alert AS alerting")
          .withColumn("updated_at", lit(now))
          .persist();
      try {
        if (rows.isEmpty()) {
          return;
        }
        DeltaRetries.onConflict(() -> DeltaTable.forPath(spark, catalog.location(SERVICE_HEALTH)).as("t")
            .merge(rows.drop("error_alert", "latency_alert").as("n"), "t.window_start = n.window_start AND t.service = n.service")
            .whenMatched().updateAll()
            .whenNotMatched().insertAll()
            .execute());
        List<Alert> alerts = new ArrayList<>();
        for (Row row : rows.where("alerting").collectAsList()) {
          String service = row.getAs("service");
          Instant start = row.<Timestamp>getAs("window_start").toInstant();
          Instant end = row.<Timestamp>getAs("window_end").toInstant();
          if (row.<Boolean>getAs("error_alert")) {
            double rate = row.getAs("error_rate");
            alerts.add(new Alert("logs", "logs.service_error_rate", "critical", service,
                String.format("%s logged %d errors in %d events (%.1f%%) in the 5 minutes from %s", service, row.<Long>getAs("errors"),
                    row.<Long>getAs("events"), rate * 100, start),
                rate, "<= " + logs.serviceErrorRate(), start, end, now.toInstant()));
          }
          if (row.<Boolean>getAs("latency_alert")) {
            double p95 = row.getAs("p95_latency_ms");
            alerts.add(new Alert("logs", "logs.service_latency", "warning", service,
                String.format("%s p95 latency %.0f ms in the 5 minutes from %s", service, p95, start),
                p95, "<= " + latencyMs + " ms", start, end, now.toInstant()));
          }
        }
        new AlertStore(catalog).raise(spark, alerts);
      } finally {
        rows.unpersist();
      }
    }
  }
}
