package dev.lakehouse.serve.web;

import static dev.lakehouse.serve.web.Panel.Kind.BARS;
import static dev.lakehouse.serve.web.Panel.Kind.FUNNEL;
import static dev.lakehouse.serve.web.Panel.Kind.KPIS;
import static dev.lakehouse.serve.web.Panel.Kind.TABLE;
import static dev.lakehouse.serve.web.Panel.Kind.TIMESERIES;
import static dev.lakehouse.serve.web.Page.COMMERCE;
import static dev.lakehouse.serve.web.Page.FINANCE;
import static dev.lakehouse.serve.web.Page.LOGS;
import static dev.lakehouse.serve.web.Page.OPERATIONS;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.monitor.HealthRules;
import dev.lakehouse.monitor.ProgressRecord;
import dev.lakehouse.monitor.StreamStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Every panel of the dashboard, page by page: the figures are Spark SQL over the gold and ops tables
 * (and silver.logs_web_requests for paths and user agents, which no gold table keeps). A panel about
 * "the day" shows the latest date its table holds, so a replayed or generated day shows as today.
 */
final class Panels {
  private Panels() {}

  static List<Panel> all(TableCatalog catalog, HealthRules health) {
    List<Panel> panels = new ArrayList<>();
    panels.addAll(commerce());
    panels.addAll(logs());
    panels.addAll(finance());
    panels.addAll(operations(catalog, health));
    return List.copyOf(panels);
  }

