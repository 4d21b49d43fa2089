package dev.lakehouse.monitor;

import dev.lakehouse.config.LakehouseConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When a streaming query is unhealthy, from its progress reports alone (no I/O, no clock: the
 * time is a parameter).
 *
 * <ul>
 *   <li>slow: its last micro-batch took longer than {@code slowBatch};
 *   <li>behind: rows arrived faster than it processed them in each of its last {@code behindBatches}
 *       reports (an idle report means it caught up and ends the streak); or its end-to-end lag (from
 *       the newest event time a batch committed to the batch's end) was above {@code maxLag} in each
 *       of its last {@code behindBatches} reports and no smaller at the last than at the first (a
 *       backfill of old events lags by days but catches up, so it is not behind);
 *   <li>stalled: it is running but reported nothing for {@code stallAfter}.
 * </ul>
 */
public final class HealthRules {
  public static final String SLOW_BATCH = "stream.slow_batch";
  public static final String FALLING_BEHIND = "stream.falling_behind";
  public static final String STALLED = "stream.stalled";

  private final Duration slowBatch;
  private final int behindBatches;
  private final Duration stallAfter;
  private final Duration maxLag;

  public HealthRules(Duration slowBatch, int behindBatches, Duration stallAfter, Duration maxLag) {
    this.slowBatch = slowBatch;
    this.behindBatches = behindBatches;
    this.stallAfter = stallAfter;
    this.maxLag = maxLag;
  }

  public static HealthRules of(LakehouseConfig.Monitor config) {
    return new HealthRules(config.slowBatch(), config.behindBatches(), config.stallAfter(), config.maxLag());
  }

  public Duration slowBatch() {
    return slowBatch;
  }

  public int behindBatches() {
    return behindBatches;
  }

  public Duration stallAfter() {
    return stallAfter;
  }

  /** Whether the report is of a micro-batch that took longer than the threshold. */
  public boolean isSlow(ProgressRecord report) {
    return report.ran() && report.batchDurationMs() != null && report.batchDurationMs() > slowBatch.toMillis();
  }

  /** Whether one report's input rate is above its processing rate. */
  public static boolean isOutpaced(ProgressRecord report) {
    return report.ran() && report.inputRowsPerSecond() != null && report.processedRowsPerSecond() != null
        && report.inputRowsPerSecond() > report.processedRowsPerSecond();
  }

  /** Whether the last {@code behindBatches} of the reports (oldest first) were all outpaced. */
  public boolean isBehind(List<ProgressRecord> reports) {
    if (reports.size() < behindBatches) {
      return false;
    }
    return reports.subList(reports.size() - behindBatches, reports.size()).stream().allMatch(HealthRules::isOutpaced);
  }

  public Duration maxLag() {
    return maxLag;
  }

  /**
   * A batch's end-to-end lag: from the newest event time it committed to the batch's end (its
   * trigger's start plus its duration); null when the query did not tell.
   */
  public static Duration lagAtCommit(ProgressRecord report) {
    if (!report.ran() || report.newestEventAt() == null) {
      return null;
    }
    Instant end = report.progressAt().plusMillis(report.batchDurationMs() == null ? 0 : report.batchDurationMs());
    return Duration.between(report.newestEventAt(), end);
  }

  /**
   * Whether the last {@code behindBatches} reports (oldest first) are all batches whose lag at commit
   * was above {@code maxLag}, the last no smaller than the first: the query is not catching up (an
   * idle report among them means it caught up). A zero {@code maxLag} turns the rule off.
   */
  public boolean isLagging(List<ProgressRecord> reports) {
    if (maxLag.isZero() || reports.size() < behindBatches) {
      return false;
    }
    List<Duration> lags = new java.util.ArrayList<>();
    for (ProgressRecord report : reports.subList(reports.size() - behindBatches, reports.size())) {
      Duration lag = lagAtCommit(report);
      if (lag == null || lag.compareTo(maxLag) <= 0) {
        return false;
      }
      lags.add(lag);
    }
    return lags.get(lags.size() - 1).compareTo(lags.get(0)) >= 0;
  }

  /** Whether a running query whose last report was at {@code lastReportAt} is stalled at {@code now}. */
  public boolean isStalled(Instant lastReportAt, Instant now) {
    return Duration.between(lastReportAt, now).compareTo(stallAfter) > 0;
  }

  /** The health of one query run from its latest reports (oldest first, at least one) at {@code now}. */
  public Verdict verdict(List<ProgressRecord> reports, Instant now) {
    ProgressRecord last = reports.get(reports.size() - 1);
    if (last.event() == ProgressRecord.Event.TERMINATED) {
      return last.error() == null
          ? new Verdict(Health.STOPPED, "stopped at " + last.progressAt())
          : new Verdict(Health.FAILED, "failed at " + last.progressAt() + ": " + last.error());
    }
    if (isStalled(last.progressAt(), now)) {
      return new Verdict(Health.STALLED, "no progress for " + human(Duration.between(last.progressAt(), now))
          + " (threshold " + human(stallAfter) + "); the process may be gone or stuck");
    }
    if (isSlow(last)) {
      return new Verdict(Health.SLOW, "batch " + last.batchId() + " took "
          + human(Duration.ofMillis(last.batchDurationMs())) + " (threshold " + human(slowBatch) + ")");
    }
    if (isLagging(reports)) {
      return new Verdict(Health.BEHIND, lagReason(last));
    }
    if (isBehind(reports)) {
      return new Verdict(Health.BEHIND, "input rate above processing rate for the last " + behindBatches + " batches");
    }
    return new Verdict(Health.HEALTHY, last.ran() ? "processing" : "idle, waiting for data");
  }

  /**
   * The end-to-end lag at {@code now} of the newest event time a query committed: never below zero
   * (events may carry times slightly ahead of the clock); null when the query did not tell.
   */
  public static Duration lagAt(ProgressRecord batch, Instant now) {
    if (batch.newestEventAt() == null) {
      return null;
    }
    Duration lag = Duration.between(batch.newestEventAt(), now);
    return lag.isNegative() ? Duration.ZERO : lag;
  }

  /** Why a lagging query is behind, in words. */
  String lagReason(ProgressRecord last) {
    return "end-to-end lag " + human(lagAtCommit(last)) + " at batch " + last.batchId() + ", above " + human(maxLag)
        + " and not shrinking over the last " + behindBatches + " batches";
  }

  /** A duration as people read it: 850ms, 75.2s, 12m, 3h. */
  public static String human(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    if (ms < 120_000) {
      return String.format("%.1fs", ms / 1000.0);
    }
    return ms < 7_200_000 ? (ms / 60_000) + "m" : (ms / 3_600_000) + "h";
  }

  /** How a query is doing. */
  public enum Health { HEALTHY, SLOW, BEHIND, STALLED, STOPPED, FAILED }

  /** A health and why, in words. */
  public record Verdict(Health health, String reason) {}
}
