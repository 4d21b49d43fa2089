package dev.lakehouse.monitor;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each streaming query's micro-batches spend their time: the median of every phase over the
 * batches that ran, Spark's phases from the progress reports (latestOffset, getBatch,
 * queryPlanning, addBatch, walCommit, commitOffsets, ...) with the query's own foreachBatch phases
 * ({@link BatchPhases}) under addBatch, and what addBatch spent outside them.
 */
public final class PhaseBreakdown {
  static final String TRIGGER = "triggerExecution";
  static final String ADD_BATCH = "addBatch";
  static final String OTHER = "(outside the named phases)";

  private final Map<String, List<Map<String, Long>>> byQuery = new TreeMap<>();

  /** Adds a report; only those of batches that ran count. */
  public synchronized void add(ProgressRecord report) {
    if (report.ran() && report.durationsMs() != null) {
      byQuery.computeIfAbsent(report.queryName(), q -> new ArrayList<>()).add(report.durationsMs());
    }
  }

  /** One query's figures: batches, the trigger's p50 and p95, and each phase's median (nested phases indented). */
  public record Query(String name, int batches, long triggerP50, long triggerP95, List<Phase> phases) {}

  /** A phase's median over the batches, in milliseconds; {@code depth} 1 for a part of addBatch. */
  public record Phase(String name, long medianMs, int depth) {}

  /** The figures of every query, by name. */
  public synchronized List<Query> queries() {
    List<Query> queries = new ArrayList<>();
    byQuery.forEach((name, batches) -> queries.add(query(name, batches)));
    return queries;
  }

  static Query query(String name, List<Map<String, Long>> batches) {
    Map<String, long[]> values = new LinkedHashMap<>();
    for (Map<String, Long> batch : batches) {
      for (String phase : batch.keySet()) {
        values.computeIfAbsent(phase, p -> new long[batches.size()]);
      }
    }
    long[] other = new long[batches.size()];
    for (int i = 0; i < batches.size(); i++) {
      Map<String, Long> batch = batches.get(i);
      long named = 0;
      for (Map.Entry<String, long[]> e : values.entrySet()) {
        long ms = batch.getOrDefault(e.getKey(), 0L);
        e.getValue()[i] = ms;
        if (e.getKey().startsWith(BatchPhases.PREFIX)) {
          named += ms;
        }
      }
      other[i] = Math.max(0, batch.getOrDefault(ADD_BATCH, 0L) - named);
    }
    long[] trigger = values.getOrDefault(TRIGGER, new long[batches.size()]);
    List<Phase> top = new ArrayList<>();
    List<Phase> parts = new ArrayList<>();
    values.forEach((phase, ms) -> {
      if (phase.startsWith(BatchPhases.PREFIX)) {
        parts.add(new Phase(phase.substring(BatchPhases.PREFIX.length()), percentile(ms, 0.5), 1));
      } else if (!phase.equals(TRIGGER)) {
        top.add(new Phase(phase, percentile(ms, 0.5), 0));
      }
    });
    Comparator<Phase> slowestFirst = Comparator.comparingLong(Phase::medianMs).reversed();
    top.sort(slowestFirst);
    parts.sort(slowestFirst);
    if (!parts.isEmpty()) {
      parts.add(new Phase(OTHER, percentile(other, 0.5), 1));
    }
    List<Phase> phases = new ArrayList<>();
    for (Phase phase : top) {
      phases.add(phase);
      if (phase.name().equals(ADD_BATCH)) {
        phases.addAll(parts);
      }
    }
    return new Query(name, batches.size(), percentile(trigger, 0.5), percentile(trigger, 0.95), phases);
  }

  /** Prints every query's figures; medians of the parts need not add up to the median of the whole. */
  public void print(PrintStream out) {
    List<Query> queries = queries();
    out.println("per-batch breakdown (median ms over the batches that ran; Spark's phases from the progress reports, "
        + "the query's own phases indented under addBatch):");
    if (queries.isEmpty()) {
      out.println("  no batch ran");
    }
    for (Query query : queries) {
      out.printf("  %s: %d batches, whole batch p50 %,d ms, p95 %,d ms%n", query.name(), query.batches(),
          query.triggerP50(), query.triggerP95());
      for (Phase phase : query.phases()) {
        out.printf("    %s%,8d  %s%n", "  ".repeat(phase.depth()), phase.medianMs(), phase.name());
      }
    }
  }

  static long percentile(long[] values, double p) {
    if (values.length == 0) {
      return 0;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int nearestRank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, nearestRank) - 1)];
  }
}
