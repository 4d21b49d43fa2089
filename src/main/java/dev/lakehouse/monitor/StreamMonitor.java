package dev.lakehouse.monitor;

import dev.lakehouse.alerts.Alert;
import dev.lakehouse.alerts.AlertStore;
import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears every streaming query of a session: records each progress report in ops.stream_progress
 * and raises an alert, once per episode, when a query's batch is slow, when it falls behind its
 * input for several batches, or when it stops reporting.
 *
 * <p>The listener methods only update memory and queue; a background thread writes the reports
 * and raises the alerts every {@code monitor.write-interval}, and once more on {@link #close}
 * (which the JVM's shutdown runs after the queries stopped and before Spark stops).
 */
public final class StreamMonitor extends StreamingQueryListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamMonitor.class);
  /** Spark stops its context at priority 50 and StreamingQueries stops queries at 60. */
  private static final int FLUSH_PRIORITY = 55;
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);
  /** The last write on close may take this long; the JVM's exit is not held up longer. */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(15);
  private static final Map<SparkSession, StreamMonitor> INSTALLED = new IdentityHashMap<>();
  private static boolean hookAdded;

  private final SparkSession spark;
  private final LakehouseConfig config;
  private final HealthRules rules;
  private final ProgressWriter writer;
  private final AlertStore alerts;
  private final Clock clock;
  private final EpisodeTracker<Condition> episodes = new EpisodeTracker<>();
  private final Map<UUID, Running> running = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Alert> toRaise = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService background;

  /** A rule about one query (by id, stable across restarts). */
  record Condition(String queryId, String rule) {}

  /** What the monitor remembers of a running query: its name, last report and recent batches. */
  private static final class Running {
    final String name;
    final String queryId;
    volatile Instant lastReportAt;
    volatile long lastBatchId = -1;
    final Deque<ProgressRecord> recent = new ArrayDeque<>();

    Running(String name, UUID queryId, Instant startedAt) {
      this.name = name;
      this.queryId = queryId.toString();
      this.lastReportAt = startedAt;
    }
  }

  StreamMonitor(SparkSession spark, TableCatalog catalog, Clock clock) {
    this.spark = spark;
    this.config = catalog.config();
    this.rules = HealthRules.of(config.monitor());
    this.writer = new ProgressWriter(spark, catalog);
    this.alerts = new AlertStore(catalog);
    this.clock = clock;
    this.background = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "lakehouse-stream-monitor");
      thread.setDaemon(true);
      return thread;
    });
    long every = config.monitor().writeInterval().toMillis();
    background.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Installs the monitor of a session (one per session): a session already monitored for the same
   * storage root keeps its monitor; one monitored for another root gets a new one.
   */
  public static synchronized StreamMonitor install(SparkSession spark, TableCatalog catalog) {
    StreamMonitor current = INSTALLED.get(spark);
    if (current != null && current.config.home().equals(catalog.config().home())
        && current.config.monitor().equals(catalog.config().monitor())
        && current.config.alerts().equals(catalog.config().alerts())) {
      return current;
    }
    if (current != null) {
      current.close();
    }
    StreamMonitor monitor = new StreamMonitor(spark, catalog, Clock.systemUTC());
    spark.streams().addListener(monitor);
    INSTALLED.put(spark, monitor);
    if (!hookAdded) {
      org.apache.spark.util.ShutdownHookManager.addShutdownHook(FLUSH_PRIORITY, () -> {
        closeAll();
        return scala.runtime.BoxedUnit.UNIT;
      });
      hookAdded = true;
    }
    return monitor;
  }

  /** The monitor installed on a session, if any. */
  public static synchronized java.util.Optional<StreamMonitor> of(SparkSession spark) {
    return java.util.Optional.ofNullable(INSTALLED.get(spark));
  }

  private static synchronized void closeAll() {
    new ArrayList<>(INSTALLED.values()).forEach(StreamMonitor::close);
  }

  /**
   * For a command that ends normally: writes the last progress of every monitor on this thread,
   * while Spark still runs, and stops them (the shutdown hook then has nothing left to write; left
   * to it, the write raced Spark's own shutdown and was cut off with 'Aborting job').
   */
  public static void closeAllNow() {
    List<StreamMonitor> monitors;
    synchronized (StreamMonitor.class) {
      monitors = new ArrayList<>(INSTALLED.values());
      INSTALLED.clear();
    }
    for (StreamMonitor monitor : monitors) {
      monitor.stopListening();
      try {
        monitor.background.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      monitor.tick();
    }
  }

  private void stopListening() {
    awaitDeliveredEvents();
    try {
      spark.streams().removeListener(this);
    } catch (RuntimeException e) {
      LOG.debug("Cannot remove the stream monitor from a stopping session", e);
    }
    background.shutdown();
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {
    running.put(event.runId(), new Running(ProgressRecord.nameOf(event.name(), event.id()), event.id(), clock.instant()));
  }

  @Override
  public void onQueryProgress(QueryProgressEvent event) {
    ProgressRecord report = ProgressRecord.of(event.progress());
    writer.add(report);
    Running query = running.computeIfAbsent(event.progress().runId(), id -> new Running(report.queryName(), event.progress().id(), clock.instant()));
    query.lastReportAt = clock.instant();
    if (report.ran()) {
      query.lastBatchId = report.batchId();
    }
    List<ProgressRecord> recent;
    synchronized (query.recent) {
      query.recent.addLast(report);
      while (query.recent.size() > rules.behindBatches()) {
        query.recent.removeFirst();
      }
      recent = List.copyOf(query.recent);
    }
    episodes.observe(new Condition(report.queryId(), HealthRules.STALLED), false, report.progressAt());
    if (report.ran()) {
      observe(report, HealthRules.SLOW_BATCH, rules.isSlow(report), since -> alert(report, HealthRules.SLOW_BATCH,
          slowMessage(report), report.batchDurationMs() / 1000.0, "<= " + rules.slowBatch().toMillis() / 1000.0 + " s", since));
    }
    // the lag says what users feel; the rates say why
    boolean lagging = rules.isLagging(recent);
    boolean outpaced = rules.isBehind(recent);
    observe(report, HealthRules.FALLING_BEHIND, lagging || outpaced, since -> lagging
        ? alert(report, HealthRules.FALLING_BEHIND, lagMessage(report), HealthRules.lagAtCommit(report).toMillis() / 1000.0,
            "<= " + rules.maxLag().toSeconds() + " s end-to-end lag", since)
        : alert(report, HealthRules.FALLING_BEHIND, behindMessage(report),
            report.inputRowsPerSecond() / Math.max(report.processedRowsPerSecond(), 1e-9), "input/processed rate <= 1.0", since));
  }

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {
    Running query = running.remove(event.runId());
    String name = query == null ? null : query.name;
    long lastBatch = query == null ? -1 : query.lastBatchId;
    String error = event.exception().isDefined() ? event.exception().get() : null;
    writer.add(ProgressRecord.terminated(name, event.id(), event.runId(), lastBatch, clock.instant(), error));
    String id = event.id().toString();
    episodes.endAll(condition -> condition.queryId().equals(id));
  }

  /** Writes what is queued and raises what was found now, on the caller's thread. */
  public void flush() {
    checkStalls();
    writer.flush();
    List<Alert> raising = new ArrayList<>();
    for (Alert a; (a = toRaise.poll()) != null; ) {
      raising.add(a);
    }
    if (!raising.isEmpty()) {
      alerts.raise(spark, raising);
    }
  }

  /**
   * Stops listening, writes what is left (waiting at most {@link #CLOSE_TIMEOUT}) and stops the
   * background thread.
   */
  @Override
  public void close() {
    synchronized (StreamMonitor.class) {
      INSTALLED.remove(spark, this);
    }
    stopListening();
    Thread last = new Thread(() -> {
      try {
        background.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      tick();
    }, "lakehouse-stream-monitor-close");
    last.setDaemon(true);
    last.start();
    try {
      last.join(CLOSE_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (last.isAlive()) {
      LOG.warn("Cannot write the last streaming progress to {} within {}; the process exits without it",
          ProgressWriter.TABLE, CLOSE_TIMEOUT);
    }
  }

  /**
   * Lets Spark deliver the events already posted (a query that just stopped posts its termination
   * asynchronously), so the last flush has them. Spark's listener bus is internal API; if it cannot
   * be reached the flush goes on without waiting.
   */
  private void awaitDeliveredEvents() {
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty(DRAIN_TIMEOUT.toMillis());
    } catch (Exception e) {
      LOG.debug("Cannot wait for Spark's listener bus to drain", e);
    }
  }

  private void tick() {
    try {
      flush();
    } catch (Exception e) {
      // Spark's own exceptions are checked ones, thrown from Scala without being declared
      LOG.warn("Cannot write streaming progress to {} (kept for the next try): {}", ProgressWriter.TABLE,
          firstLine(e));
    }
  }

  private void checkStalls() {
    Instant now = clock.instant();
    running.forEach((runId, query) -> {
      boolean stalled = rules.isStalled(query.lastReportAt, now);
      Condition condition = new Condition(query.queryId, HealthRules.STALLED);
      episodes.observe(condition, stalled, query.lastReportAt).ifPresent(since -> toRaise.add(new Alert(
          "platform", HealthRules.STALLED, "critical", query.name,
          String.format("Query %s has reported no progress since %s (threshold %s); its process may be stuck. "
              + "See `lakehouse status` and ops.stream_progress", query.name, since, HealthRules.human(rules.stallAfter())),
          (double) Duration.between(since, now).toSeconds(), "<= " + rules.stallAfter().toSeconds() + " s",
          since, null, now)));
    });
  }

  private void observe(ProgressRecord report, String rule, boolean holds, java.util.function.Function<Instant, Alert> alert) {
    Condition condition = new Condition(report.queryId(), rule);
    episodes.observe(condition, holds, report.progressAt()).ifPresent(since -> toRaise.add(alert.apply(since)));
  }

  private static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private Alert alert(ProgressRecord report, String rule, String message, double value, String expected, Instant since) {
    return new Alert("platform", rule, "warning", report.queryName(), message, value, expected, since, null,
        clock.instant());
  }

  private String slowMessage(ProgressRecord r) {
    return String.format("Query %s: batch %d took %s (threshold %s); see `lakehouse status` and ops.stream_progress",
        r.queryName(), r.batchId(), HealthRules.human(Duration.ofMillis(r.batchDurationMs() == null ? 0 : r.batchDurationMs())),
        HealthRules.human(rules.slowBatch()));
  }

  private String behindMessage(ProgressRecord r) {
    return String.format("Query %s is falling behind: rows arrived faster than it processed them for %d batches "
            + "(last: %.1f in/s, %.1f processed/s); it needs more resources or a larger trigger interval",
        r.queryName(), rules.behindBatches(), orZero(r.inputRowsPerSecond()), orZero(r.processedRowsPerSecond()));
  }

  private String lagMessage(ProgressRecord r) {
    return String.format("Query %s is falling behind: %s; see `lakehouse status` and ops.stream_progress",
        r.queryName(), rules.lagReason(r));
  }

  private static double orZero(Double value) {
    return value == null ? 0 : value;
  }
}
