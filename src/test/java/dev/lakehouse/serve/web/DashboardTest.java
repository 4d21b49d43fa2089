package dev.lakehouse.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakehouse.Lakehouse;
import dev.lakehouse.alerts.Alert;
import dev.lakehouse.alerts.AlertStore;
import dev.lakehouse.serve.ServeAccess;
import dev.lakehouse.testing.HeadlessChromium;
import dev.lakehouse.testing.Poll;
import dev.lakehouse.testing.TestLakehouse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard over a small lakehouse of inline rows in the real Delta tables, in a real headless
 * Chromium: one lakehouse, one server (and one with a token), one browser for every test.
 */
class DashboardTest {
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final String XSS = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";
  private static final Path SCREENSHOTS = Path.of("target", "test-artifacts", "dashboard");
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Lakehouse lakehouse;
  private static Dashboard dashboard;
  private static Dashboard guarded;
  private static URI base;
  private static URI guardedBase;
  private static HeadlessChromium browser;

  @BeforeAll
  static void start() throws Exception {
    lakehouse = TestLakehouse.fresh();
    commerce();
    logs();
    finance();
    operations();
    dashboard = new Dashboard(0);
    base = URI.create(dashboard.start(lakehouse, ServeAccess.of("127.0.0.1", Map.of())));
    // a token set is what binding beyond loopback requires; the same rule applies on loopback
    guarded = new Dashboard(0);
    guardedBase = URI.create(guarded.start(lakehouse, new ServeAccess("127.0.0.1", true, Optional.of("s3cret-token"))));
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (dashboard != null) {
      dashboard.close();
    }
    if (guarded != null) {
      guarded.close();
    }
  }

  @Test
  void eachPageRendersWithoutConsoleErrorsAndShowsTheFiguresOfItsTables() throws Exception {
    Map<String, String> figures = Map.of(
        "commerce", "SELECT round(sum(revenue), 2) FROM gold.commerce_sales_5m WHERE sales_date = DATE'2026-11-20'",
        "logs", "SELECT sum(requests) FROM gold.logs_ip_activity WHERE activity_date = DATE'2026-11-20'",
        "finance", "SELECT count(*) FROM gold.finance_payment_scores WHERE paid_date = DATE'2026-11-20'",
        "operations", "SELECT count(*) FROM ops.quarantine WHERE replayed_at IS NULL");
    Map<String, String> tiles = Map.of("commerce", "revenue", "logs", "requests", "finance", "payments_scored",
        "operations", "quarantined_records_held");
    for (String page : List.of("commerce", "logs", "finance", "operations")) {
      try (HeadlessChromium.Page tab = openReady(page)) {
        String shown = tab.evaluate("document.querySelector('[data-kpi=\"" + tiles.get(page) + "\"]').dataset.value").asText();
        double expected = ((Number) lakehouse.spark().sql(figures.get(page)).head().get(0)).doubleValue();
        assertThat(Double.parseDouble(shown)).as(page + " " + tiles.get(page)).isEqualTo(expected);
        // every chart of the page drawn by ECharts on a canvas with a size
        JsonNode canvases = tab.evaluate("[...document.querySelectorAll('section[data-state=\"ready\"] .chart')]"
            + ".map(c => { const k = c.querySelector('canvas'); return k !== null && k.width > 100 && k.height > 100; })");
        assertThat(canvases).allMatch(JsonNode::asBoolean);
        Path screenshot = tab.screenshotFullPage(SCREENSHOTS.resolve(page + ".png"));
        assertThat(Files.size(screenshot)).as(screenshot.toString()).isGreaterThan(20_000);
        assertThat(tab.consoleErrors()).as(page).isEmpty();
      }
    }
  }