  static List<Panel> commerce() {
    return List.of(
        Panel.on(COMMERCE, "commerce.kpis", "The day so far", KPIS)
            .reads("gold.commerce_sales_5m", "gold.commerce_sessions", "gold.commerce_stock_daily", "ops.alerts")
            .dayOf("gold.commerce_sales_5m", "sales_date")
            .view("formats", Map.of("revenue", "money", "conversion_rate", "pct"))
            .sql("""
                -- one scalar subquery per table: Spark runs them at the same time
                SELECT sales.revenue, sales.orders, sales.units, sessions.active AS active_sessions, sessions.sessions,
                  round(sessions.converted / sessions.sessions, 4) AS conversion_rate, stock.out_of_stock, stock.low_stock,
                  open_alerts
                FROM (SELECT
                  (SELECT struct(round(sum(revenue), 2) AS revenue, sum(orders) AS orders, sum(quantity) AS units)
                    FROM gold.commerce_sales_5m WHERE sales_date = :day) AS sales,
                  -- active: a last event within 30 minutes of the newest event seen (data time, not the clock)
                  (SELECT struct(count(*) AS sessions, count_if(s.is_converted) AS converted,
                      count_if(s.last_event_at >= n.newest - INTERVAL 30 MINUTES) AS active)
                    FROM gold.commerce_sessions s
                    JOIN (SELECT max(last_event_at) AS newest, max(session_date) AS d FROM gold.commerce_sessions) n
                      ON s.session_date = n.d) AS sessions,
                  (SELECT struct(count_if(is_out_of_stock) AS out_of_stock, count_if(is_low_stock) AS low_stock)
                    FROM gold.commerce_stock_daily
                    WHERE stock_date = (SELECT max(stock_date) FROM gold.commerce_stock_daily)) AS stock,
                  (SELECT count(*) FROM ops.alerts WHERE domain = 'commerce' AND status = 'open') AS open_alerts) figures
                """),
        Panel.on(COMMERCE, "commerce.revenue", "Revenue and orders per 5 minutes (anomalies marked)", TIMESERIES)
            .reads("gold.commerce_sales_5m", "ops.alerts")
            .dayOf("gold.commerce_sales_5m", "sales_date")
            .view("x", "window_start").view("y", List.of("revenue", "orders"))
            .view("types", Map.of("revenue", "bar", "orders", "line")).view("secondAxis", List.of("orders"))
            .view("mark", "is_anomaly").view("formats", Map.of("revenue", "money"))
            .sql("""
                SELECT window_start, revenue, orders,
                  array_contains(
                    (SELECT collect_set(window_start) FROM ops.alerts
                      WHERE rule = 'commerce.revenue_anomaly' AND window_start IS NOT NULL),
                    window_start) AS is_anomaly
                FROM (
                  SELECT window_start, round(sum(revenue), 2) AS revenue, sum(orders) AS orders
                  FROM gold.commerce_sales_5m WHERE sales_date = :day GROUP BY window_start)
                ORDER BY window_start
                """),
        Panel.on(COMMERCE, "commerce.funnel", "Conversion funnel (sessions, summed over categories)", FUNNEL)
            .reads("gold.commerce_funnel_daily")
            .dayOf("gold.commerce_funnel_daily", "funnel_date")
            .sql("""
                SELECT stack(3, 'viewed', viewed, 'added to cart', carted, 'purchased', purchased) AS (step, sessions)
                FROM (
                  SELECT sum(viewing_sessions) AS viewed, sum(carting_sessions) AS carted,
                    sum(purchasing_sessions) AS purchased
                  FROM gold.commerce_funnel_daily WHERE funnel_date = :day)"""),
        Panel.on(COMMERCE, "commerce.top_products", "Top products by revenue", TABLE)
            .reads("gold.commerce_sales_5m")
            .dayOf("gold.commerce_sales_5m", "sales_date")
            .view("formats", Map.of("revenue", "money"))
            .sql("""
                SELECT product_id, max(category) AS category, round(sum(revenue), 2) AS revenue,
                  sum(quantity) AS units, sum(orders) AS orders
                FROM gold.commerce_sales_5m WHERE sales_date = :day
                GROUP BY product_id ORDER BY revenue DESC, product_id LIMIT 10"""),
        Panel.on(COMMERCE, "commerce.top_categories", "Top categories by revenue", BARS)
            .reads("gold.commerce_sales_5m")
            .dayOf("gold.commerce_sales_5m", "sales_date")
            .view("x", "category").view("y", List.of("revenue")).view("formats", Map.of("revenue", "money"))
            .sql("""
                SELECT coalesce(category, 'unknown') AS category, round(sum(revenue), 2) AS revenue, sum(quantity) AS units
                FROM gold.commerce_sales_5m WHERE sales_date = :day
                GROUP BY 1 ORDER BY revenue DESC, category LIMIT 10"""),
        Panel.on(COMMERCE, "commerce.stock", "Stock-outs and low stock at the end of the day", TABLE)
            .reads("gold.commerce_stock_daily")
            .dayOf("gold.commerce_stock_daily", "stock_date")
            .sql("""
                SELECT product_id, CASE WHEN is_out_of_stock THEN 'out of stock' ELSE 'low stock' END AS status,
                  stock_units, min_stock_units, stock_outs, units_sold
                FROM gold.commerce_stock_daily
                WHERE stock_date = :day AND (is_out_of_stock OR is_low_stock)
                ORDER BY is_out_of_stock DESC, stock_units, stock_outs DESC, product_id LIMIT 20"""),
        Panel.on(COMMERCE, "commerce.alerts", "Recent commerce alerts", TABLE)
            .view("wide", true)
            .reads("ops.alerts")
            .view("formats", Map.of("value", "money"))
            .sql("""
                SELECT first_seen_at, severity, rule, subject, round(value, 2) AS value, expected_range, status, message
                FROM ops.alerts WHERE domain = 'commerce'
                ORDER BY first_seen_at DESC, alert_id LIMIT 20"""));
  }

