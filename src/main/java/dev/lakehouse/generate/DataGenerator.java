package dev.lakehouse.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A day of synthetic records for all topics of the three domains, interleaved in event-time order.
 *
 * <p>Most records take times drawn from the diurnal curve, so that the given total exactly fills
 * the day (00:00Z to 24:00Z); price ticks and injected incidents happen at planned times in between.
 * Times never decrease in output order. The same settings and total give byte-identical records.
 *
 * <p>Roughly: commerce.events 45%, commerce.orders 6%, commerce.inventory 3%, logs.access 25%,
 * logs.syslog 5%, logs.app 8%, finance.payments 7.5%, finance.prices 0.5%.
 */
public final class DataGenerator implements Iterator<GeneratedRecord> {
  private final long totalRecords;
  private final Schedule schedule;
  private final DiurnalSlots slots;
  private final TopicMix mix;
  private final SplittableRandom topicRandom;
  private final DomainGenerators domains;
  private final Malformer malformer;
  private final List<GeneratedRecord> batch = new ArrayList<>();
  private int nextInBatch;
  private final long[] countByTopic = new long[Topic.values().length];
  private long produced;
  private long malformed;

  public DataGenerator(GeneratorSettings settings, long totalRecords) {
    if (settings == null) {
      throw new IllegalArgumentException("Invalid settings null: pass the seed, day, malformed fraction and anomalies");
    }
    if (totalRecords < 0) {
      throw new IllegalArgumentException("Invalid total records " + totalRecords + ": must be >= 0");
    }
    this.totalRecords = totalRecords;
    TimeFormats time = new TimeFormats(settings.day());
    AnomalyPlan plan = new AnomalyPlan(settings.anomalies(), time.dayStartMs());
    SplittableRandom activity = new SplittableRandom(activitySeed(settings.seed(), settings.day()));
    this.schedule = Schedule.plan(plan, totalRecords, activity.split());
    this.slots = new DiurnalSlots(time.dayStartMs(), totalRecords - schedule.recordCount(), activity.split());
    this.mix = new TopicMix(plan);
    this.topicRandom = activity.split();
    this.malformer = new Malformer(settings.malformedFraction(), activity.split());
    this.domains = new DomainGenerators(new SplittableRandom(settings.seed()), activity, time, plan, totalRecords,
        settings.fraudRate());
  }

  @Override
  public boolean hasNext() {
    return produced < totalRecords;
  }

  @Override
  public GeneratedRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException("Cannot produce record " + (produced + 1)
          + ": the generator stops after its total of " + totalRecords + " records");
    }
    if (nextInBatch == batch.size()) {
      refill();
    }
    return emit(batch.get(nextInBatch++));
  }

  /** Records produced so far, by topic, for every topic (zero for those not yet seen). */
  public Map<String, Long> countsByTopic() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Topic topic : Topic.values()) {
      counts.put(topic.topicName, countByTopic[topic.ordinal()]);
    }
    return Collections.unmodifiableMap(counts);
  }

  /** Malformed records injected so far. */
  public long malformedCount() {
    return malformed;
  }

  // the earlier of the next planned entry and the next diurnal slot
  private void refill() {
    batch.clear();
    nextInBatch = 0;
    if (schedule.hasNext() && (!slots.hasNext() || schedule.peek().atMs() <= slots.nextAtMs())) {
      domains.produce(schedule.peek(), batch);
      schedule.advance();
    } else {
      long atMs = slots.nextAtMs();
      domains.produce(mix.draw(topicRandom, atMs), atMs, batch);
      keepAtMost(slots.remaining());
      slots.advance(batch.size());
    }
  }

  // an order's lines beyond the total are dropped
  private void keepAtMost(long count) {
    while (batch.size() > count) {
      batch.remove(batch.size() - 1);
    }
  }

  private GeneratedRecord emit(GeneratedRecord record) {
    Topic topic = Topic.of(record.topic());
    GeneratedRecord emitted = malformer.apply(record, topic);
    if (emitted != record) {
      malformed++;
    }
    countByTopic[topic.ordinal()]++;
    produced++;
    return emitted;
  }

  // the day's activity differs from day to day; the world (catalogue, users, ...) does not
  private static long activitySeed(long seed, LocalDate day) {
    return seed * 0x9E3779B97F4A7C15L + day.toEpochDay();
  }
}