  @Test
  void theRevenueChartMarksTheAnomalousWindow() throws Exception {
    JsonNode panel = JSON.readTree(get(base.resolve("/api/panels/commerce.revenue")).body());
    assertThat(panel.get("day").asText()).isEqualTo("2026-11-20");
    assertThat(panel.get("columns").toString()).isEqualTo("[\"window_start\",\"revenue\",\"orders\",\"is_anomaly\"]");
    assertThat(panel.get("rows").toString()).isEqualTo("[[\"2026-11-20T10:00:00Z\",150.0,3,false],"
        + "[\"2026-11-20T10:05:00Z\",80.5,2,false],[\"2026-11-20T10:10:00Z\",900.0,9,true]]");
  }

  @Test
  void aNewAlertAppearsOnTheOpenPageWithoutAReload() throws Exception {
    try (HeadlessChromium.Page tab = openReady("operations")) {
      tab.evaluate("window.__sameDocument = 'yes'");
      Alert alert = new Alert("platform", "test.live_alert", "warning", "live-subject", "written while the page is open",
          null, null, null, null, Instant.parse("2026-11-20T12:00:00Z"));
      new AlertStore(lakehouse.catalog()).raise(lakehouse.spark(), List.of(alert));
      Poll.until("the new alert on the open operations page", DEADLINE, () -> tab.evaluate(
          "document.querySelector('[data-panel=\"operations.alerts\"] button[data-alert-id=\"" + alert.alertId() + "\"]') !== null")
          .asBoolean());
      assertThat(tab.evaluate("window.__sameDocument").asText()).isEqualTo("yes");
      assertThat(tab.consoleErrors()).isEmpty();
    }
  }

  @Test
  void aLogLineWithMarkupInItsPathAndUserAgentIsShownAsText() throws Exception {
    try (HeadlessChromium.Page tab = openReady("logs")) {
      JsonNode cells = tab.evaluate("[...document.querySelectorAll('[data-panel=\"logs.recent\"] td')]"
          + ".filter(td => td.dataset.col === 'path' || td.dataset.col === 'user_agent').map(td => td.textContent)");
      assertThat(cells).extracting(JsonNode::asText).contains("/search/" + XSS, "Mozilla/5.0 " + XSS);
      JsonNode paths = tab.evaluate("[...document.querySelectorAll('[data-panel=\"logs.top_paths\"] td[data-col=\"path\"]')]"
          + ".map(td => td.textContent)");
      assertThat(paths).extracting(JsonNode::asText).contains("/search/" + XSS);
      JsonNode samples = tab.evaluate("[...document.querySelectorAll('[data-panel=\"logs.findings\"] td[data-col=\"samples\"]')]"
          + ".map(td => td.textContent)");
      assertThat(samples).extracting(JsonNode::asText).anyMatch(text -> text.contains(XSS));
      // nothing of it became markup, and its scripts never ran
      assertThat(tab.evaluate("document.querySelectorAll('main script, main img').length").asInt()).isZero();
      assertThat(tab.evaluate("typeof window.__xss").asText()).isEqualTo("undefined");
      assertThat(tab.consoleErrors()).isEmpty();
    }
  }

