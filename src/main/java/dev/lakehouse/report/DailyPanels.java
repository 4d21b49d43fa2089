package dev.lakehouse.report;

import dev.lakehouse.report.DailyReport.Kind;
import dev.lakehouse.report.DailyReport.Panel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** What the daily report shows: one query per panel over the gold and ops tables, in page order. */
public final class DailyPanels {
  private DailyPanels() {}

  /** Every panel; the backtest charts are one per portfolio backtested up to the day. */
  public static List<Panel> of(SparkSession spark, LocalDate day) {
    List<Panel> panels = new ArrayList<>();
    panels.addAll(commerce());
    panels.addAll(logs());
    panels.addAll(finance(portfolios(spark, day)));
    panels.addAll(quality());
    return panels;
  }

  static List<Panel> commerce() {
    String section = "Commerce: sales, funnel, stock and anomalies";
    return List.of(
        new Panel(section, "commerce-kpis", "Sales", Kind.KPIS,
            "SELECT revenue_cents / 100.0 AS `Revenue`, orders AS `Orders`, "
                + "round(average_order_value_cents / 100.0, 2) AS `Average order value`, customers AS `Customers`, "
                + "units AS `Units sold`, flagged_lines AS `Flagged order lines` "
                + "FROM gold.commerce_sales_daily WHERE sales_date = :day"),
        new Panel(section, "commerce-revenue-by-hour", "Revenue by hour (UTC, from the 5-minute sales windows)", Kind.BAR,
            "SELECT date_format(window_start, 'HH') AS hour, round(sum(revenue), 2) AS revenue "
                + "FROM gold.commerce_sales_5m WHERE sales_date = :day GROUP BY 1 ORDER BY 1"),
        new Panel(section, "commerce-funnel", "Funnel: sessions that viewed, carted and purchased", Kind.BAR,
            "SELECT stage, sessions FROM (SELECT sum(viewing_sessions) AS v, sum(carting_sessions) AS c, "
                + "sum(purchasing_sessions) AS p FROM gold.commerce_funnel_daily WHERE funnel_date = :day HAVING count(*) > 0) "
                + "LATERAL VIEW stack(3, '1 view', v, '2 cart', c, '3 purchase', p) s AS stage, sessions"),
        new Panel(section, "commerce-funnel-by-category", "Conversion by category", Kind.TABLE,
            "SELECT category, viewing_sessions, carting_sessions, purchasing_sessions, "
                + "round(view_to_cart_rate * 100, 1) AS view_to_cart_pct, "
                + "round(cart_to_purchase_rate * 100, 1) AS cart_to_purchase_pct "
                + "FROM gold.commerce_funnel_daily WHERE funnel_date = :day ORDER BY viewing_sessions DESC, category"),
        new Panel(section, "commerce-top-products", "Top products by revenue", Kind.BAR,
            "SELECT p.product_id, p.revenue_cents / 100.0 AS revenue FROM gold.commerce_sales_daily "
                + "LATERAL VIEW posexplode(top_products) t AS rank, p WHERE sales_date = :day ORDER BY rank"),
        new Panel(section, "commerce-anomalies", "Revenue anomalies (z-score against the previous windows)", Kind.TABLE,
            "SELECT window_start, window_end, severity, round(value, 2) AS revenue, expected_range, message "
                + "FROM ops.alerts WHERE rule = 'commerce.revenue_anomaly' AND CAST(window_start AS DATE) = :day "
                + "ORDER BY window_start"),
        new Panel(section, "commerce-stock", "Stock-outs and low stock at the end of the day", Kind.TABLE,
            "SELECT product_id, stock_units, min_stock_units, stock_outs, is_out_of_stock, is_low_stock "
                + "FROM gold.commerce_stock_daily WHERE stock_date = :day AND (is_out_of_stock OR is_low_stock) "
                + "ORDER BY stock_units, product_id LIMIT 15"));
  }

  static List<Panel> logs() {
    String section = "Logs: traffic, errors and security";
    return List.of(
        new Panel(section, "logs-kpis", "Traffic", Kind.KPIS,
            "SELECT coalesce(sum(requests), 0) AS `Requests`, coalesce(sum(bot_requests), 0) AS `Bot requests`, "
                + "coalesce(sum(bytes), 0) AS `Bytes sent`, "
                + "(SELECT coalesce(sum(requests), 0) FROM gold.logs_errors_daily WHERE request_date = :day) "
                + "AS `Error responses`, "
                + "(SELECT count(*) FROM gold.logs_security_findings WHERE finding_date = :day) AS `Security findings` "
                + "FROM gold.logs_traffic_hourly WHERE request_date = :day"),
        new Panel(section, "logs-requests-by-hour", "Requests by hour (UTC)", Kind.BAR,
            "SELECT date_format(hour_start, 'HH') AS hour, requests FROM gold.logs_traffic_hourly "
                + "WHERE request_date = :day ORDER BY hour_start"),
        new Panel(section, "logs-errors-by-status", "Error responses by status", Kind.BAR,
            "SELECT CAST(status AS STRING) AS status, sum(requests) AS requests FROM gold.logs_errors_daily "
                + "WHERE request_date = :day GROUP BY status ORDER BY status"),
        new Panel(section, "logs-findings", "Security findings", Kind.TABLE,
            "SELECT kind, ip, severity, events, detail FROM gold.logs_security_findings "
                + "WHERE finding_date = :day ORDER BY events DESC, ip LIMIT 20"));
  }