  static List<Panel> logs() {
    return List.of(
        Panel.on(LOGS, "logs.kpis", "The day so far", KPIS)
            .reads("gold.logs_ip_activity", "gold.logs_security_findings", "gold.logs_ip_blacklist")
            .dayOf("gold.logs_ip_activity", "activity_date")
            .refreshEvery(Duration.ofMinutes(1))
            .view("formats", Map.of("error_rate", "pct"))
            .sql("""
                SELECT traffic.*, security_findings, blacklisted
                FROM (SELECT
                  (SELECT struct(sum(requests) AS requests,
                      round((sum(status_4xx) + sum(status_5xx)) / sum(requests), 4) AS error_rate,
                      count(DISTINCT ip) AS distinct_ips, count(DISTINCT CASE WHEN suspicious THEN ip END) AS suspicious_ips)
                    FROM gold.logs_ip_activity WHERE activity_date = :day) AS traffic,
                  (SELECT count(*) FROM gold.logs_security_findings
                    WHERE finding_date = (SELECT max(finding_date) FROM gold.logs_security_findings)) AS security_findings,
                  (SELECT count(*) FROM gold.logs_ip_blacklist WHERE expires_at IS NULL OR expires_at > :now) AS blacklisted
                ) figures
                """),
        Panel.on(LOGS, "logs.requests", "Requests per minute by status class", TIMESERIES)
            .reads("gold.logs_ip_activity")
            .dayOf("gold.logs_ip_activity", "activity_date")
            .view("x", "minute").view("y", List.of("ok", "client_errors", "server_errors", "error_rate"))
            .view("types", Map.of("ok", "bar", "client_errors", "bar", "server_errors", "bar", "error_rate", "line"))
            .view("stack", true).view("secondAxis", List.of("error_rate")).view("formats", Map.of("error_rate", "pct"))
            .sql("""
                SELECT window_start AS minute, sum(requests) - sum(status_4xx) - sum(status_5xx) AS ok,
                  sum(status_4xx) AS client_errors, sum(status_5xx) AS server_errors,
                  round((sum(status_4xx) + sum(status_5xx)) / sum(requests), 4) AS error_rate
                FROM gold.logs_ip_activity WHERE activity_date = :day
                GROUP BY window_start ORDER BY window_start"""),
        Panel.on(LOGS, "logs.latency", "p95 latency per service (ms, 5-minute windows)", TIMESERIES)
            .reads("gold.logs_service_health")
            .dayOf("gold.logs_service_health", "health_date")
            .view("x", "window_start").view("series", "service").view("value", "p95_latency_ms")
            .sql("""
                SELECT window_start, service, round(p95_latency_ms, 1) AS p95_latency_ms, round(error_rate, 4) AS error_rate,
                  events
                FROM gold.logs_service_health WHERE health_date = :day ORDER BY window_start, service"""),
        Panel.on(LOGS, "logs.top_ips", "Top client addresses", TABLE)
            .reads("gold.logs_ip_activity")
            .dayOf("gold.logs_ip_activity", "activity_date")
            .sql("""
                SELECT ip, sum(requests) AS requests, sum(status_4xx) AS status_4xx, sum(status_5xx) AS status_5xx,
                  max(distinct_paths) AS most_paths_in_a_minute, bool_or(suspicious) AS suspicious
                FROM gold.logs_ip_activity WHERE activity_date = :day
                GROUP BY ip ORDER BY requests DESC, ip LIMIT 10"""),
        Panel.on(LOGS, "logs.top_paths", "Top paths", TABLE)
            .reads("silver.logs_web_requests")
            .dayOf("silver.logs_web_requests", "request_date")
            .sql("""
                SELECT path, count(*) AS requests, count_if(status >= 400) AS errors, count(DISTINCT ip) AS distinct_ips
                FROM silver.logs_web_requests WHERE request_date = :day AND path IS NOT NULL
                GROUP BY path ORDER BY requests DESC, path LIMIT 10"""),
        Panel.on(LOGS, "logs.recent", "Latest requests", TABLE)
            .view("wide", true)
            .reads("silver.logs_web_requests")
            .dayOf("silver.logs_web_requests", "request_date")
            .sql("""
                SELECT requested_at, ip, method, path, status, user_agent
                FROM silver.logs_web_requests WHERE request_date = :day
                ORDER BY requested_at DESC, request_id LIMIT 15"""),
        Panel.on(LOGS, "logs.findings", "Security findings", TABLE)
            .view("wide", true)
            .reads("gold.logs_security_findings")
            .sql("""
                SELECT last_seen_at, kind, severity, ip, events, detector, detail, samples
                FROM gold.logs_security_findings ORDER BY last_seen_at DESC, finding_id LIMIT 20"""),
        Panel.on(LOGS, "logs.blacklist", "IP blacklist (active entries)", TABLE)
            .reads("gold.logs_ip_blacklist")
            .refreshEvery(Duration.ofMinutes(1))
            .sql("""
                SELECT entry, reason, source, hits, updated_at, expires_at
                FROM gold.logs_ip_blacklist WHERE expires_at IS NULL OR expires_at > :now
                ORDER BY updated_at DESC, entry LIMIT 50"""));
  }

