package dev.lakehouse.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Records whose times are fixed in advance rather than drawn from the diurnal curve: market price
 * ticks at regular intervals, and the scanning and card-testing incidents.
 */
final class Schedule {
  enum Kind { PRICE_TICKS, SCAN_REQUEST, CARD_TEST }

  /** What happens at {@code atMs}; {@code index} counts entries of the same kind from 0. */
  record Entry(long atMs, Kind kind, int index, int recordCount) {}

  private final List<Entry> entries;
  private final long recordCount;
  private int next;

  private Schedule(List<Entry> entries) {
    this.entries = entries;
    this.recordCount = entries.stream().mapToLong(Entry::recordCount).sum();
  }

  static Schedule plan(AnomalyPlan plan, long totalRecords, SplittableRandom random) {
    List<Entry> entries = new ArrayList<>();
    addPriceTicks(entries, plan.dayStartMs(), priceIntervals(totalRecords));
    addSpread(entries, Kind.SCAN_REQUEST, plan.dayStartMs() + AnomalyPlan.SCAN_FROM_MS,
        AnomalyPlan.SCAN_DURATION_MS, plan.scanRequests(totalRecords), random);
    addSpread(entries, Kind.CARD_TEST, plan.dayStartMs() + AnomalyPlan.CARD_TESTING_FROM_MS,
        AnomalyPlan.CARD_TESTING_DURATION_MS, plan.cardTests(totalRecords), random);
    entries.sort(Comparator.comparingLong(Entry::atMs));
    return new Schedule(entries);
  }

  /** Price intervals in a run: prices take about 0.5% of the records, one tick per instrument. */
  static int priceIntervals(long totalRecords) {
    return (int) Math.round(totalRecords * Topic.FINANCE_PRICES.share / PriceGenerator.INSTRUMENT_COUNT);
  }

  long recordCount() {
    return recordCount;
  }

  boolean hasNext() {
    return next < entries.size();
  }

  Entry peek() {
    return entries.get(next);
  }

  void advance() {
    next++;
  }

  private static void addPriceTicks(List<Entry> entries, long dayStartMs, int intervals) {
    for (int i = 0; i < intervals; i++) {
      long atMs = dayStartMs + (2L * i + 1) * Diurnal.DAY_MS / (2L * intervals);
      entries.add(new Entry(atMs, Kind.PRICE_TICKS, i, PriceGenerator.INSTRUMENT_COUNT));
    }
  }

  // one entry per record, each at a random moment of its own equal share of the duration
  private static void addSpread(List<Entry> entries, Kind kind, long fromMs, long durationMs, int count,
      SplittableRandom random) {
    long shareMs = durationMs / Math.max(1, count);
    for (int i = 0; i < count; i++) {
      entries.add(new Entry(fromMs + i * shareMs + random.nextLong(shareMs), kind, i, 1));
    }
  }
}
