package dev.lakehouse.spark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/** Waiting for a set of streaming queries, reporting progress, and explaining their failures. */
public final class StreamingQueries {
  private static final Duration POLL = Duration.ofMillis(500);

  /** Spark stops its context at priority 50; queries must stop before that. */
  private static final int STOP_QUERIES_PRIORITY = 60;
  private static final java.util.concurrent.atomic.AtomicBoolean SHUTTING_DOWN = new java.util.concurrent.atomic.AtomicBoolean();

  private StreamingQueries() {}

  /**
   * On Ctrl-C (SIGINT) or SIGTERM, stops the queries before Spark stops its context, so each ends
   * between batches and its checkpoint keeps the position.
   */
  public static void stopOnShutdown(List<StreamingQuery> queries, PrintStream out) {
    org.apache.spark.util.ShutdownHookManager.addShutdownHook(STOP_QUERIES_PRIORITY, () -> {
      SHUTTING_DOWN.set(true);
      stopAll(queries);
      out.printf("Stopped %d quer%s cleanly; their checkpoints keep the position.%n",
          queries.size(), queries.size() == 1 ? "y" : "ies");
      out.flush();
      return scala.runtime.BoxedUnit.UNIT;
    });
  }

  /**
   * The id of the streaming query whose micro-batch runs in this session (Spark sets it as a local
   * property on the batch's threads); stable across restarts from one checkpoint.
   */
  public static String queryId(org.apache.spark.sql.SparkSession batchSession) {
    return batchSession.sparkContext().getLocalProperty("sql.streaming.queryId");
  }

  /** Whether the process is stopping (after Ctrl-C): nothing more should be started. */
  public static boolean shuttingDown() {
    return SHUTTING_DOWN.get();
  }

  /**
   * Waits until every query has stopped (available-now runs end by themselves; continuous ones when
   * stopped), printing progress every {@code every}. If one fails, the others are stopped and the
   * failure is thrown with an explanation.
   */
  public static void awaitAll(List<StreamingQuery> queries, PrintStream out, Duration every) {
    long nextReport = System.nanoTime() + every.toNanos();
    List<StreamingQuery> running = new ArrayList<>(queries);
    while (!running.isEmpty()) {
      StreamingQuery query = running.get(0);
      try {
        if (query.awaitTermination(POLL.toMillis())) {
          running.remove(0);
        } else {
          running.add(running.remove(0));
        }
      } catch (StreamingQueryException e) {
        stopAll(queries);
        if (shuttingDown()) {
          return;
        }
        throw explain(query, e);
      }
      if (System.nanoTime() > nextReport) {
        out.printf("  ... %d of %d queries finished; %s%n", queries.size() - running.size(), queries.size(), progress(queries));
        nextReport = System.nanoTime() + every.toNanos();
      }
    }
  }

  /** Micro-batches committed so far and those in flight, e.g. "12 batches committed, 3 running". */
  public static String progress(List<StreamingQuery> queries) {
    long batches = 0;
    int active = 0;
    for (StreamingQuery query : queries) {
      batches += java.util.Arrays.stream(query.recentProgress()).filter(p -> p.numInputRows() > 0).count();
      if (query.isActive() && query.status().isTriggerActive()) {
        active++;
      }
    }
    return String.format("%,d batches committed, %d running", batches, active);
  }

  /**
   * Rows its source delivered to a query during this process (from its progress reports); a query
   * that reads its batch twice counts it twice.
   */
  public static long rowsRead(StreamingQuery query) {
    long rows = 0;
    for (StreamingQueryProgress progress : query.recentProgress()) {
      rows += progress.numInputRows();
    }
    return rows;
  }

  public static void stopAll(List<StreamingQuery> queries) {
    for (StreamingQuery query : queries) {
      try {
        query.stop();
      } catch (TimeoutException e) {
        throw new IllegalStateException("Cannot stop query " + query.name() + " in time", e);
      }
    }
  }

  static RuntimeException explain(StreamingQuery failed, StreamingQueryException e) {
    String query = failed.name();
    String message = String.valueOf(e.getMessage());
    java.util.Optional<Checkpoints.Damage> damage = damage(failed);
    if (damage.isPresent()) {
      return new IllegalStateException(String.format(
          "Cannot continue %s: its checkpoint file %s is empty or cut short; %s", query, damage.get().file(),
          damage.get().advice()), e);
    }
    if (message.contains("data may have been lost") || message.contains("failOnDataLoss")
        || message.contains("Some data may have been")) {
      return new IllegalStateException(String.format(
          "Cannot continue %s: Kafka no longer holds offsets it has not read yet (deleted by retention); nothing was "
              + "skipped. To skip the gap and record it in ops.pipeline_events, re-run with "
              + "--conf kafka.fail-on-data-loss=false. Kafka source said: %s",
          query, firstLine(message)), e);
    }
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      // a stopped publish explains itself (which table, which checks, where to look)
      if (cause instanceof dev.lakehouse.quality.QualityGateException gate) {
        return new IllegalStateException(gate.getMessage() + " (query " + query + " stopped)", e);
      }
    }
    return new IllegalStateException("Query " + query + " failed: " + firstLine(message), e);
  }

  private static java.util.Optional<Checkpoints.Damage> damage(StreamingQuery query) {
    if (query instanceof org.apache.spark.sql.execution.streaming.StreamingQueryWrapper wrapper) {
      org.apache.spark.sql.execution.streaming.StreamExecution execution = wrapper.streamingQuery();
      return Checkpoints.damage(execution.resolvedCheckpointRoot(), query.sparkSession().sessionState().newHadoopConf());
    }
    return java.util.Optional.empty();
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