  static List<Panel> finance() {
    return List.of(
        Panel.on(FINANCE, "finance.kpis", "The day so far", KPIS)
            .reads("gold.finance_payment_scores", "gold.finance_compliance_findings", "gold.finance_backtest")
            .dayOf("gold.finance_payment_scores", "paid_date")
            .view("formats", Map.of("alert_rate", "pct"))
            .sql("""
                SELECT scored.*, compliance_findings, portfolios_in_red_zone
                FROM (SELECT
                  (SELECT struct(count(*) AS payments_scored, count_if(is_alert) AS fraud_alerts,
                      round(count_if(is_alert) / count(*), 4) AS alert_rate)
                    FROM gold.finance_payment_scores WHERE paid_date = :day) AS scored,
                  (SELECT count(*) FROM gold.finance_compliance_findings
                    WHERE finding_date = (SELECT max(finding_date) FROM gold.finance_compliance_findings)) AS compliance_findings,
                  (SELECT count_if(zone = 'red') FROM gold.finance_backtest
                    WHERE backtest_date = (SELECT max(backtest_date) FROM gold.finance_backtest)) AS portfolios_in_red_zone
                ) figures
                """),
        Panel.on(FINANCE, "finance.fraud_alerts", "Fraud alerts as they are scored", TABLE)
            .view("wide", true)
            .reads("gold.finance_fraud_alerts")
            .view("formats", Map.of("amount", "money"))
            .sql("""
                SELECT flagged_at, paid_at, card_id, customer_id, amount_cents / 100 AS amount, currency,
                  round(score, 3) AS score, reason_codes
                FROM gold.finance_fraud_alerts ORDER BY flagged_at DESC, paid_at DESC, payment_id LIMIT 20"""),
        Panel.on(FINANCE, "finance.payments", "Payments per minute", TIMESERIES)
            .reads("gold.finance_payment_scores")
            .dayOf("gold.finance_payment_scores", "paid_date")
            .view("x", "minute").view("y", List.of("payments", "alerts"))
            .view("types", Map.of("payments", "bar", "alerts", "line"))
            .sql("""
                SELECT date_trunc('MINUTE', paid_at) AS minute, count(*) AS payments, count_if(is_alert) AS alerts
                FROM gold.finance_payment_scores WHERE paid_date = :day GROUP BY 1 ORDER BY 1"""),
        Panel.on(FINANCE, "finance.risk", "VaR and ES per portfolio (historical, 1 day) with the backtest zone", TABLE)
            .reads("gold.finance_risk_daily", "gold.finance_backtest")
            .dayOf("gold.finance_risk_daily", "risk_date")
            .view("zone", "backtest_zone")
            .sql("""
                WITH backtest AS (
                  SELECT portfolio_id, zone, exceptions FROM gold.finance_backtest
                  WHERE backtest_date = (SELECT max(backtest_date) FROM gold.finance_backtest))
                SELECT r.portfolio_id, round(max(r.portfolio_value)) AS portfolio_value,
                  round(max(CASE WHEN r.confidence = 0.95 THEN r.value_at_risk END)) AS var_95,
                  round(max(CASE WHEN r.confidence = 0.99 THEN r.value_at_risk END)) AS var_99,
                  round(max(CASE WHEN r.confidence = 0.975 THEN r.expected_shortfall END)) AS es_975,
                  max(b.zone) AS backtest_zone, max(b.exceptions) AS exceptions
                FROM gold.finance_risk_daily r LEFT JOIN backtest b ON b.portfolio_id = r.portfolio_id
                WHERE r.risk_date = :day AND r.method = 'historical' AND r.horizon_days = 1
                GROUP BY r.portfolio_id ORDER BY r.portfolio_id"""),
        Panel.on(FINANCE, "finance.stress", "Stress scenarios: P&L per portfolio", BARS)
            .reads("gold.finance_stress_results")
            .dayOf("gold.finance_stress_results", "stress_date")
            .view("x", "scenario").view("series", "portfolio_id").view("value", "pnl")
            .view("formats", Map.of("pnl", "money"))
            .sql("""
                SELECT scenario, portfolio_id, round(pnl) AS pnl, round(pnl_pct, 4) AS pnl_pct
                FROM gold.finance_stress_results WHERE stress_date = :day ORDER BY scenario, portfolio_id"""),
        Panel.on(FINANCE, "finance.compliance", "Compliance findings", TABLE)
            .view("wide", true)
            .reads("gold.finance_compliance_findings")
            .view("formats", Map.of("total_amount", "money"))
            .sql("""
                SELECT finding_date, kind, customer_id, total_amount, currency, payments, detail
                FROM gold.finance_compliance_findings ORDER BY last_at DESC, finding_id LIMIT 20"""));
  }

