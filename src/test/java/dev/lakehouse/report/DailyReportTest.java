package dev.lakehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakehouse.Lakehouse;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.HeadlessChromium;
import dev.lakehouse.testing.InProcessCli;
import dev.lakehouse.testing.TestLakehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The daily report over small hand-made gold tables: the figures on the page and in the JSON are the tables'. */
class DailyReportTest {
  private static final String DAY = "2026-11-20";
  private static Lakehouse lakehouse;
  private static ChildJvm.Result run;
  private static JsonNode json;
  private static String html;

  @BeforeAll
  static void report() throws Exception {
    lakehouse = TestLakehouse.fresh();
    sql("INSERT INTO gold.logs_traffic_hourly (request_date, hour_start, requests, unique_visitors, distinct_ips, "
        + "bytes, status_2xx, status_3xx, status_4xx, status_5xx, bot_requests, blacklisted_requests, source, "
        + "published_at) VALUES "
        + "(DATE'2026-11-20', TIMESTAMP'2026-11-20 00:00:00', 100, 40, 30, 5000, 97, 0, 3, 0, 10, 0, 'test', now()),"
        + "(DATE'2026-11-20', TIMESTAMP'2026-11-20 01:00:00', 250, 90, 70, 9000, 243, 0, 0, 7, 20, 1, 'test', now()),"
        // another day: not in the report
        + "(DATE'2026-11-19', TIMESTAMP'2026-11-19 01:00:00', 999, 9, 9, 9, 999, 0, 0, 0, 9, 0, 'test', now())");
    sql("INSERT INTO gold.logs_errors_daily VALUES "
        + "(DATE'2026-11-20', 500, '5xx', '/checkout', 7, 3, 0.02, now(), now(), 'test', now()),"
        + "(DATE'2026-11-20', 404, '4xx', '/missing', 3, 2, 0.01, now(), now(), 'test', now())");
    sql("INSERT INTO gold.finance_payment_scores (payment_id, card_id, customer_id, paid_at, paid_date, amount_cents, "
        + "currency, rules_score, ml_score, score, reason_codes, is_alert, is_fraud, scored_at) VALUES "
        + "('p1', 'c1', 'u1', TIMESTAMP'2026-11-20 10:00:00', DATE'2026-11-20', 1000, 'EUR', 0.9, 0.8, 0.85, "
        + "array('VELOCITY_1M'), true, true, now()),"
        + "('p2', 'c2', 'u2', TIMESTAMP'2026-11-20 11:00:00', DATE'2026-11-20', 2000, 'EUR', 0.1, 0.1, 0.1, "
        + "CAST(array() AS ARRAY<STRING>), false, false, now()),"
        + "('p3', 'c3', 'u3', TIMESTAMP'2026-11-20 12:00:00', DATE'2026-11-20', 3000, 'USD', 0.0, null, 0.0, "
        + "CAST(array() AS ARRAY<STRING>), false, false, now())");
    sql("INSERT INTO gold.finance_backtest_days VALUES "
        + "(DATE'2026-11-17', DATE'2026-11-18', 'book', 100.0, 50.0, false, now()),"
        + "(DATE'2026-11-18', DATE'2026-11-19', 'book', 100.0, -150.0, true, now()),"
        + "(DATE'2026-11-19', DATE'2026-11-20', 'book', 110.0, -20.0, false, now())");
    sql("INSERT INTO gold.finance_backtest (backtest_date, portfolio_id, days, exceptions, expected_exceptions, "
        + "kupiec_lr, kupiec_p_value, christoffersen_lr, christoffersen_p_value, zone, computed_at) VALUES "
        + "(DATE'2026-11-20', 'book', 3, 1, 0.03, 1.5, 0.22, 0.1, 0.75, 'n/a', now())");
    run = InProcessCli.execute(lakehouse.config(), "report", "--date", DAY);
    Path directory = Path.of(lakehouse.config().path("reports/" + DAY));
    json = new ObjectMapper().readTree(directory.resolve("report.json").toFile());
    html = Files.readString(directory.resolve("report.html"));
  }

  private static void sql(String statement) {
    lakehouse.spark().sql(statement);
  }

  private static JsonNode panel(String id) {
    for (JsonNode panel : json.get("panels")) {
      if (panel.get("id").asText().equals(id)) {
        return panel;
      }
    }
    throw new AssertionError("no panel " + id + " in " + json);
  }

