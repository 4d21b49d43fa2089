package dev.lakehouse.monitor;

import static dev.lakehouse.monitor.Reports.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EpisodeTrackerTest {
  private final EpisodeTracker<String> tracker = new EpisodeTracker<>();

  private Optional<Instant> at(String key, boolean holds, int second) {
    return tracker.observe(key, holds, T0.plusSeconds(second));
  }

  @Test
  void anEpisodeStartsOnceWhileTheConditionHolds() {
    assertThat(at("q/slow", false, 0)).isEmpty();
    assertThat(at("q/slow", true, 1)).contains(T0.plusSeconds(1));
    assertThat(at("q/slow", true, 2)).isEmpty();
    assertThat(at("q/slow", true, 3)).isEmpty();
    assertThat(tracker.isOpen("q/slow")).isTrue();
  }

  @Test
  void theConditionClearingEndsTheEpisodeAndTheNextOneStartsAgain() {
    at("q/slow", true, 1);
    at("q/slow", false, 2);

    assertThat(tracker.isOpen("q/slow")).isFalse();
    assertThat(at("q/slow", true, 3)).contains(T0.plusSeconds(3));
  }

  @Test
  void keysHaveTheirOwnEpisodes() {
    at("a/slow", true, 1);

    assertThat(at("b/slow", true, 2)).contains(T0.plusSeconds(2));
    assertThat(at("a/behind", true, 2)).contains(T0.plusSeconds(2));
  }

  @Test
  void endingAllOfAQueryLetsItsConditionsStartAgain() {
    at("a/slow", true, 1);
    at("b/slow", true, 1);

    tracker.endAll(key -> key.startsWith("a/"));

    assertThat(at("a/slow", true, 2)).contains(T0.plusSeconds(2));
    assertThat(at("b/slow", true, 2)).isEmpty();
  }
}