  static List<Panel> operations(TableCatalog catalog, HealthRules health) {
    return List.of(
        Panel.on(OPERATIONS, "operations.kpis", "Now", KPIS)
            .reads("ops.alerts", "ops.quarantine", "ops.quality_results")
            .sql("""
                SELECT alerts.*, quarantined_records_held, failed_gate_runs_latest_day
                FROM (SELECT
                  (SELECT struct(count_if(status = 'open') AS open_alerts,
                      count_if(status = 'open' AND severity = 'critical') AS critical_open_alerts)
                    FROM ops.alerts) AS alerts,
                  (SELECT count_if(replayed_at IS NULL) FROM ops.quarantine) AS quarantined_records_held,
                  (SELECT count(DISTINCT run_id) FROM ops.quality_results
                    WHERE run_date = (SELECT max(run_date) FROM ops.quality_results)
                      AND rule_level = 'error' AND constraint_status = 'Failure') AS failed_gate_runs_latest_day
                ) figures
                """),
        Panel.on(OPERATIONS, "operations.alerts", "Open alerts", TABLE)
            .view("wide", true)
            .reads("ops.alerts")
            .view("action", Map.of("kind", "acknowledge", "column", "alert_id")).view("hidden", List.of("alert_id"))
            .sql("""
                SELECT alert_id, first_seen_at, domain, severity, rule, subject, value, expected_range, message
                FROM ops.alerts WHERE status = 'open'
                ORDER BY first_seen_at DESC, alert_id LIMIT 50"""),
        Panel.on(OPERATIONS, "operations.streams", "Streaming queries (last 24 hours)", TABLE)
            .view("wide", true)
            .reads("ops.stream_progress")
            .refreshEvery(Duration.ofMinutes(1))
            .view("labels", Map.of("input_rows_per_second", "Input rows/s", "processed_rows_per_second", "Processed rows/s",
                "event_time_lag_seconds", "Event-time lag (s)", "batch_seconds", "Batch (s)"))
            .query((spark, in) -> streams(spark, catalog, health, in.now())),
        Panel.on(OPERATIONS, "operations.quality", "Quality gates: the latest run of each table", TABLE)
            .view("wide", true)
            .reads("ops.quality_results")
            .sql("""
                WITH runs AS (
                  SELECT run_id, first(table_name) AS table_name, first(run_kind) AS run_kind, max(run_at) AS run_at,
                    count(*) AS checks, count_if(constraint_status = 'Failure') AS failed,
                    bool_or(is_published) AS published,
                    sort_array(collect_set(CASE WHEN constraint_status = 'Failure' THEN rule_id END)) AS failed_rules
                  FROM ops.quality_results GROUP BY run_id),
                latest AS (
                  SELECT *, row_number() OVER (PARTITION BY table_name ORDER BY run_at DESC, run_id) AS recency FROM runs)
                SELECT table_name, run_kind, run_at, checks, failed, published, failed_rules
                FROM latest WHERE recency = 1 ORDER BY failed DESC, run_at DESC, table_name LIMIT 40"""),
        Panel.on(OPERATIONS, "operations.quarantine", "Quarantine by table and rule", TABLE)
            .reads("ops.quarantine")
            .sql("""
                SELECT target_table, rule_id, count_if(replayed_at IS NULL) AS held, count_if(replayed_at IS NOT NULL) AS replayed,
                  max(quarantined_at) AS last_quarantined_at
                FROM ops.quarantine GROUP BY target_table, rule_id
                ORDER BY held DESC, target_table, rule_id LIMIT 40"""),
        Panel.on(OPERATIONS, "operations.acknowledged", "Recently acknowledged alerts", TABLE)
            .view("wide", true)
            .reads("ops.alerts")
            .sql("""
                SELECT acknowledged_at, acknowledged_by, domain, severity, rule, subject
                FROM ops.alerts WHERE status = 'acknowledged'
                ORDER BY acknowledged_at DESC, alert_id LIMIT 10"""));
  }

