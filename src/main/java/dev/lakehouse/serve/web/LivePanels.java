package dev.lakehouse.serve.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakehouse.catalog.TableCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The panels' latest figures, kept up to date incrementally: a poller looks at the Delta version of
 * the tables read by the panels someone watches (one file status per table, see {@link TableVersions}),
 * and only a panel whose tables got a commit since it was computed is computed again, on a small pool
 * of worker threads (one panel at most once at a time), then pushed to the page's subscribers. With no
 * page open nothing is polled; with a page open and no commits, a poll is a few file statuses.
 */
final class LivePanels implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LivePanels.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A panel whose query failed is tried again after this long even without a commit. */
  private static final Duration RETRY_FAILED = Duration.ofSeconds(10);
  private static final Duration HEARTBEAT = Duration.ofSeconds(15);
  private static final Duration COMPUTE_TIMEOUT = Duration.ofMinutes(2);
  /** Panels computed at the same time: small Spark jobs spend most of their time in driver-side planning. */
  private static final int WORKERS = 2;

  private final SparkSession spark;
  private final TableCatalog catalog;
  private final Clock clock;
  private final Map<String, Panel> panels = new LinkedHashMap<>();
  private final TableVersions versions;
  private final Map<String, Computed> computed = new ConcurrentHashMap<>();
  private final Map<String, Object> panelLocks = new ConcurrentHashMap<>();
  private final Map<String, DayAt> days = new ConcurrentHashMap<>();
  private final Map<String, Object> dayLocks = new ConcurrentHashMap<>();
  private final Set<String> queued = ConcurrentHashMap.newKeySet();
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(daemon("dashboard-poll"));
  private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, daemon("dashboard-panels"));

  /** A panel's figures as JSON, and the versions of its tables read just before its query ran. */
  record Computed(Map<String, Long> versions, Instant at, long millis, boolean failed, String json) {}

  /** The latest day in a table's column as of one version of the table. */
  private record DayAt(long version, LocalDate day) {}

  /** Someone watching a page: receives each of its panels as it changes. */
  interface Subscriber {
    Page page();

    /** Sends one event; false when the subscriber is gone. */
    boolean send(String event, String data);
  }

  LivePanels(SparkSession spark, TableCatalog catalog, List<Panel> panels, Clock clock, Duration pollInterval) {
    this.spark = spark;
    this.catalog = catalog;
    this.clock = clock;
    panels.forEach(p -> {
      this.panels.put(p.id(), p);
      panelLocks.put(p.id(), new Object());
    });
    this.versions = new TableVersions(spark.sparkContext().hadoopConfiguration());
    poller.scheduleWithFixedDelay(this::pollQuietly, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    poller.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  List<Panel> panels() {
    return List.copyOf(panels.values());
  }

  List<Panel> panels(Page page) {
    return panels.values().stream().filter(p -> p.page() == page).toList();
  }

  Panel panel(String id) {
    Panel panel = panels.get(id);
    if (panel == null) {
      throw new IllegalArgumentException("Invalid panel '" + id + "': the dashboard has " + panels.keySet());
    }
    return panel;
  }

  /** The panel's current figures as JSON, computed now if a table changed since (waits for the worker). */
  String current(String id) {
    Panel panel = panel(id);
    try {
      return workers.submit(() -> fresh(panel).json()).get(COMPUTE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Cannot compute panel " + id + ": interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot compute panel " + id + ": " + e.getMessage(), e);
    }
  }

  /** Starts pushing the page's panels to the subscriber: all of them now, then each as it changes. */
  void subscribe(Subscriber subscriber) {
    subscribers.add(subscriber);
    for (Panel panel : panels(subscriber.page())) {
      workers.submit(() -> {
        if (subscribers.contains(subscriber) && !subscriber.send("panel", fresh(panel).json())) {
          subscribers.remove(subscriber);
        }
      });
    }
  }

  void unsubscribe(Subscriber subscriber) {
    subscribers.remove(subscriber);
  }

  int subscriberCount() {
    return subscribers.size();
  }

  /** Panels being computed or waiting for a worker. */
  int computing() {
    return inFlight.size() + queued.size();
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (RuntimeException e) {
      LOG.warn("Cannot poll the dashboard's table versions: {}", e.getMessage());
    }
  }

  /** Queues the watched panels whose tables moved on since they were computed (or that are due). */
  void poll() {
    Set<Page> watched = subscribers.stream().map(Subscriber::page).collect(Collectors.toSet());
    if (watched.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Map<String, Long> latest = new LinkedHashMap<>();
    List<Panel> moved = new java.util.ArrayList<>();
    for (Panel panel : panels.values()) {
      if (!watched.contains(panel.page()) || inFlight.contains(panel.id()) || queued.contains(panel.id())) {
        continue;
      }
      Map<String, Long> current = versionsOf(panel, latest);
      Computed last = computed.get(panel.id());
      // a panel never computed is computed when a page or the API first asks for it
      if (last != null && (!last.versions().equals(current) || due(panel, last, now))) {
        moved.add(panel);
      }
    }
    // the quickest first: the most panels are up to date soonest
    moved.sort(java.util.Comparator.comparingLong(panel -> computed.get(panel.id()).millis()));
    for (Panel panel : moved) {
      if (queued.add(panel.id())) {
        workers.submit(() -> refresh(panel));
      }
    }
  }

  private static boolean due(Panel panel, Computed last, Instant now) {
    Duration every = last.failed() ? RETRY_FAILED : panel.refreshEvery().orElse(null);
    return every != null && last.at().plus(every).isBefore(now);
  }

  // on a worker: recompute a panel the poller queued and push it to its page's subscribers
  private void refresh(Panel panel) {
    queued.remove(panel.id());
    Computed before = computed.get(panel.id());
    Computed result = fresh(panel);
    if (result != before) {
      broadcast(panel.page(), result.json());
    }
  }

  private void broadcast(Page page, String json) {
    for (Subscriber subscriber : subscribers) {
      if (subscriber.page() == page && !subscriber.send("panel", json)) {
        subscribers.remove(subscriber);
      }
    }
  }

  private void heartbeat() {
    for (Subscriber subscriber : subscribers) {
      if (!subscriber.send("heartbeat", clock.instant().toString())) {
        subscribers.remove(subscriber);
      }
    }
  }

  // on a worker: the cached figures if no table moved since, else computed now (one computation of a panel at a time)
  private Computed fresh(Panel panel) {
    synchronized (panelLocks.get(panel.id())) {
      Computed last = computed.get(panel.id());
      if (last != null && last.versions().equals(versionsOf(panel, new LinkedHashMap<>()))
          && !due(panel, last, clock.instant())) {
        return last;
      }
      return compute(panel);
    }
  }

  private Computed compute(Panel panel) {
    inFlight.add(panel.id());
    try {
      Map<String, Long> before = versionsOf(panel, new LinkedHashMap<>());
      Instant now = clock.instant();
      ObjectNode json = header(panel, before, now);
      boolean failed = false;
      try {
        spark.sparkContext().setJobGroup("dashboard", "dashboard panel " + panel.id(), true);
        LocalDate day = panel.day().map(d -> latestDay(d, before.get(d.table()))).orElse(null);
        PanelData data = panel.query().run(spark, new Panel.Inputs(day, now));
        json.put("day", day == null ? null : day.toString());
        json.set("columns", JSON.valueToTree(data.columns()));
        json.set("rows", JSON.valueToTree(data.rows()));
      } catch (RuntimeException e) {
        failed = true;
        LOG.warn("Cannot compute dashboard panel {}: {}", panel.id(), e.getMessage());
        json.put("error", "Cannot compute this panel: " + firstLine(e.getMessage()));
      } finally {
        spark.sparkContext().clearJobGroup();
      }
      long millis = Duration.between(now, clock.instant()).toMillis();
      json.put("computed_ms", millis);
      Computed result = new Computed(before, now, millis, failed, json.toString());
      computed.put(panel.id(), result);
      return result;
    } finally {
      inFlight.remove(panel.id());
    }
  }

  private ObjectNode header(Panel panel, Map<String, Long> tableVersions, Instant now) {
    ObjectNode json = JSON.createObjectNode()
        .put("id", panel.id())
        .put("page", panel.page().slug)
        .put("title", panel.title())
        .put("kind", panel.kind().json());
    json.set("tables", JSON.valueToTree(tableVersions));
    json.put("computed_at", now.toString());
    json.putNull("day");
    json.set("columns", JSON.createArrayNode());
    json.set("rows", JSON.createArrayNode());
    json.putNull("error");
    return json;
  }

  // the latest day of the column, looked up once per version of its table (several panels share one)
  private LocalDate latestDay(Panel.DayOf day, long version) {
    String key = day.table() + "." + day.column();
    synchronized (dayLocks.computeIfAbsent(key, k -> new Object())) {
      DayAt known = days.get(key);
      if (known != null && known.version() == version) {
        return known.day();
      }
      Row row = spark.read().format("delta").load(catalog.location(day.table()))
          .agg(org.apache.spark.sql.functions.max(day.column()))
          .head();
      LocalDate latest = row.isNullAt(0) ? null : row.getDate(0).toLocalDate();
      days.put(key, new DayAt(version, latest));
      return latest;
    }
  }

  // versions of the panel's tables; `seen` saves looking at a table twice in one poll
  private Map<String, Long> versionsOf(Panel panel, Map<String, Long> seen) {
    Map<String, Long> result = new LinkedHashMap<>();
    for (String table : panel.tables()) {
      result.put(table, seen.computeIfAbsent(table, latestVersion()));
    }
    return result;
  }

  private Function<String, Long> latestVersion() {
    return table -> {
      synchronized (versions) {
        return versions.latest(catalog.location(table));
      }
    };
  }

  private static String firstLine(String message) {
    String text = String.valueOf(message);
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    poller.shutdownNow();
    workers.shutdownNow();
    subscribers.clear();
  }
}
