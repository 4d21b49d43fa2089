package dev.lakehouse.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhaseBreakdownTest {

  private static ProgressRecord batch(String query, long id, Map<String, Long> durations) {
    return new ProgressRecord(query, "q-" + query, "run", id, ProgressRecord.Event.BATCH, Instant.EPOCH,
        durations.get("triggerExecution"), durations, 10L, 1.0, 1.0, null, null, null, null, null, null);
  }

  @Test
  void mediansPerPhaseWithTheQuerysOwnPhasesUnderAddBatchAndTheRestCounted() {
    PhaseBreakdown breakdown = new PhaseBreakdown();
    breakdown.add(batch("refine", 1, Map.of("triggerExecution", 1000L, "addBatch", 900L, "latestOffset", 50L,
        "addBatch.merge", 600L, "addBatch.lineage", 200L)));
    breakdown.add(batch("refine", 2, Map.of("triggerExecution", 3000L, "addBatch", 2800L, "latestOffset", 150L,
        "addBatch.merge", 2000L, "addBatch.lineage", 300L)));
    breakdown.add(batch("refine", 3, Map.of("triggerExecution", 2000L, "addBatch", 1700L, "latestOffset", 100L,
        "addBatch.merge", 1000L, "addBatch.lineage", 250L)));
    // an idle report does not count
    breakdown.add(new ProgressRecord("refine", "q-refine", "run", 3, ProgressRecord.Event.IDLE, Instant.EPOCH, 5L,
        Map.of("triggerExecution", 5L, "latestOffset", 5L), 0L, null, null, null, null, null, null, null, null));

    List<PhaseBreakdown.Query> queries = breakdown.queries();
    assertThat(queries).hasSize(1);
    PhaseBreakdown.Query refine = queries.get(0);
    assertThat(refine.batches()).isEqualTo(3);
    assertThat(refine.triggerP50()).isEqualTo(2000);
    assertThat(refine.triggerP95()).isEqualTo(3000);
    assertThat(refine.phases()).containsExactly(
        new PhaseBreakdown.Phase("addBatch", 1700, 0),
        new PhaseBreakdown.Phase("merge", 1000, 1),
        new PhaseBreakdown.Phase("lineage", 250, 1),
        // 100, 500, 450 outside merge and lineage
        new PhaseBreakdown.Phase(PhaseBreakdown.OTHER, 450, 1),
        new PhaseBreakdown.Phase("latestOffset", 100, 0));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    breakdown.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("refine: 3 batches, whole batch p50 2,000 ms, p95 3,000 ms")
        .contains("\n         1,000  merge\n");
  }

  @Test
  void aQueryWithoutPhasesOfItsOwnListsSparksAlone() {
    PhaseBreakdown breakdown = new PhaseBreakdown();
    breakdown.add(batch("noop", 0, Map.of("triggerExecution", 40L, "addBatch", 30L, "walCommit", 5L)));
    assertThat(breakdown.queries().get(0).phases()).extracting(PhaseBreakdown.Phase::name).containsExactly("addBatch", "walCommit");
  }
}
