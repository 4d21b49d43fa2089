package dev.lakehouse.cli;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.monitor.HealthRules;
import dev.lakehouse.monitor.ProgressRecord;
import dev.lakehouse.monitor.StreamStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Health of each streaming query, from ops.stream_progress: last batch, rates, watermark, end-to-end "
        + "lag (now minus the newest event time it committed), state rows and a verdict (HEALTHY, SLOW, BEHIND, STALLED, "
        + "STOPPED, FAILED) with its reason.",
        "Thresholds: monitor.slow-batch, monitor.behind-batches, monitor.stall-after, monitor.max-lag."})
final class StatusCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--since", paramLabel = "DURATION", defaultValue = "24h", converter = LogsCommand.DurationConverter.class,
      description = "Only queries that reported within this long (default ${DEFAULT-VALUE}).")
  Duration since;

  @Option(names = "--fail-on-unhealthy",
      description = "Exit 1 when a query is SLOW, BEHIND, STALLED or FAILED (for schedulers and health checks).")
  boolean failOnUnhealthy;

  @Override
  public Integer call() {
    Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-status");
    HealthRules rules = HealthRules.of(lakehouse.config().monitor());
    Instant now = Instant.now();
    Map<String, List<ProgressRecord>> byQuery = StreamStatus.latestReports(lakehouse.spark(), lakehouse.catalog(),
        now.minus(since), rules.behindBatches() + 1);
    if (byQuery.isEmpty()) {
      System.out.println("No streaming query reported progress since " + now.minus(since).truncatedTo(ChronoUnit.SECONDS)
          + " (widen with --since; progress is in ops.stream_progress)");
      return 0;
    }
    String format = "%-34s %-8s %-20s %8s %9s %11s %11s %-20s %9s %10s  %s%n";
    System.out.printf(format, "query", "verdict", "last report (UTC)", "batch", "duration", "input/s", "processed/s",
        "watermark (UTC)", "lag", "state rows", "reason");
    boolean unhealthy = false;
    for (Map.Entry<String, List<ProgressRecord>> query : byQuery.entrySet()) {
      List<ProgressRecord> reports = query.getValue();
      HealthRules.Verdict verdict = rules.verdict(reports, now);
      ProgressRecord last = reports.get(reports.size() - 1);
      ProgressRecord batch = reports.stream().filter(ProgressRecord::ran).reduce((a, b) -> b).orElse(last);
      System.out.printf(format, query.getKey(), verdict.health(), last.progressAt().truncatedTo(ChronoUnit.SECONDS),
          batch.ran() ? Long.toString(batch.batchId()) : "-",
          batch.batchDurationMs() == null ? "-" : String.format("%.1fs", batch.batchDurationMs() / 1000.0),
          rate(batch.inputRowsPerSecond()), rate(batch.processedRowsPerSecond()),
          batch.watermarkAt() == null ? "-" : batch.watermarkAt().truncatedTo(ChronoUnit.SECONDS),
          batch.newestEventAt() == null ? "-" : HealthRules.human(HealthRules.lagAt(batch, now)),
          batch.stateRows() == null ? "-" : String.format("%,d", batch.stateRows()), verdict.reason());
      unhealthy |= switch (verdict.health()) {
        case SLOW, BEHIND, STALLED, FAILED -> true;
        default -> false;
      };
    }
    return failOnUnhealthy && unhealthy ? 1 : 0;
  }

  private static String rate(Double perSecond) {
    return perSecond == null ? "-" : String.format("%,.1f", perSecond);
  }
}