  private static final List<String> STREAM_COLUMNS = Arrays.asList("query", "verdict", "last_report_at", "last_batch",
      "batch_seconds", "input_rows_per_second", "processed_rows_per_second", "watermark_at", "event_time_lag_seconds",
      "state_rows", "reason");

  /** Each streaming query's latest reports judged by the same rules as `status`. */
  static PanelData streams(org.apache.spark.sql.SparkSession spark, TableCatalog catalog, HealthRules health, Instant now) {
    Map<String, List<ProgressRecord>> byQuery = StreamStatus.latestReports(spark, catalog, now.minus(Duration.ofDays(1)),
        health.behindBatches() + 1);
    List<List<Object>> rows = new ArrayList<>();
    byQuery.forEach((query, reports) -> {
      HealthRules.Verdict verdict = health.verdict(reports, now);
      ProgressRecord last = reports.get(reports.size() - 1);
      ProgressRecord batch = reports.stream().filter(ProgressRecord::ran).reduce((a, b) -> b).orElse(last);
      rows.add(Arrays.asList(query, verdict.health().name(), last.progressAt().toString(),
          batch.ran() ? batch.batchId() : null,
          batch.batchDurationMs() == null ? null : batch.batchDurationMs() / 1000.0,
          round(batch.inputRowsPerSecond()), round(batch.processedRowsPerSecond()),
          batch.watermarkAt() == null ? null : batch.watermarkAt().toString(),
          lagSeconds(batch, now),
          batch.stateRows(), verdict.reason()));
    });
    return PanelData.of(STREAM_COLUMNS, rows);
  }

  /**
   * How far event time trails: now minus the newest event time the query committed, as `status`
   * shows it; for a query that does not tell, its watermark's lag behind the clock of its batch.
   */
  private static Long lagSeconds(ProgressRecord batch, Instant now) {
    if (batch.newestEventAt() != null) {
      return HealthRules.lagAt(batch, now).toSeconds();
    }
    return batch.watermarkAt() == null ? null : Duration.between(batch.watermarkAt(), batch.progressAt()).toSeconds();
  }

  private static Double round(Double value) {
    return value == null ? null : Math.round(value * 10) / 10.0;
  }
}