  static List<Panel> finance(List<String> portfolios) {
    String section = "Finance: fraud, market risk and stress";
    List<Panel> panels = new ArrayList<>(List.of(
        new Panel(section, "finance-kpis", "Payments and fraud", Kind.KPIS,
            "SELECT count(*) AS `Payments scored`, count_if(is_alert) AS `Fraud alerts`, "
                + "count_if(is_fraud) AS `Labelled fraud`, count_if(ml_score IS NOT NULL) AS `Scored by the model` "
                + "FROM gold.finance_payment_scores WHERE paid_date = :day"),
        new Panel(section, "finance-fraud-alerts", "Highest-scored fraud alerts", Kind.TABLE,
            "SELECT payment_id, card_id, round(amount_cents / 100.0, 2) AS amount, currency, round(score, 3) AS score, "
                + "reason_codes FROM gold.finance_fraud_alerts WHERE CAST(paid_at AS DATE) = :day "
                + "ORDER BY score DESC, payment_id LIMIT 20"),
        new Panel(section, "finance-var", "Value at risk (historical simulation, 1 day) and expected shortfall",
            Kind.TABLE,
            "SELECT portfolio_id, round(max(portfolio_value)) AS value, "
                + "round(max(CASE WHEN confidence = 0.95 THEN value_at_risk END)) AS var_95, "
                + "round(max(CASE WHEN confidence = 0.99 THEN value_at_risk END)) AS var_99, "
                + "round(max(CASE WHEN confidence = 0.975 THEN expected_shortfall END)) AS es_975 "
                + "FROM gold.finance_risk_daily WHERE risk_date = :day AND method = 'historical' AND horizon_days = 1 "
                + "GROUP BY portfolio_id ORDER BY portfolio_id"),
        new Panel(section, "finance-backtest", "VaR backtest (250 days)", Kind.TABLE,
            "SELECT portfolio_id, days, exceptions, round(kupiec_p_value, 4) AS kupiec_p, "
                + "round(christoffersen_p_value, 4) AS christoffersen_p, zone FROM gold.finance_backtest "
                + "WHERE backtest_date = :day ORDER BY portfolio_id")));
    for (String portfolio : portfolios) {
      panels.add(new Panel(section, "finance-var-vs-pnl-" + portfolio.replaceAll("[^A-Za-z0-9_-]", "_"),
          "1-day 99% VaR against realised P&L: " + portfolio + " (exceptions marked)", Kind.LINE,
          "SELECT CAST(pnl_date AS STRING) AS day, -max(value_at_risk) AS `VaR 99% (as a loss)`, max(realised_pnl) AS `Realised P&L`, "
              + "max(is_exception) AS is_exception FROM gold.finance_backtest_days "
              + "WHERE portfolio_id = :portfolio AND pnl_date <= :day AND pnl_date > date_sub(:day, 400) "
              + "GROUP BY pnl_date ORDER BY pnl_date",
          Map.of("portfolio", portfolio)));
    }
    panels.add(new Panel(section, "finance-stress", "Stress scenarios, worst first", Kind.TABLE,
        "SELECT scenario, portfolio_id, round(pnl) AS pnl, round(pnl_pct * 100, 2) AS pnl_pct, worst_instrument "
            + "FROM gold.finance_stress_results WHERE stress_date = :day ORDER BY pnl LIMIT 15"));
    return panels;
  }

  static List<Panel> quality() {
    return List.of(new Panel("Data quality", "quality-results", "Quality gate results of the day", Kind.TABLE,
        "SELECT table_name, count_if(constraint_status = 'Success') AS passed, "
            + "count_if(constraint_status = 'Failure') AS failed, coalesce(sum(quarantined_rows), 0) AS quarantined, "
            + "count(DISTINCT run_id) AS runs, count(DISTINCT CASE WHEN NOT is_published THEN run_id END) AS rejected_runs "
            + "FROM ops.quality_results WHERE coalesce(partition_date, run_date) = :day "
            + "GROUP BY table_name ORDER BY table_name"));
  }

  private static List<String> portfolios(SparkSession spark, LocalDate day) {
    return spark.sql("SELECT DISTINCT portfolio_id FROM gold.finance_backtest WHERE backtest_date = :day "
            + "ORDER BY portfolio_id", Map.of("day", day))
        .collectAsList().stream().map(r -> r.getString(0)).toList();
  }
}
