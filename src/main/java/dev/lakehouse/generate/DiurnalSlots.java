package dev.lakehouse.generate;

import java.util.SplittableRandom;

/**
 * The event times of a fixed number of records spread over one day along the diurnal curve. Slot
 * {@code i} of {@code n} falls in the quantile stratum {@code [i/n, (i+1)/n)}, so times never
 * decrease and the records exactly fill the day.
 */
final class DiurnalSlots {
  private final long dayStartMs;
  private final long slots;
  private final SplittableRandom random;
  private long nextSlot;
  private long nextAtMs;
  private boolean nextAtKnown;

  DiurnalSlots(long dayStartMs, long slots, SplittableRandom random) {
    this.dayStartMs = dayStartMs;
    this.slots = slots;
    this.random = random;
  }

  boolean hasNext() {
    return nextSlot < slots;
  }

  long remaining() {
    return slots - nextSlot;
  }

  /** The event time of the next slot; stable until {@link #advance(long)}. */
  long nextAtMs() {
    if (!nextAtKnown) {
      double quantile = (nextSlot + random.nextDouble()) / slots;
      nextAtMs = dayStartMs + Diurnal.offsetAtQuantile(quantile);
      nextAtKnown = true;
    }
    return nextAtMs;
  }

  /** Consumes slots taken by records that share the next slot's time. */
  void advance(long count) {
    nextSlot += count;
    nextAtKnown = false;
  }
}