  @Test
  void acknowledgingAnAlertFromThePageUpdatesOpsAlerts() throws Exception {
    Alert alert = new Alert("logs", "test.ack_from_page", "critical", "198.51.100.9", "acknowledge me", 12.0, "[0, 5]",
        null, null, Instant.parse("2026-11-20T09:00:00Z"));
    new AlertStore(lakehouse.catalog()).raise(lakehouse.spark(), List.of(alert));
    try (HeadlessChromium.Page tab = openReady("operations")) {
      String button = "document.querySelector('[data-panel=\"operations.alerts\"] button[data-alert-id=\"" + alert.alertId() + "\"]')";
      Poll.until("the alert's acknowledge button", DEADLINE, () -> tab.evaluate(button + " !== null").asBoolean());
      tab.evaluate(button + ".click()");
      Poll.until("ops.alerts to record the acknowledgement", DEADLINE, () -> lakehouse.spark()
          .sql("SELECT status, acknowledged_by FROM ops.alerts WHERE alert_id = '" + alert.alertId() + "'")
          .head().mkString("|").equals("acknowledged|dashboard"));
      Poll.until("the acknowledged alert to leave the open alerts", DEADLINE,
          () -> tab.evaluate(button + " === null").asBoolean());
      Poll.until("the alert among the recently acknowledged", DEADLINE, () -> tab.evaluate(
          "document.querySelector('[data-panel=\"operations.acknowledged\"]').textContent.includes('198.51.100.9')").asBoolean());
      assertThat(tab.consoleErrors()).isEmpty();
    }
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
    Alert alert = new Alert("finance", "test.csrf", "info", "card-1", "stays open", null, null, null, null,
        Instant.parse("2026-11-20T08:00:00Z"));
    new AlertStore(lakehouse.catalog()).raise(lakehouse.spark(), List.of(alert));
    String body = "{\"alert_ids\": [\"" + alert.alertId() + "\"]}";
    assertThat(post(base.resolve("/api/alerts/ack"), body, Map.of()).statusCode()).isEqualTo(403);
    assertThat(post(base.resolve("/api/alerts/ack"), body, Map.of("X-CSRF-Token", "guessed")).statusCode()).isEqualTo(403);
    assertThat(status(alert)).isEqualTo("open");
    String csrf = JSON.readTree(get(base.resolve("/api/csrf")).body()).get("csrf_token").asText();
    HttpResponse<String> accepted = post(base.resolve("/api/alerts/ack"), body, Map.of("X-CSRF-Token", csrf));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(status(alert)).isEqualTo("acknowledged");
    HttpResponse<String> again = post(base.resolve("/api/alerts/ack"), body, Map.of("X-CSRF-Token", csrf));
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(again.body()).contains("Cannot acknowledge " + alert.alertId() + ": no open alert with that id");
  }

  @Test
  void withATokenEveryRequestWithoutItIsRefused() throws Exception {
    for (String path : List.of("/", "/commerce", "/api/pages/commerce", "/api/panels/commerce.kpis", "/api/events?page=logs",
        "/static/dashboard.js", "/webjars/echarts/5.3.1/dist/echarts.min.js", "/api/csrf")) {
      assertThat(get(guardedBase.resolve(path)).statusCode()).as(path).isEqualTo(401);
      assertThat(get(guardedBase.resolve(path), "Authorization", "Bearer wrong").statusCode()).as(path).isEqualTo(401);
    }
    assertThat(post(guardedBase.resolve("/api/alerts/ack"), "{\"alert_ids\": [\"x\"]}", Map.of()).statusCode()).isEqualTo(401);
    HttpResponse<String> withToken = get(guardedBase.resolve("/api/pages/commerce"), "Authorization", "Bearer s3cret-token");
    assertThat(withToken.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(withToken.body()).get("panels")).isNotEmpty();
    assertThat(get(guardedBase.resolve("/commerce"), "Accept", "text/html").body()).contains("<form method=\"post\" action=\"/login\"");
    // a person logs in once with the token and gets a session cookie
    assertThat(postForm(guardedBase.resolve("/login"), "token=nope").statusCode()).isEqualTo(401);
    HttpResponse<String> login = postForm(guardedBase.resolve("/login"), "token=s3cret-token");
    assertThat(login.statusCode()).isEqualTo(303);
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains(WebAccess.SESSION_COOKIE + "=", "HttpOnly", "SameSite=Strict");
    String session = cookie.substring(0, cookie.indexOf(';'));
    assertThat(get(guardedBase.resolve("/finance"), "Cookie", session).statusCode()).isEqualTo(200);
    assertThat(get(guardedBase.resolve("/static/dashboard.js"), "Cookie", session).statusCode()).isEqualTo(200);
    // the cookie alone does not make a POST: the CSRF token must come too
    assertThat(post(guardedBase.resolve("/api/alerts/ack"), "{\"alert_ids\": [\"x\"]}", Map.of("Cookie", session)).statusCode())
        .isEqualTo(403);
  }