  @Test
  void theJsonHoldsTheDaysFiguresFromTheGoldTables() {
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("Report for 2026-11-20:", "report.html", "report.json");
    assertThat(json.get("date").asText()).isEqualTo(DAY);
    JsonNode logs = panel("logs-kpis").get("rows").get(0);
    // requests 100 + 250 (the other day's 999 left out), errors 7 + 3
    assertThat(logs.get(0).asLong()).isEqualTo(350);
    assertThat(logs.get(3).asLong()).isEqualTo(10);
    assertThat(panel("logs-requests-by-hour").get("rows").toString()).isEqualTo("[[\"00\",100],[\"01\",250]]");
    JsonNode finance = panel("finance-kpis").get("rows").get(0);
    assertThat(finance.get(0).asLong()).isEqualTo(3);
    assertThat(finance.get(1).asLong()).isEqualTo(1);
    assertThat(finance.get(3).asLong()).isEqualTo(2);
  }

  @Test
  void theVarChartMarksTheExceptionDay() {
    JsonNode rows = panel("finance-var-vs-pnl-book").get("rows");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).get(0).asText()).isEqualTo("2026-11-19");
    assertThat(rows.get(1).get(1).asDouble()).isEqualTo(-100.0);
    assertThat(rows.get(1).get(3).asBoolean()).isTrue();
    assertThat(html).contains("data-chart=\"finance-var-vs-pnl-book\"", "data-marker-index=\"1\"");
    assertThat(html).doesNotContain("data-marker-index=\"0\"", "data-marker-index=\"2\"");
  }

  @Test
  void theHtmlShowsTheSameFiguresAndSaysWhereThereIsNoData() {
    assertThat(html).contains("data-chart=\"logs-requests-by-hour\"", "data-kpi=\"requests\"", "data-value=\"350\"");
    // no stress run that day
    assertThat(panel("finance-stress").get("rows")).isEmpty();
    assertThat(html).contains("Stress scenarios, worst first: no data for this day.");
    // nothing fetched: no scripts, stylesheets, images or fonts by reference (the SVG namespace is only a name)
    assertThat(html).doesNotContain("<script", "<link", "src=", "href=", "url(", "@import");
  }

  @Test
  void theReportRendersInHeadlessChromiumWithTheChartsDrawn() throws Exception {
    Path file = Path.of(lakehouse.config().path("reports/" + DAY)).resolve("report.html");
    long requests = lakehouse.spark().sql("SELECT sum(requests) FROM gold.logs_traffic_hourly "
        + "WHERE request_date = DATE'" + DAY + "'").head().getLong(0);
    try (HeadlessChromium browser = HeadlessChromium.start()) {
      HeadlessChromium.Page page = browser.open(file.toUri());
      // each bar of the hourly chart laid out with a positive size, one per hour in the table
      JsonNode bars = page.evaluate("[...document.querySelectorAll('svg[data-chart=\"logs-requests-by-hour\"] rect.bar')]"
          + ".map(r => { const b = r.getBoundingClientRect(); return b.width > 0 && b.height > 0; })");
      assertThat(bars).hasSize(2);
      assertThat(bars).allMatch(JsonNode::asBoolean);
      JsonNode line = page.evaluate("(() => { const s = document.querySelector('svg[data-chart=\"finance-var-vs-pnl-book\"]');"
          + " return [s.getBoundingClientRect().width, s.querySelectorAll('path').length,"
          + " s.querySelectorAll('circle.marker').length]; })()");
      assertThat(line.get(0).asDouble()).isGreaterThan(100);
      assertThat(line.get(1).asInt()).isGreaterThanOrEqualTo(2);
      assertThat(line.get(2).asInt()).isEqualTo(1);
      // the tile shows what the SQL returns
      String shown = page.evaluate("document.querySelector('[data-kpi=\"requests\"] .kpi-value').textContent").asText();
      assertThat(shown.replace(",", "")).isEqualTo(Long.toString(requests));
      Path screenshot = page.screenshot(Path.of("target", "test-artifacts", "daily-report.png"));
      assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }
  }

  @Test
  void aBadDateIsRefusedWithTheValueNamed() {
    ChildJvm.Result bad = InProcessCli.execute(lakehouse.config(), "report", "--date", "2026-13-01");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.output()).contains("2026-13-01");
  }
}
