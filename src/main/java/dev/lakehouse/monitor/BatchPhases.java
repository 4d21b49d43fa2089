package dev.lakehouse.monitor;

import dev.lakehouse.Timings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * Where a streaming micro-batch's own work goes: the steps of a query's foreachBatch (parse,
 * quarantine, quality gate, MERGE, lineage, ...) timed on the stream's thread, kept by query run
 * and batch, and joined to the batch's progress report by {@link ProgressRecord#of} as
 * {@code addBatch.<phase>} durations next to Spark's own (latestOffset, getBatch, queryPlanning,
 * addBatch, walCommit, commitOffsets). Only the outermost phase of nested ones is kept, so the
 * phases of a batch add up to at most its addBatch.
 *
 * <p>A batch also tells how fresh what it committed is ({@link #committed}): the newest event time
 * among its records, which the report carries as {@link ProgressRecord#newestEventAt} for the
 * end-to-end lag that `status` shows and {@link HealthRules} judges.
 *
 * <p>Outside a streaming batch {@link #time} only runs the work (and reports it to {@link Timings})
 * and {@link #committed} does nothing.
 */
public final class BatchPhases {
  /** The prefix of a phase's key among a progress report's durations. */
  public static final String PREFIX = "addBatch.";
  // the local properties Spark sets on a stream's thread: StreamExecution.QUERY_ID_KEY, MicroBatchExecution.BATCH_ID_KEY,
  // and the job group, which is the run's id (a batch retried after a restart is a new run's)
  private static final String QUERY_ID = "sql.streaming.queryId";
  private static final String BATCH_ID = "streaming.sql.batchId";
  private static final String RUN_ID = "spark.jobGroup.id";
  /** Batches kept per run, oldest dropped first: a report is read within moments of its batch (recentProgress keeps 100). */
  static final int KEPT_BATCHES = 200;
  /** Runs kept, least recently used dropped first. */
  private static final int KEPT_RUNS = 64;
  private static final Map<String, Map<Long, Facts>> RUNS = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Map<Long, Facts>> eldest) {
      return size() > KEPT_RUNS;
    }
  };
  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

  private BatchPhases() {}

  /** One micro-batch of one run of a query. */
  record Batch(String runId, long batchId) {}

  /** What is known of a batch: its phases in the order they first ran, the newest event time it committed. */
  private static final class Facts {
    final Map<String, Long> phases = new LinkedHashMap<>();
    Instant newestEventAt;
  }

  /** Runs {@code work} as a named phase of the current micro-batch, if any, and returns its result. */
  public static <T> T time(String phase, Supplier<T> work) {
    Batch batch = DEPTH.get() == 0 ? current() : null;
    if (batch == null) {
      return Timings.time(phase, work);
    }
    long start = System.nanoTime();
    DEPTH.set(1);
    try {
      return Timings.time(phase, work);
    } finally {
      DEPTH.set(0);
      add(batch, phase, (System.nanoTime() - start) / 1_000_000);
    }
  }

  /** Runs {@code work} as a named phase of the current micro-batch, if any. */
  public static void time(String phase, Runnable work) {
    time(phase, () -> {
      work.run();
      return null;
    });
  }

  /**
   * Records that the current micro-batch, if any, committed records up to this event time (null:
   * none had one); called once the batch's output is committed. The newest of several calls counts.
   */
  public static void committed(Instant newestEventAt) {
    Batch batch = newestEventAt == null ? null : current();
    if (batch != null) {
      synchronized (RUNS) {
        Facts facts = facts(batch);
        if (facts.newestEventAt == null || newestEventAt.isAfter(facts.newestEventAt)) {
          facts.newestEventAt = newestEventAt;
        }
      }
    }
  }

  /** The phases timed in a run's batch, in the order they first ran, in milliseconds; empty when none. */
  public static Map<String, Long> of(String runId, long batchId) {
    synchronized (RUNS) {
      Facts facts = find(new Batch(runId, batchId));
      return facts == null ? Map.of() : new LinkedHashMap<>(facts.phases);
    }
  }

  /** The newest event time a run's batch committed; null when it did not say. */
  public static Instant newestEventAt(String runId, long batchId) {
    synchronized (RUNS) {
      Facts facts = find(new Batch(runId, batchId));
      return facts == null ? null : facts.newestEventAt;
    }
  }

  static void add(Batch batch, String phase, long millis) {
    synchronized (RUNS) {
      facts(batch).phases.merge(phase, millis, Long::sum);
    }
  }

  // under the lock
  private static Facts facts(Batch batch) {
    Map<Long, Facts> batches = RUNS.computeIfAbsent(batch.runId(), run -> new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Facts> eldest) {
        return size() > KEPT_BATCHES;
      }
    });
    return batches.computeIfAbsent(batch.batchId(), id -> new Facts());
  }

  // under the lock
  private static Facts find(Batch batch) {
    Map<Long, Facts> batches = RUNS.get(batch.runId());
    return batches == null ? null : batches.get(batch.batchId());
  }

  // the run and batch of this thread's streaming micro-batch, from Spark's local properties
  private static Batch current() {
    Option<SparkSession> session = SparkSession.getActiveSession();
    if (session.isEmpty()) {
      session = SparkSession.getDefaultSession();
    }
    if (session.isEmpty()) {
      return null;
    }
    // local properties are the thread's, whichever session of the context asks
    SparkContext context = session.get().sparkContext();
    String queryId = context.getLocalProperty(QUERY_ID);
    String runId = context.getLocalProperty(RUN_ID);
    String batchId = context.getLocalProperty(BATCH_ID);
    if (queryId == null || runId == null || batchId == null) {
      return null;
    }
    try {
      return new Batch(runId, Long.parseLong(batchId));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