  @Test
  void onLoopbackWithoutATokenOnlyLoopbackHostNamesAreServed() throws Exception {
    assertThat(rawStatus(base, "127.0.0.1:" + base.getPort())).isEqualTo(200);
    assertThat(rawStatus(base, "localhost:" + base.getPort())).isEqualTo(200);
    // a page of another site whose name was rebound to 127.0.0.1
    assertThat(rawStatus(base, "attacker.example:" + base.getPort())).isEqualTo(421);
  }

  @Test
  void anUnknownPanelOrPageIsABadRequestNamingTheValue() throws Exception {
    HttpResponse<String> panel = get(base.resolve("/api/panels/commerce.nope"));
    assertThat(panel.statusCode()).isEqualTo(400);
    assertThat(panel.body()).contains("Invalid panel 'commerce.nope'");
    HttpResponse<String> page = get(base.resolve("/api/pages/sales"));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("Invalid page 'sales'");
  }

  @Test
  void tableVersionsFollowEveryCommitAndATableCreatedAgain() throws Exception {
    Path table = Files.createTempDirectory(Path.of("target"), "versions-").resolve("t");
    TableVersions versions = new TableVersions(lakehouse.spark().sparkContext().hadoopConfiguration());
    String location = table.toString();
    assertThat(versions.latest(location)).isEqualTo(TableVersions.NONE);
    lakehouse.spark().range(3).write().format("delta").save(location);
    assertThat(versions.latest(location)).isEqualTo(0);
    lakehouse.spark().range(2).write().format("delta").mode("append").save(location);
    lakehouse.spark().range(1).write().format("delta").mode("append").save(location);
    assertThat(versions.latest(location)).isEqualTo(2);
    assertThat(versions.latest(location)).isEqualTo(2);
    // dropped and created again: its versions start over, which a later look notices
    try (var walk = Files.walk(table)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    lakehouse.spark().range(1).write().format("delta").save(location);
    Poll.until("the new table's version", DEADLINE, () -> versions.latest(location) == 0);
  }

  // ---- helpers ------------------------------------------------------------------------------------

  /** Opens the page and waits until every panel has its figures (none loading, none failed). */
  private static HeadlessChromium.Page openReady(String page) throws Exception {
    HeadlessChromium.Page tab = browser.openWatched(base.resolve("/" + page), 1400, 900);
    Poll.until("every panel of " + page + " to be drawn", DEADLINE, () -> tab.evaluate(
        "(() => { const s = [...document.querySelectorAll('section.panel')];"
            + " return s.length > 0 && s.every(p => p.dataset.state === 'ready'); })()").asBoolean());
    return tab;
  }

  private static String status(Alert alert) {
    return lakehouse.spark().sql("SELECT status FROM ops.alerts WHERE alert_id = '" + alert.alertId() + "'").head().getString(0);
  }

  private static HttpResponse<String> get(URI uri, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(URI uri, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> postForm(URI uri, String form) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The status of GET /api/csrf sent with the given Host header (the JDK client will not set one). */
  private static int rawStatus(URI server, String host) throws Exception {
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET /api/csrf HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  // ---- the small lakehouse ------------------------------------------------------------------------

  private static void sql(String statement) {
    lakehouse.spark().sql(statement);
  }

  private static void commerce() {
    sql("INSERT INTO gold.commerce_sales_5m VALUES "
        + "(TIMESTAMP'2026-11-20 10:00:00', TIMESTAMP'2026-11-20 10:05:00', DATE'2026-11-20', 'p-1', 'books', 100.0, 2, 2, 50.0, now()),"
        + "(TIMESTAMP'2026-11-20 10:00:00', TIMESTAMP'2026-11-20 10:05:00', DATE'2026-11-20', 'p-2', 'toys', 50.0, 1, 1, 50.0, now()),"
        + "(TIMESTAMP'2026-11-20 10:05:00', TIMESTAMP'2026-11-20 10:10:00', DATE'2026-11-20', 'p-1', 'books', 80.5, 2, 2, 40.25, now()),"
        + "(TIMESTAMP'2026-11-20 10:10:00', TIMESTAMP'2026-11-20 10:15:00', DATE'2026-11-20', 'p-3', 'garden', 900.0, 9, 9, 100.0, now()),"
        // the day before: not today's
        + "(TIMESTAMP'2026-11-19 10:00:00', TIMESTAMP'2026-11-19 10:05:00', DATE'2026-11-19', 'p-1', 'books', 5000.0, 9, 9, 1.0, now())");
    sql("INSERT INTO gold.commerce_sessions VALUES "
        + "('s-1', 'u-1', DATE'2026-11-20', TIMESTAMP'2026-11-20 09:50:00', TIMESTAMP'2026-11-20 10:12:00', 1320000, 6, 4, 3,"
        + " array('view', 'view', 'cart', 'purchase'), true, now()),"
        + "('s-2', 'u-2', DATE'2026-11-20', TIMESTAMP'2026-11-20 08:00:00', TIMESTAMP'2026-11-20 08:05:00', 300000, 2, 2, 2,"
        + " array('view', 'view'), false, now())");
    sql("INSERT INTO gold.commerce_funnel_daily VALUES "
        + "(DATE'2026-11-20', 'books', 40, 12, 5, 0.3, 0.4167, 0.125, now()),"
        + "(DATE'2026-11-20', 'toys', 20, 4, 1, 0.2, 0.25, 0.05, now())");
    sql("INSERT INTO gold.commerce_stock_daily VALUES "
        + "(DATE'2026-11-20', 'p-1', 0, 0, 4, 10, 0, 1, true, false, 5, now()),"
        + "(DATE'2026-11-20', 'p-2', 3, 2, 2, 3, 0, 0, false, true, 5, now()),"
        + "(DATE'2026-11-20', 'p-3', 40, 31, 2, 9, 0, 0, false, false, 5, now())");
    sql("INSERT INTO ops.alerts VALUES ('anomaly-1010', 'commerce', 'commerce.revenue_anomaly', 'critical', 'revenue',"
        + " 'Revenue 900.00 in the window 10:10 is outside the expected range', 900.0, '[20.0, 180.0]',"
        + " TIMESTAMP'2026-11-20 10:10:00', TIMESTAMP'2026-11-20 10:15:00', TIMESTAMP'2026-11-20 10:20:00', 'open', null, null)");
  }

  private static void logs() {
    sql("INSERT INTO gold.logs_ip_activity VALUES "
        + "(TIMESTAMP'2026-11-20 10:00:00', TIMESTAMP'2026-11-20 10:01:00', DATE'2026-11-20', '203.0.113.7', 120, 60, 70, 2, 9000,"
        + " TIMESTAMP'2026-11-20 10:00:01', TIMESTAMP'2026-11-20 10:00:59', true, array('4xx 70 > 10'), now()),"
        + "(TIMESTAMP'2026-11-20 10:00:00', TIMESTAMP'2026-11-20 10:01:00', DATE'2026-11-20', '198.51.100.4', 30, 5, 1, 0, 4000,"
        + " TIMESTAMP'2026-11-20 10:00:02', TIMESTAMP'2026-11-20 10:00:50', false, null, now()),"
        + "(TIMESTAMP'2026-11-20 10:01:00', TIMESTAMP'2026-11-20 10:02:00', DATE'2026-11-20', '198.51.100.4', 25, 4, 0, 1, 3000,"
        + " TIMESTAMP'2026-11-20 10:01:02', TIMESTAMP'2026-11-20 10:01:50', false, null, now())");
    sql("INSERT INTO gold.logs_service_health VALUES "
        + "(TIMESTAMP'2026-11-20 10:00:00', TIMESTAMP'2026-11-20 10:05:00', DATE'2026-11-20', 'checkout', 100, 2, 0.02, 90, 180.0, 400, false, now()),"
        + "(TIMESTAMP'2026-11-20 10:05:00', TIMESTAMP'2026-11-20 10:10:00', DATE'2026-11-20', 'checkout', 110, 1, 0.009, 95, 210.0, 500, false, now()),"
        + "(TIMESTAMP'2026-11-20 10:00:00', TIMESTAMP'2026-11-20 10:05:00', DATE'2026-11-20', 'search', 300, 0, 0.0, 280, 45.0, 90, false, now())");
    sql("INSERT INTO silver.logs_web_requests (request_id, ip, requested_at, request_date, method, path, status, user_agent,"
        + " _kafka_topic, _kafka_partition, _kafka_offset, _ingested_at, _refined_at) VALUES "
        + "('r-1', '198.51.100.4', TIMESTAMP'2026-11-20 10:00:02', DATE'2026-11-20', 'GET', '/', 200, 'Mozilla/5.0', 'logs.access', 0, 1, now(), now()),"
        + "('r-2', '198.51.100.4', TIMESTAMP'2026-11-20 10:00:03', DATE'2026-11-20', 'GET', '/cart', 200, 'Mozilla/5.0', 'logs.access', 0, 2, now(), now()),"
        + "('r-3', '203.0.113.7', TIMESTAMP'2026-11-20 10:01:30', DATE'2026-11-20', 'GET', '/search/" + XSS.replace("'", "\\'") + "', 404,"
        + " 'Mozilla/5.0 " + XSS.replace("'", "\\'") + "', 'logs.access', 0, 3, now(), now())");
    sql("INSERT INTO gold.logs_security_findings VALUES ('f-1', DATE'2026-11-20', 'xss', '203.0.113.7', 'warning', 1, 1,"
        + " TIMESTAMP'2026-11-20 10:01:30', TIMESTAMP'2026-11-20 10:01:30', 'XSS probe in the path', array('/search/"
        + XSS.replace("'", "\\'") + "'), 'daily', 'silver.logs_web_requests', now())");
    sql("INSERT INTO gold.logs_ip_blacklist VALUES "
        + "('203.0.113.7', '00000000000000000000ffffcb007107', '00000000000000000000ffffcb007107', '4xx 70 > 10', 'logs.ip_suspicious',"
        + " now(), now(), null, 1),"
        + "('192.0.2.1', '00000000000000000000ffffc0000201', '00000000000000000000ffffc0000201', 'expired', 'manual',"
        + " TIMESTAMP'2020-01-01 00:00:00', TIMESTAMP'2020-01-01 00:00:00', TIMESTAMP'2020-01-02 00:00:00', 1)");
  }

  private static void finance() {
    sql("INSERT INTO gold.finance_payment_scores (payment_id, card_id, customer_id, paid_at, paid_date, amount_cents, currency,"
        + " rules_score, ml_score, score, reason_codes, is_alert, is_fraud, scored_at) VALUES "
        + "('pay-1', 'card-1', 'c-1', TIMESTAMP'2026-11-20 10:00:10', DATE'2026-11-20', 1200, 'EUR', 0.9, null, 0.9,"
        + " array('VELOCITY_1M'), true, true, now()),"
        + "('pay-2', 'card-2', 'c-2', TIMESTAMP'2026-11-20 10:00:40', DATE'2026-11-20', 5400, 'USD', 0.0, null, 0.0,"
        + " CAST(array() AS ARRAY<STRING>), false, false, now()),"
        + "('pay-3', 'card-3', 'c-3', TIMESTAMP'2026-11-20 10:02:00', DATE'2026-11-20', 700, 'EUR', 0.1, null, 0.1,"
        + " CAST(array() AS ARRAY<STRING>), false, false, now())");
    sql("INSERT INTO gold.finance_fraud_alerts VALUES ('pay-1', 'card-1', 'c-1', TIMESTAMP'2026-11-20 10:00:10', 1200, 'EUR', 0.9,"
        + " array('VELOCITY_1M', 'NEW_DEVICE'), 'fraud-card-1', now())");
    sql("INSERT INTO gold.finance_risk_daily VALUES "
        + "(DATE'2026-11-20', 'book', 'historical', 0.95, 1, 10000.0, 14000.0, 1000000.0, 500, null, now()),"
        + "(DATE'2026-11-20', 'book', 'historical', 0.99, 1, 20000.0, 26000.0, 1000000.0, 500, null, now()),"
        + "(DATE'2026-11-20', 'book', 'historical', 0.975, 1, 16000.0, 21000.0, 1000000.0, 500, null, now())");
    sql("INSERT INTO gold.finance_backtest VALUES (DATE'2026-11-20', 'book', 250, 3, 2.5, 0.1, 0.75, 0.2, 0.65, 'green', now())");
    sql("INSERT INTO gold.finance_stress_results VALUES "
        + "(DATE'2026-11-20', 'book', 'equity -20%', 'hypothetical', -150000.0, -0.15, 1000000.0, 'AAPL', -40000.0, null, null, 'all equities -20%', now()),"
        + "(DATE'2026-11-20', 'book', 'rates up', 'hypothetical', -20000.0, -0.02, 1000000.0, 'UST10', -15000.0, null, null, 'yields +100bp', now())");
    sql("INSERT INTO gold.finance_compliance_findings VALUES ('cf-1', DATE'2026-11-20', 'large_transaction', 'c-2',"
        + " TIMESTAMP'2026-11-20 10:00:40', TIMESTAMP'2026-11-20 10:00:40', 12000.00, 'USD', array('pay-9'), 1,"
        + " 'a payment at or above 10,000 USD', null, now())");
  }

  private static void operations() {
    sql("INSERT INTO ops.stream_progress (query_name, query_id, run_id, batch_id, event, progress_at, batch_duration_ms,"
        + " input_rows, input_rows_per_second, processed_rows_per_second, watermark_at, progress_date) VALUES "
        + "('ingest.commerce.events', 'q-1', 'run-1', 7, 'batch', current_timestamp() - INTERVAL 20 SECONDS, 900, 50, 10.0, 55.5,"
        + " null, current_date())");
    sql("INSERT INTO ops.quality_results (run_id, table_name, run_kind, rule_id, rule_level, rule_action, rule_kind, check_status,"
        + " constraint_status, checked_rows, is_published, run_at, run_date) VALUES "
        + "('run-a', 'gold.commerce_sales_daily', 'gate', 'revenue_not_negative', 'error', 'fail', 'constraint', 'Success',"
        + " 'Success', 10, true, TIMESTAMP'2026-11-20 11:00:00', DATE'2026-11-20'),"
        + "('run-a', 'gold.commerce_sales_daily', 'gate', 'orders_positive', 'warning', 'warn', 'constraint', 'Warning',"
        + " 'Failure', 10, true, TIMESTAMP'2026-11-20 11:00:00', DATE'2026-11-20')");
    sql("INSERT INTO ops.quarantine (quarantine_id, source_table, target_table, stage, rule_id, reason, quarantined_at,"
        + " replayed_at, quarantined_date) VALUES "
        + "('q-1', 'bronze.commerce_orders', 'silver.commerce_orders', 'refine', 'parse.json', 'not JSON', now(), null, current_date()),"
        + "('q-2', 'bronze.commerce_orders', 'silver.commerce_orders', 'refine', 'parse.json', 'not JSON', now(), null, current_date()),"
        + "('q-3', 'bronze.logs_access', 'silver.logs_web_requests', 'refine', 'parse.no_format', 'no format', now(), now(),"
        + " current_date())");
  }
}
