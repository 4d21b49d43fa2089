package dev.lakehouse.monitor;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a condition observed again and again (every batch) into episodes: an episode starts when
 * the condition starts holding and ends when it stops, so each one is alerted once.
 *
 * @param <K> what a condition is about, e.g. a query and a rule
 */
public final class EpisodeTracker<K> {
  private final Map<K, Instant> openSince = new HashMap<>();

  /**
   * Records whether the condition holds at {@code at}; returns the start of a new episode when it
   * starts holding, empty while an episode goes on or the condition does not hold.
   */
  public synchronized Optional<Instant> observe(K key, boolean holds, Instant at) {
    if (!holds) {
      openSince.remove(key);
      return Optional.empty();
    }
    return openSince.putIfAbsent(key, at) == null ? Optional.of(at) : Optional.empty();
  }

  /** Whether an episode is going on. */
  public synchronized boolean isOpen(K key) {
    return openSince.containsKey(key);
  }

  /** Ends any episodes of keys matching the filter (e.g. of a query that stopped). */
  public synchronized void endAll(java.util.function.Predicate<K> filter) {
    openSince.keySet().removeIf(filter);
  }
}
