package dev.lakehouse.monitor;

import static dev.lakehouse.monitor.Reports.T0;
import static dev.lakehouse.monitor.Reports.batch;
import static dev.lakehouse.monitor.Reports.idle;
import static dev.lakehouse.monitor.Reports.lagging;
import static dev.lakehouse.monitor.Reports.quickBatch;
import static dev.lakehouse.monitor.Reports.terminated;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthRulesTest {
  private final HealthRules rules = new HealthRules(Duration.ofSeconds(60), 3, Duration.ofMinutes(5), Duration.ofSeconds(30));

  @Test
  void aBatchIsSlowOnlyAboveTheThreshold() {
    assertThat(rules.isSlow(batch("q", 1, 0, 60_000, 1, 1))).isFalse();
    assertThat(rules.isSlow(batch("q", 1, 0, 60_001, 1, 1))).isTrue();
    assertThat(rules.isSlow(idle("q", 2, 0))).isFalse();
  }

  @Test
  void behindNeedsTheInputRateAboveTheProcessingRateForEveryOneOfTheLastBatches() {
    List<ProgressRecord> twoOfThree = List.of(quickBatch("q", 1, 0), batch("q", 2, 5, 900, 900, 300),
        batch("q", 3, 10, 900, 900, 300));
    List<ProgressRecord> three = List.of(batch("q", 1, 0, 900, 900, 300), batch("q", 2, 5, 900, 900, 300),
        batch("q", 3, 10, 900, 900, 300));

    assertThat(rules.isBehind(twoOfThree)).isFalse();
    assertThat(rules.isBehind(three)).isTrue();
    assertThat(rules.isBehind(three.subList(1, 3))).as("fewer batches than the rule needs").isFalse();
  }

  @Test
  void anIdleReportEndsAStreakOfBehindBatches() {
    List<ProgressRecord> caughtUp = List.of(batch("q", 1, 0, 900, 900, 300), batch("q", 2, 5, 900, 900, 300),
        idle("q", 3, 10));

    assertThat(rules.isBehind(caughtUp)).isFalse();
  }

  @Test
  void aBatchWithoutAnInputRateIsNotBehind() {
    ProgressRecord firstBatch = batch("q", 0, 0, 900, 0, 300);
    ProgressRecord noRate = new ProgressRecord("q", "id", "run", 1, ProgressRecord.Event.BATCH, T0, 900L, null, 1L, null,
        300.0, null, null, null, null, null, null);

    assertThat(HealthRules.isOutpaced(firstBatch)).isFalse();
    assertThat(HealthRules.isOutpaced(noRate)).isFalse();
  }

  @Test
  void aQueryLagsWhenItsEndToEndLagIsAboveTheLimitAndNotShrinkingForTheLastBatches() {
    List<ProgressRecord> growing = List.of(lagging("q", 1, 0, 31), lagging("q", 2, 5, 40), lagging("q", 3, 10, 52));
    assertThat(HealthRules.lagAtCommit(growing.get(2))).isEqualTo(Duration.ofSeconds(52));
    assertThat(rules.isLagging(growing)).isTrue();
    assertThat(rules.verdict(growing, T0.plusSeconds(12))).isEqualTo(new HealthRules.Verdict(HealthRules.Health.BEHIND,
        "end-to-end lag 52.0s at batch 3, above 30.0s and not shrinking over the last 3 batches"));
    assertThat(rules.isLagging(List.of(lagging("q", 1, 0, 40), lagging("q", 2, 5, 38), lagging("q", 3, 10, 45))))
        .as("steadily behind with jitter: one episode, not one per dip").isTrue();

    // a backfill of old events: days behind, but catching up batch after batch
    assertThat(rules.isLagging(List.of(lagging("q", 1, 0, 86_400), lagging("q", 2, 5, 80_000), lagging("q", 3, 10, 70_000))))
        .isFalse();
    assertThat(rules.isLagging(List.of(lagging("q", 1, 0, 20), lagging("q", 2, 5, 40), lagging("q", 3, 10, 52))))
        .as("one batch within the limit").isFalse();
    assertThat(rules.isLagging(growing.subList(1, 3))).as("fewer batches than the rule needs").isFalse();
    assertThat(rules.isLagging(List.of(lagging("q", 1, 0, 31), lagging("q", 2, 5, 40), lagging("q", 3, 10, 52), idle("q", 4, 15))))
        .as("an idle report: caught up").isFalse();
    assertThat(rules.isLagging(List.of(idle("q", 1, 0), lagging("q", 1, 2, 31), lagging("q", 2, 5, 40), lagging("q", 3, 10, 52))))
        .as("the last three reports are batches").isTrue();
    assertThat(rules.isLagging(List.of(lagging("q", 1, 0, 31), lagging("q", 2, 5, 40), idle("q", 3, 8), lagging("q", 3, 10, 52))))
        .as("an idle report among the last three ends the streak").isFalse();
    assertThat(rules.isLagging(List.of(quickBatch("q", 1, 0), quickBatch("q", 2, 5), quickBatch("q", 3, 10))))
        .as("a query that does not tell its event time").isFalse();
    assertThat(new HealthRules(Duration.ofSeconds(60), 3, Duration.ofMinutes(5), Duration.ZERO).isLagging(growing))
        .as("max-lag 0 turns the rule off").isFalse();
  }

  @Test
  void verdictsNameWhatIsWrongInOrderOfGravity() {
    assertThat(rules.verdict(List.of(quickBatch("q", 1, 0)), T0.plusSeconds(10)).health())
        .isEqualTo(HealthRules.Health.HEALTHY);
    assertThat(rules.verdict(List.of(quickBatch("q", 1, 0), idle("q", 2, 10)), T0.plusSeconds(20)).reason())
        .isEqualTo("idle, waiting for data");
    assertThat(rules.verdict(List.of(batch("q", 7, 0, 75_200, 1, 1)), T0.plusSeconds(80)))
        .isEqualTo(new HealthRules.Verdict(HealthRules.Health.SLOW, "batch 7 took 75.2s (threshold 60.0s)"));
    assertThat(rules.verdict(List.of(batch("q", 1, 0, 900, 900, 300), batch("q", 2, 5, 900, 900, 300),
        batch("q", 3, 10, 900, 900, 300)), T0.plusSeconds(11)).health()).isEqualTo(HealthRules.Health.BEHIND);
    assertThat(rules.verdict(List.of(quickBatch("q", 1, 0)), T0.plusSeconds(301)))
        .isEqualTo(new HealthRules.Verdict(HealthRules.Health.STALLED,
            "no progress for 5m (threshold 5m); the process may be gone or stuck"));
    assertThat(rules.verdict(List.of(quickBatch("q", 1, 0), terminated("q", 1, 5, null)), T0.plusSeconds(3600)).health())
        .as("a stopped query is not stalled").isEqualTo(HealthRules.Health.STOPPED);
    assertThat(rules.verdict(List.of(terminated("q", 1, 5, "Kafka offsets lost")), T0.plusSeconds(6)).reason())
        .isEqualTo("failed at 2026-11-21T10:00:05Z: Kafka offsets lost");
  }
}
