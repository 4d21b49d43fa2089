import dev.lakehouse.Lakehouse;
import dev.lakehouse.alerts.Alert;
import dev.lakehouse.alerts.AlertStore;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.serve.ServeAccess;
import dev.lakehouse.serve.web.Dashboard;
import dev.lakehouse.testing.HeadlessChromium;
import dev.lakehouse.testing.Poll;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * bench/dashboard: how soon the dashboard shows a commit, and what an open page costs the server while
 * nothing changes.
 *
 * <p>One JVM: a scratch LAKEHOUSE_HOME (deleted after) with a few rows, the dashboard on a free loopback
 * port, and a real headless Chromium with the operations page open. Each change is a new alert raised
 * into ops.alerts (a Delta MERGE, as the detectors raise them) and, alternately, a new 5-minute sales
 * window appended to gold.commerce_sales_5m (the commerce page is open in a second tab). Latency is the
 * time from the Delta commit (the commit's timestamp in the table history) to the moment the page's DOM
 * holds the new figure (a MutationObserver in the page notes Date.now(); browser and server share the
 * clock).
 *
 * <p>Baseline, same run: with no page open, a client that runs the panel's SQL every poll interval
 * sees the same kind of commit after this long (ratio dashboard / SQL client). Idle CPU: the server
 * process's CPU time over IDLE_SECONDS with both pages open and no commits, against the same span with no
 * page open.
 */
public class DashboardBenchmark {
  public static void main(String[] args) throws Exception {
    boolean smoke = args.length > 0 && args[0].equals("smoke");
    int changes = smoke ? 4 : args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int idleSeconds = smoke ? 5 : args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Path root = Files.createTempDirectory("bench-dashboard");
    try {
      run(root, changes, idleSeconds);
    } finally {
      try (var walk = Files.walk(root)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(Path root, int changes, int idleSeconds) throws Exception {
    LakehouseConfig config = LakehouseConfig.load(Map.of(), List.of("home=" + root.resolve("lake")));
    Lakehouse lakehouse = Lakehouse.open(config, "bench-dashboard");
    lakehouse.spark().sql("INSERT INTO gold.commerce_sales_5m VALUES (TIMESTAMP'2026-11-20 00:00:00', "
        + "TIMESTAMP'2026-11-20 00:05:00', DATE'2026-11-20', 'p-0', 'books', 10.0, 1, 1, 10.0, now())");
    raise(lakehouse, "warm-up");
    System.out.printf("dashboard bench: %d changes (ops.alerts and gold.commerce_sales_5m alternately), idle %d s, "
        + "poll interval %d ms%n", changes, idleSeconds, Dashboard.POLL_INTERVAL.toMillis());

    // baseline: a SQL client polling at the dashboard's interval, no page open
    List<Long> baseline = new ArrayList<>();
    for (int i = 0; i < changes; i++) {
      String subject = "sql-" + i;
      Instant committed = change(lakehouse, i, subject);
      Instant seen = awaitSql(lakehouse, i, subject);
      baseline.add(Duration.between(committed, seen).toMillis());
    }

    Dashboard dashboard = new Dashboard(0);
    URI base = URI.create(dashboard.start(lakehouse, ServeAccess.of("127.0.0.1", Map.of())));
    try (HeadlessChromium browser = HeadlessChromium.start()) {
      HeadlessChromium.Page operations = open(browser, base.resolve("/operations"),
          "[data-panel=\"operations.alerts\"] td[data-col=\"subject\"]");
      HeadlessChromium.Page commerce = open(browser, base.resolve("/commerce"),
          "[data-panel=\"commerce.top_products\"] td[data-col=\"product_id\"]");
      List<Long> shown = new ArrayList<>();
      for (int i = 0; i < changes; i++) {
        String subject = "page-" + i;
        HeadlessChromium.Page tab = i % 2 == 0 ? operations : commerce;
        Instant committed = change(lakehouse, i, subject);
        Poll.until(subject + " on the page", Duration.ofSeconds(60),
            () -> tab.evaluate("window.__seen['" + subject + "'] !== undefined").asBoolean());
        Instant seen = Instant.ofEpochMilli(tab.evaluate("window.__seen['" + subject + "']").asLong());
        shown.add(Duration.between(committed, seen).toMillis());
        LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
      }
      // idle: once the last change's panels are computed, nothing commits
      Poll.until("the last panels to be computed", Duration.ofSeconds(60), () -> status(base, "computing") == 0);
      LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
      double idleWithPages = cpuPercent(idleSeconds);
      String computeTimes = computeTimes(base);
      List<String> errors = new ArrayList<>(operations.consoleErrors());
      errors.addAll(commerce.consoleErrors());
      operations.close();
      commerce.close();
      Poll.until("the pages' event streams to close", Duration.ofSeconds(30), () -> subscribers(base) == 0);
      double idleWithoutPage = cpuPercent(idleSeconds);
      System.out.printf("commit -> shown in the browser: p50 %,d ms, p95 %,d ms, max %,d ms (%d changes)%n",
          percentile(shown, 50), percentile(shown, 95), percentile(shown, 100), shown.size());
      System.out.printf("commit -> seen by a SQL client polling every %d ms (baseline): p50 %,d ms, p95 %,d ms%n",
          Dashboard.POLL_INTERVAL.toMillis(), percentile(baseline, 50), percentile(baseline, 95));
      System.out.printf("ratio dashboard / SQL client: p50 %.2f, p95 %.2f%n",
          (double) percentile(shown, 50) / Math.max(1, percentile(baseline, 50)),
          (double) percentile(shown, 95) / Math.max(1, percentile(baseline, 95)));
      System.out.printf("server CPU while idle: %.2f%% of one core with two pages open, %.2f%% with none (%d s each)%n",
          idleWithPages, idleWithoutPage, idleSeconds);
      System.out.println("time to compute each panel of the two pages, last computation (ms): " + computeTimes);
      if (!errors.isEmpty()) {
        throw new IllegalStateException("Console errors: " + errors);
      }
    } finally {
      dashboard.close();
    }
  }

  // even changes raise an alert, odd ones append a sales window of a new product named after the subject
  private static Instant change(Lakehouse lakehouse, int i, String subject) {
    if (i % 2 == 0) {
      raise(lakehouse, subject);
      return lastCommit(lakehouse, "ops.alerts");
    }
    lakehouse.spark().sql("INSERT INTO gold.commerce_sales_5m VALUES (TIMESTAMP'2026-11-20 00:00:00', "
        + "TIMESTAMP'2026-11-20 00:05:00', DATE'2026-11-20', '" + subject + "', 'books', " + (100_000 + i) + ".0, 1, 1, 1.0, now())");
    return lastCommit(lakehouse, "gold.commerce_sales_5m");
  }

  private static void raise(Lakehouse lakehouse, String subject) {
    new AlertStore(lakehouse.catalog()).raise(lakehouse.spark(), List.of(new Alert("platform", "bench.change", "info", subject,
        "bench change " + subject, null, null, null, null, Instant.now())));
  }

  private static Instant lastCommit(Lakehouse lakehouse, String table) {
    return lakehouse.spark().sql("DESCRIBE HISTORY " + table + " LIMIT 1").head().<java.sql.Timestamp>getAs("timestamp").toInstant();
  }

  private static Instant awaitSql(Lakehouse lakehouse, int i, String subject) {
    String query = i % 2 == 0
        ? "SELECT count(*) FROM ops.alerts WHERE status = 'open' AND subject = '" + subject + "'"
        : "SELECT count(*) FROM gold.commerce_sales_5m WHERE product_id = '" + subject + "'";
    while (lakehouse.spark().sql(query).head().getLong(0) == 0) {
      LockSupport.parkNanos(Dashboard.POLL_INTERVAL.toNanos());
    }
    return Instant.now();
  }

  /** Opens a page, waits for its panels, and notes in window.__seen when each text of `cells` first appears. */
  private static HeadlessChromium.Page open(HeadlessChromium browser, URI url, String cells) throws Exception {
    HeadlessChromium.Page tab = browser.openWatched(url, 1400, 900);
    Poll.until("the panels of " + url, Duration.ofSeconds(120), () -> tab.evaluate(
        "[...document.querySelectorAll('section.panel')].every(p => p.dataset.state === 'ready')").asBoolean());
    tab.evaluate("(() => { window.__seen = {}; const note = () => document.querySelectorAll('" + cells.replace("'", "\\'")
        + "').forEach(td => { if (window.__seen[td.textContent] === undefined) window.__seen[td.textContent] = Date.now(); });"
        + " note(); new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });"
        + " return true; })()");
    return tab;
  }

  private static int subscribers(URI base) {
    return status(base, "subscribers");
  }

  private static int status(URI base, String field) {
    try {
      var response = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(base.resolve("/api/status")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get(field).asInt();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String computeTimes(URI base) throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    StringBuilder out = new StringBuilder();
    for (String page : List.of("operations", "commerce")) {
      var layout = json.readTree(http.send(java.net.http.HttpRequest.newBuilder(base.resolve("/api/pages/" + page)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body());
      for (var panel : layout.get("panels")) {
        var figures = json.readTree(http.send(java.net.http.HttpRequest.newBuilder(base.resolve(panel.get("api").asText())).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        out.append(panel.get("id").asText()).append(' ').append(figures.get("computed_ms").asLong()).append(", ");
      }
    }
    return out.substring(0, out.length() - 2);
  }

  /** This process's CPU over the next `seconds`, in percent of one core. */
  private static double cpuPercent(int seconds) {
    Supplier<Long> cpu = () -> ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    long before = cpu.get();
    long start = System.nanoTime();
    LockSupport.parkNanos(Duration.ofSeconds(seconds).toNanos());
    return 100.0 * (cpu.get() - before) / (System.nanoTime() - start);
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
