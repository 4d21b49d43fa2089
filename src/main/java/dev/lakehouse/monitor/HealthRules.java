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
 *       reports (an idle report means it caught up and ends the streak);
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

  public HealthRules(Duration slowBatch, int behindBatches, Duration stallAfter) {
    this.slowBatch = slowBatch;
    this.behindBatches = behindBatches;
    this.stallAfter = stallAfter;
  }

  public static HealthRules of(LakehouseConfig.Monitor config) {
    return new HealthRules(config.slowBatch(), config.behindBatches(), config.stallAfter());
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
    if (isBehind(reports)) {
      return new Verdict(Health.BEHIND, "input rate above processing rate for the last " + behindBatches + " batches");
    }
    return new Verdict(Health.HEALTHY, last.ran() ? "processing" : "idle, waiting for data");
  }

  /** A duration as people read it: 850ms, 75.2s, 12m, 3h. */
  static String human(Duration d) {
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
