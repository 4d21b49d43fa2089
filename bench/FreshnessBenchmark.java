import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.commerce.stream.CommerceStreams;
import dev.lakehouse.commerce.stream.RevenueAnomalyAlerts;
import dev.lakehouse.commerce.stream.StreamingGold;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.generate.DataGenerator;
import dev.lakehouse.generate.GeneratedRecord;
import dev.lakehouse.generate.GeneratorSettings;
import dev.lakehouse.generate.Topics;
import dev.lakehouse.ingest.BronzeIngest;
import dev.lakehouse.kafka.KafkaAdmin;
import dev.lakehouse.kafka.LocalKafkaBroker;
import dev.lakehouse.kafka.RecordPublisher;
import dev.lakehouse.monitor.PhaseBreakdown;
import dev.lakehouse.monitor.StreamMonitor;
import dev.lakehouse.monitor.ProgressRecord;
import dev.lakehouse.ops.OpsTables;
import dev.lakehouse.refine.RefineJob;
import io.delta.tables.DeltaTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;

/**
 * bench/freshness: how fresh the commerce streaming gold is at a steady input rate.
 *
 * <p>One JVM: a local Kafka broker on free ports, a scratch LAKEHOUSE_HOME (deleted after), and the
 * real pipeline running continuously: ingest of commerce.events and commerce.orders into bronze,
 * refine into silver.commerce_events and silver.commerce_orders, and the two commerce stream queries
 * (gold.commerce_behavior_5m + gold.commerce_sessions; gold.commerce_sales_5m + revenue anomaly alerts).
 * Generated clickstream events and order lines are sent at RATE records/s with their event time
 * replaced by the wall clock at sending.
 *
 * <p>For every record sent after the warm-up, the latency from its event time to the Delta commit
 * that first holds it in bronze and in silver (change data feed commit timestamps), and to the gold
 * commit of the streaming gold micro-batch that read it (the batch's source end offset covers the
 * record's silver version; its commit from ops.pipeline_events and the table history). Gold rows are
 * recomputed and MERGEd every micro-batch, so gold does not wait for a 5-minute window to close;
 * bronze is the same-run baseline (ratios gold/bronze).
 *
 * <p>Alert latency: an hour of order history (one window per commerce.anomaly-windows, revenue varying
 * around the live rate's) is sent first, then a burst of large orders 15 s before a window ends. The
 * alert can only be raised once the watermark passes the window's end, i.e. after an order with event
 * time at least window end + commerce.watermark has gone through the pipeline; the figure is split
 * into that floor and the time after it.
 */
public class FreshnessBenchmark {
  private static final long WINDOW_MS = StreamingGold.WINDOW_MS;
  private static final long WARMUP_MIN_MS = 20_000;
  private static final long WARMUP_MAX_MS = 180_000;
  private static final long SPIKE_LEAD_MS = 15_000;
  private static final long SPIKE_NOT_BEFORE_MS = 20_000;
  private static final long ALERT_TIMEOUT_MS = 120_000;
  private static final long DRAIN_TIMEOUT_MS = 180_000;
  private static final int HISTORY_LINES_PER_WINDOW = 10;
  private static final int SPIKE_LINES = 20;
  private static final int SPIKE_QUANTITY = 10;
  private static final double SPIKE_FACTOR = 20;
  private static final Pattern EVENT_TIME = Pattern.compile("\"(event_at|ordered_at)\":\"[^\"]*\"");
  private static final Pattern EVENT_ID = Pattern.compile("\"event_id\":\"([^\"]+)\"");
  private static final Pattern ORDER_ID = Pattern.compile("\"order_id\":\"([^\"]+)\"");
  private static final Pattern LINE_NO = Pattern.compile("\"line_no\":(\\d+)");
  private static final Pattern QUANTITY = Pattern.compile("\"quantity\":(-?\\d+)");
  private static final Pattern UNIT_PRICE = Pattern.compile("\"unit_price_cents\":(-?\\d+)");
  private static final Pattern DISCOUNT = Pattern.compile("\"discount\":([-0-9.Ee]+)");
  private static final Pattern PRODUCT_ID = Pattern.compile("\"product_id\":\"([^\"]+)\"");
  private static final Pattern RESERVOIR_VERSION = Pattern.compile("\"reservoirVersion\":(\\d+)");
  private static final Pattern INDEX = Pattern.compile("\"index\":(-?\\d+)");
  private static final List<String> CDF_TABLES = List.of(
      "bronze.commerce_events", "bronze.commerce_orders", CommerceStreams.EVENTS, CommerceStreams.ORDERS);

  /** One record sent: its source topic, id (event_id, or order_id:line_no) and event time. */
  record Sent(String topic, String id, long eventMs) {}

  /** --smoke: 5 s at 20 records/s after a one-batch warm-up, no spike and no alert, in a running JVM. */
  private static boolean smoke;

  public static void main(String[] args) throws Exception {
    smoke = args.length > 0 && args[0].equals("--smoke");
    double rate = smoke ? 20 : args.length > 0 ? Double.parseDouble(args[0]) : 200;
    int seconds = smoke ? 5 : args.length > 1 ? Integer.parseInt(args[1]) : 90;
    if (!(rate > 0) || seconds < 1) {
      throw new IllegalArgumentException("Invalid arguments: RATE must be > 0 records/s and SECONDS >= 1");
    }
    List<String> overrides = !smoke && args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
    Path root = Files.createTempDirectory("lakehouse-bench-freshness");
    int status;
    try {
      status = run(root, rate, seconds, overrides);
    } finally {
      deleteRecursively(root);
    }
    if (status != 0 && smoke) {
      throw new IllegalStateException("bench/freshness --smoke failed; see the lines above");
    }
    if (status != 0) {
      System.exit(status);
    }
  }

  private static int run(Path root, double rate, int seconds, List<String> overrides) throws Exception {
    long runStarted = System.nanoTime();
    try (LocalKafkaBroker broker = LocalKafkaBroker.startOnFreePorts(root.resolve("kafka"))) {
      List<String> conf = new ArrayList<>(List.of(
          "home=" + root.resolve("lake"),
          "kafka.bootstrap-servers=" + broker.bootstrapServers(),
          "ingest.trigger-interval=1s",
          "refine.trigger-interval=1s",
          "commerce.stream-trigger-interval=1s",
          "commerce.watermark=10s"));
      conf.addAll(overrides);
      LakehouseConfig config = LakehouseConfig.load(Map.of(), conf);
      KafkaAdmin.ensureTopics(broker.bootstrapServers(), List.of(config.kafka().topic(Topics.COMMERCE_EVENTS),
          config.kafka().topic(Topics.COMMERCE_ORDERS)), config.kafka().partitions());
      Lakehouse lakehouse = Lakehouse.open(config, "bench-freshness");
      SparkSession spark = lakehouse.spark();
      try {
        return measure(lakehouse, broker.bootstrapServers(), rate, seconds, runStarted);
      } finally {
        for (StreamingQuery query : spark.streams().active()) {
          query.stop();
        }
        // the last progress is written now, while Spark runs and before the scratch home is deleted (its
        // background writes raced the deletion: DirectoryNotEmptyException on ops/stream_progress)
        StreamMonitor.of(spark).ifPresent(StreamMonitor::close);
        if (!smoke) {
          spark.stop();
        }
      }
    }
  }

  private static int measure(Lakehouse lakehouse, String bootstrap, double rate, int seconds, long runStarted)
      throws Exception {
    SparkSession spark = lakehouse.spark();
    LakehouseConfig config = lakehouse.config();
    Map<String, Long> cdfFrom = new HashMap<>();
    for (String table : CDF_TABLES) {
      spark.sql("ALTER TABLE " + table + " SET TBLPROPERTIES (delta.enableChangeDataFeed = true)");
      cdfFrom.put(table, OpsTables.latestVersion(spark, lakehouse.catalog().location(table)));
    }
    GoldBatches gold = new GoldBatches();
    spark.streams().addListener(gold);
    Trigger ingest = Trigger.ProcessingTime(config.ingest().triggerInterval().toMillis());
    Trigger refine = Trigger.ProcessingTime(config.refine().triggerInterval().toMillis());
    Trigger stream = Trigger.ProcessingTime(config.commerceStream().triggerInterval().toMillis());
    CommerceStreams streams = new CommerceStreams(config, lakehouse.catalog());
    List<StreamingQuery> queries = List.of(
        new BronzeIngest(config, lakehouse.catalog()).start(spark, Topics.COMMERCE_EVENTS, ingest),
        new BronzeIngest(config, lakehouse.catalog()).start(spark, Topics.COMMERCE_ORDERS, ingest),
        new RefineJob(config, lakehouse.catalog()).start(spark, CommerceStreams.EVENTS, refine),
        new RefineJob(config, lakehouse.catalog()).start(spark, CommerceStreams.ORDERS, refine),
        streams.startBehavior(spark, stream),
        streams.startSales(spark, stream, CommerceStreams.ORDERS));
    System.out.printf("freshness: %d cores, rate %.0f records/s (commerce.events + commerce.orders), %d s measured; "
            + "triggers: ingest %s, refine %s, commerce stream %s; commerce.watermark %s, anomaly windows %d, z %.1f%n",
        Runtime.getRuntime().availableProcessors(), rate, seconds, config.ingest().triggerInterval(),
        config.refine().triggerInterval(), config.commerceStream().triggerInterval(), config.commerceStream().watermark(),
        config.commerceStream().anomalyWindows(), config.commerceStream().anomalyZ());

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Estimate estimate = Estimate.of(today, rate);
    try (RecordPublisher publisher = new RecordPublisher(bootstrap, config.kafka().topicPrefix())) {
      int history = sendHistory(publisher, estimate, config.commerceStream().anomalyWindows(), System.currentTimeMillis());
      System.out.printf("history: %,d order lines over the %d windows before now, revenue %.0f to %.0f a window "
          + "(the live rate's is about %.0f)%n", history, config.commerceStream().anomalyWindows(),
          0.2 * estimate.windowRevenue(), 1.8 * estimate.windowRevenue(), estimate.windowRevenue());
      // enough for the longest run (commerce events and orders are about half of the generator's records)
      long longestRunSeconds = (WARMUP_MAX_MS + WINDOW_MS + SPIKE_NOT_BEFORE_MS + ALERT_TIMEOUT_MS) / 1000 + seconds + 60;
      SteadyProducer producer = new SteadyProducer(publisher, new DataGenerator(
          new GeneratorSettings(42, today, 0.0, Set.of()), Math.round(rate * longestRunSeconds / 0.5)), rate, estimate);
      Thread sending = new Thread(producer, "bench-freshness-producer");
      sending.setDaemon(true);
      sending.start();

      long measureFromMs = warmUp(queries, producer);
      long windowEndMs = Math.floorDiv(measureFromMs + SPIKE_NOT_BEFORE_MS + SPIKE_LEAD_MS + WINDOW_MS - 1, WINDOW_MS) * WINDOW_MS;
      producer.spikeAtMs = smoke ? Long.MAX_VALUE : windowEndMs - SPIKE_LEAD_MS;
      long watermarkMs = config.commerceStream().watermark().toMillis();
      System.out.printf("warm-up done after %.1f s; measuring; the spike goes at %s, %d s before its window ends%n",
          (System.nanoTime() - runStarted) / 1e9, Instant.ofEpochMilli(producer.spikeAtMs), SPIKE_LEAD_MS / 1000);
      String alertLocation = lakehouse.catalog().location("ops.alerts");
      Instant window = Instant.ofEpochMilli(windowEndMs - WINDOW_MS);
      boolean alerted = false;
      long nextReport = System.currentTimeMillis() + 15_000;
      while (true) {
        failIfStopped(queries);
        producer.failIfFailed();
        long now = System.currentTimeMillis();
        if (now >= measureFromMs + seconds * 1000L
            && (smoke || alerted || now > windowEndMs + watermarkMs + ALERT_TIMEOUT_MS)) {
          break;
        }
        if (!alerted && now >= windowEndMs + watermarkMs) {
          alerted = !alertRows(spark, alertLocation, window, -1).isEmpty();
        }
        if (now >= nextReport) {
          System.out.printf("  %,d records sent; %s%n", producer.sent.size(), progress(queries));
          nextReport = now + 15_000;
        }
        Thread.sleep(alerted || now < windowEndMs + watermarkMs ? 1000 : 2000);
      }
      producer.stop = true;
      sending.join();
      publisher.flush();
      long measureToMs = producer.lastSentMs;
      drain(lakehouse, queries, gold, producer);
      for (StreamingQuery query : queries) {
        query.stop();
      }
      return report(lakehouse, queries, gold, cdfFrom, producer, measureFromMs, measureToMs, rate, windowEndMs,
          watermarkMs, runStarted);
    }
  }

  // ---------------------------------------------------------------- producing

  /** The live traffic's expected revenue per 5-minute window, and a real product id for synthetic lines. */
  record Estimate(double windowRevenue, String productId) {
    static Estimate of(LocalDate day, double rate) {
      DataGenerator sample = new DataGenerator(new GeneratorSettings(7, day, 0.0, Set.of()), 40_000);
      long commerce = 0;
      long lines = 0;
      double revenue = 0;
      String product = null;
      while (sample.hasNext()) {
        GeneratedRecord record = sample.next();
        if (record.topic().equals(Topics.COMMERCE_EVENTS)) {
          commerce++;
        } else if (record.topic().equals(Topics.COMMERCE_ORDERS)) {
          commerce++;
          lines++;
          String value = new String(record.value(), StandardCharsets.UTF_8);
          revenue += Long.parseLong(group(QUANTITY, value)) * Long.parseLong(group(UNIT_PRICE, value))
              * (1 - Double.parseDouble(group(DISCOUNT, value))) / 100.0;
          product = product == null ? group(PRODUCT_ID, value) : product;
        }
      }
      if (lines == 0) {
        throw new IllegalStateException("Cannot estimate revenue: the generator's sample holds no order line");
      }
      return new Estimate(rate * lines / commerce * (revenue / lines) * (WINDOW_MS / 1000.0), product);
    }
  }

  // order lines in each of the `windows` windows before the current one, revenue between 0.2 and 1.8 of the live rate's
  private static int sendHistory(RecordPublisher publisher, Estimate estimate, int windows, long nowMs) {
    long current = Math.floorDiv(nowMs, WINDOW_MS) * WINDOW_MS;
    Random random = new Random(42);
    int sent = 0;
    for (int w = windows; w >= 1; w--) {
      long start = current - w * WINDOW_MS;
      double revenue = estimate.windowRevenue() * (0.2 + 1.6 * random.nextDouble());
      long cents = Math.max(1, Math.round(revenue * 100 / HISTORY_LINES_PER_WINDOW));
      for (int i = 0; i < HISTORY_LINES_PER_WINDOW; i++) {
        long at = start + (long) ((i + 0.5) * WINDOW_MS / HISTORY_LINES_PER_WINDOW);
        publisher.send(orderLine("bench-history-" + w + "-" + i, estimate.productId(), 1, cents, at));
        sent++;
      }
    }
    publisher.flush();
    return sent;
  }

  private static GeneratedRecord orderLine(String orderId, String productId, int quantity, long unitPriceCents, long atMs) {
    String value = String.format("{\"order_id\":\"%s\",\"line_no\":1,\"user_id\":\"bench\",\"product_id\":\"%s\","
            + "\"quantity\":%d,\"unit_price_cents\":%d,\"discount\":0.0,\"payment_method\":\"card\",\"currency\":\"EUR\","
            + "\"ordered_at\":\"%s\"}", orderId, productId, quantity, unitPriceCents, Instant.ofEpochMilli(atMs));
    return new GeneratedRecord(Topics.COMMERCE_ORDERS, orderId.getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8), atMs);
  }

  /**
   * Sends generated commerce events and order lines at a steady rate, each stamped with the wall
   * clock (an order's lines share their order's time), and the spike when its time comes.
   */
  static final class SteadyProducer implements Runnable {
    final Collection<Sent> sent = new ConcurrentLinkedQueue<>();
    volatile boolean stop;
    volatile long spikeAtMs = Long.MAX_VALUE;
    volatile long spikeSentMs = -1;
    volatile long lastSentMs;
    volatile Throwable failure;
    private final RecordPublisher publisher;
    private final DataGenerator generator;
    private final double rate;
    private final Estimate estimate;
    private String lastOrderId = "";
    private long lastOrderMs;

    SteadyProducer(RecordPublisher publisher, DataGenerator generator, double rate, Estimate estimate) {
      this.publisher = publisher;
      this.generator = generator;
      this.rate = rate;
      this.estimate = estimate;
    }

    @Override
    public void run() {
      try {
        long started = System.nanoTime();
        long n = 0;
        while (!stop) {
          if (!generator.hasNext()) {
            throw new IllegalStateException("Cannot send more: the generator ran out of records");
          }
          GeneratedRecord record = generator.next();
          if (!record.topic().equals(Topics.COMMERCE_EVENTS) && !record.topic().equals(Topics.COMMERCE_ORDERS)) {
            continue;
          }
          long waitNs = started + (long) (n++ / rate * 1e9) - System.nanoTime();
          if (waitNs > 0) {
            LockSupport.parkNanos(waitNs);
          }
          if (spikeSentMs < 0 && System.currentTimeMillis() >= spikeAtMs) {
            spike();
          }
          send(record);
        }
      } catch (Throwable e) {
        failure = e;
      }
    }

    void failIfFailed() {
      if (failure != null) {
        throw new IllegalStateException("Cannot send: " + failure.getMessage(), failure);
      }
    }

    private void send(GeneratedRecord record) {
      String value = new String(record.value(), StandardCharsets.UTF_8);
      long now = System.currentTimeMillis();
      String id;
      if (record.topic().equals(Topics.COMMERCE_ORDERS)) {
        String orderId = group(ORDER_ID, value);
        if (!orderId.equals(lastOrderId)) {
          lastOrderId = orderId;
          lastOrderMs = now;
        }
        now = lastOrderMs;
        id = orderId + ":" + group(LINE_NO, value);
      } else {
        id = group(EVENT_ID, value);
      }
      String stamped = EVENT_TIME.matcher(value).replaceFirst("\"$1\":\"" + Instant.ofEpochMilli(now) + "\"");
      publisher.send(new GeneratedRecord(record.topic(), record.key(), stamped.getBytes(StandardCharsets.UTF_8), now));
      sent.add(new Sent(record.topic(), id, now));
      lastSentMs = now;
    }

    // a burst of large order lines worth SPIKE_FACTOR windows of the live rate's revenue
    private void spike() {
      long now = System.currentTimeMillis();
      long cents = Math.max(1, Math.round(SPIKE_FACTOR * estimate.windowRevenue() * 100 / (SPIKE_LINES * SPIKE_QUANTITY)));
      for (int i = 0; i < SPIKE_LINES; i++) {
        publisher.send(orderLine("bench-spike-" + i, estimate.productId(), SPIKE_QUANTITY, cents, now));
      }
      spikeSentMs = now;
    }
  }

  // ---------------------------------------------------------------- running

  // at least WARMUP_MIN_MS and until every query has committed two batches with input
  private static long warmUp(List<StreamingQuery> queries, SteadyProducer producer) throws Exception {
    long started = System.currentTimeMillis();
    while (true) {
      failIfStopped(queries);
      producer.failIfFailed();
      long now = System.currentTimeMillis();
      boolean warm = queries.stream().allMatch(q -> java.util.Arrays.stream(q.recentProgress())
          .filter(p -> p.numInputRows() > 0).count() >= (smoke ? 1 : 2));
      if ((smoke || now - started >= WARMUP_MIN_MS) && warm) {
        return now;
      }
      if (now - started > WARMUP_MAX_MS) {
        throw new IllegalStateException("Cannot warm up: after " + WARMUP_MAX_MS / 1000 + " s not every query has "
            + "committed two batches with input; " + progress(queries));
      }
      Thread.sleep(1000);
    }
  }

  // until silver holds every record sent and both gold queries read silver's last version
  private static void drain(Lakehouse lakehouse, List<StreamingQuery> queries, GoldBatches gold, SteadyProducer producer)
      throws Exception {
    SparkSession spark = lakehouse.spark();
    long events = producer.sent.stream().filter(s -> s.topic().equals(Topics.COMMERCE_EVENTS)).count();
    long deadline = System.currentTimeMillis() + DRAIN_TIMEOUT_MS;
    String eventsAt = lakehouse.catalog().location(CommerceStreams.EVENTS);
    String ordersAt = lakehouse.catalog().location(CommerceStreams.ORDERS);
    while (System.currentTimeMillis() < deadline) {
      failIfStopped(queries);
      long silverEvents = spark.read().format("delta").load(eventsAt).count();
      long silverOrders = spark.read().format("delta").load(ordersAt).where("order_id NOT LIKE 'bench-%'").count();
      long orders = producer.sent.size() - events;
      if (silverEvents >= events && silverOrders >= orders
          && gold.covered(CommerceStreams.BEHAVIOR_QUERY) >= OpsTables.latestVersion(spark, eventsAt)
          && gold.covered(CommerceStreams.SALES_QUERY) >= OpsTables.latestVersion(spark, ordersAt)) {
        return;
      }
      Thread.sleep(2000);
    }
    System.out.println("  (drain: not everything reached gold within " + DRAIN_TIMEOUT_MS / 1000 + " s; reporting what did)");
  }

  private static void failIfStopped(List<StreamingQuery> queries) {
    for (StreamingQuery query : queries) {
      if (!query.isActive()) {
        String why = query.exception().isDefined() ? query.exception().get().getMessage() : "stopped";
        throw new IllegalStateException("Cannot measure freshness: query " + query.name() + " ended: " + why);
      }
    }
  }

  private static String progress(List<StreamingQuery> queries) {
    StringBuilder line = new StringBuilder();
    for (StreamingQuery query : queries) {
      StreamingQueryProgress p = query.lastProgress();
      line.append(String.format("%s%s batch %s", line.length() == 0 ? "" : ", ", query.name(),
          p == null ? "-" : p.batchId() + " (" + p.numInputRows() + " rows, " + p.batchDuration() + " ms)"));
    }
    return line.toString();
  }

  /**
   * Records, for the two streaming gold queries, the silver version each micro-batch read up to
   * (from its Delta source end offset).
   */
  static final class GoldBatches extends StreamingQueryListener {
    final Map<String, NavigableMap<Long, Long>> coveredByBatch = new ConcurrentHashMap<>();

    @Override
    public void onQueryStarted(QueryStartedEvent event) {}

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
      StreamingQueryProgress p = event.progress();
      if (p.name() == null || !(p.name().equals(CommerceStreams.BEHAVIOR_QUERY) || p.name().equals(CommerceStreams.SALES_QUERY))
          || p.numInputRows() == 0 || p.sources().length == 0) {
        return;
      }
      String end = p.sources()[0].endOffset();
      Matcher version = RESERVOIR_VERSION.matcher(end);
      Matcher index = INDEX.matcher(end);
      if (version.find() && index.find()) {
        // index -1: nothing of reservoirVersion yet; otherwise up to a file of it (a whole version here)
        long covered = Long.parseLong(version.group(1)) - (Long.parseLong(index.group(1)) < 0 ? 1 : 0);
        coveredByBatch.computeIfAbsent(p.name(), n -> new ConcurrentSkipListMap<>()).put(p.batchId(), covered);
      }
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {}

    long covered(String query) {
      NavigableMap<Long, Long> batches = coveredByBatch.get(query);
      return batches == null || batches.isEmpty() ? -1 : batches.lastEntry().getValue();
    }
  }

  // ---------------------------------------------------------------- measuring

  private static int report(Lakehouse lakehouse, List<StreamingQuery> queries, GoldBatches gold, Map<String, Long> cdfFrom,
      SteadyProducer producer, long fromMs, long toMs, double rate, long windowEndMs, long watermarkMs, long runStarted)
      throws Exception {
    List<Sent> measured = producer.sent.stream().filter(s -> s.eventMs() >= fromMs).toList();
    long events = measured.stream().filter(s -> s.topic().equals(Topics.COMMERCE_EVENTS)).count();
    double spanSeconds = Math.max(1, toMs - fromMs) / 1000.0;
    System.out.printf("input: target %.0f records/s, achieved %.1f records/s over %.1f s: %,d records (%,d events, %,d order "
            + "lines), after %,d warm-up records; plus %d history and %d spike order lines%n", rate,
        measured.size() / spanSeconds, spanSeconds, measured.size(), events, measured.size() - events,
        producer.sent.size() - measured.size(), HISTORY_LINES_PER_WINDOW * lakehouse.config().commerceStream().anomalyWindows(),
        SPIKE_LINES);

    batchDurations(queries, fromMs);
    System.out.println("latency = Delta commit time of the first version holding the record - its event time (= send time);"
        + " gold = the commit of the gold micro-batch that read the record from silver (gold rows are recomputed and"
        + " MERGEd every batch: no wait for the 5-minute window to close); bronze is the same-run baseline");
    long eventsGoldP50 = stages(lakehouse, gold, cdfFrom, measured, Topics.COMMERCE_EVENTS, "bronze.commerce_events",
        CommerceStreams.EVENTS, "event_id", CommerceStreams.BEHAVIOR_QUERY, CommerceStreams.BEHAVIOR);
    long ordersGoldP50 = stages(lakehouse, gold, cdfFrom, measured, Topics.COMMERCE_ORDERS, "bronze.commerce_orders",
        CommerceStreams.ORDERS, "concat(order_id, ':', line_no)", CommerceStreams.SALES_QUERY, CommerceStreams.SALES);
    boolean reachedGold = eventsGoldP50 >= 0 && ordersGoldP50 >= 0;
    boolean alerted = smoke || alert(lakehouse, producer.spikeSentMs, windowEndMs, watermarkMs, ordersGoldP50);
    System.out.printf("wall time %.1f s (broker, Spark and table set-up, warm-up, measuring, drain)%n",
        (System.nanoTime() - runStarted) / 1e9);
    if (!reachedGold) {
      System.out.println("FAILED: the pipeline produced no gold for the records sent; see the lines above");
      return 1;
    }
    if (!alerted) {
      System.out.println("FAILED: no commerce.revenue_anomaly alert for the spike window; see the line above");
      return 1;
    }
    return 0;
  }

  // prints the latencies of one source's records; returns their gold p50, or -1 when none reached gold
  private static long stages(Lakehouse lakehouse, GoldBatches gold, Map<String, Long> cdfFrom, List<Sent> measured,
      String topic, String bronze, String silver, String silverKey, String goldQuery, String goldTable) {
    Map<String, Long> eventMs = new HashMap<>();
    measured.stream().filter(s -> s.topic().equals(topic)).forEach(s -> eventMs.put(s.id(), s.eventMs()));
    String bronzeKey = topic.equals(Topics.COMMERCE_EVENTS)
        ? "get_json_object(CAST(value AS STRING), '$.event_id')"
        : "concat(get_json_object(CAST(value AS STRING), '$.order_id'), ':', get_json_object(CAST(value AS STRING), '$.line_no'))";
    Map<String, Long> bronzeMs = new HashMap<>();
    for (Row r : changes(lakehouse, bronze, cdfFrom.get(bronze)).select(expr(bronzeKey), expr("unix_millis(_commit_timestamp)"),
        col("_commit_version")).collectAsList()) {
      bronzeMs.merge(r.getString(0), r.getLong(1), Math::min);
    }
    Map<String, long[]> silverAt = new HashMap<>();
    for (Row r : changes(lakehouse, silver, cdfFrom.get(silver)).select(expr(silverKey), expr("unix_millis(_commit_timestamp)"),
        col("_commit_version")).collectAsList()) {
      silverAt.putIfAbsent(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
    }
    List<long[]> goldBatches = goldCommits(lakehouse, gold, goldQuery, goldTable);
    List<Long> toBronze = new ArrayList<>();
    List<Long> toSilver = new ArrayList<>();
    List<Long> toGold = new ArrayList<>();
    for (Map.Entry<String, Long> e : eventMs.entrySet()) {
      Long b = bronzeMs.get(e.getKey());
      long[] s = silverAt.get(e.getKey());
      if (b != null) {
        toBronze.add(b - e.getValue());
      }
      if (s != null) {
        toSilver.add(s[0] - e.getValue());
        for (long[] batch : goldBatches) {
          if (batch[0] >= s[1]) {
            toGold.add(batch[1] - e.getValue());
            break;
          }
        }
      }
    }
    String what = topic.equals(Topics.COMMERCE_EVENTS) ? "events" : "order lines";
    System.out.printf("%s (%,d sent after warm-up): event time -> first visible in (ms)%n", what, eventMs.size());
    long[] b = line("  bronze " + bronze, toBronze, eventMs.size());
    long[] s = line("  silver " + silver, toSilver, eventMs.size());
    long[] g = line("  gold   " + goldTable, toGold, eventMs.size());
    if (b.length > 0 && g.length > 0) {
      System.out.printf("  ratio gold/bronze: p50 %.2f, p95 %.2f; median stage times: Kafka->bronze %,d, bronze->silver %,d, "
              + "silver->gold %,d ms%n", (double) percentile(g, 0.5) / percentile(b, 0.5),
          (double) percentile(g, 0.95) / percentile(b, 0.95), percentile(b, 0.5),
          s.length == 0 ? 0 : percentile(s, 0.5) - percentile(b, 0.5), s.length == 0 ? 0 : percentile(g, 0.5) - percentile(s, 0.5));
    }
    return g.length == 0 ? -1 : percentile(g, 0.5);
  }

  // what the latencies are made of: each query's median and max micro-batch time while measuring
  private static void batchDurations(List<StreamingQuery> queries, long fromMs) {
    StringBuilder line = new StringBuilder("micro-batches while measuring (median / max s):");
    for (StreamingQuery query : queries) {
      long[] durations = java.util.Arrays.stream(query.recentProgress())
          .filter(p -> p.numInputRows() > 0 && Instant.parse(p.timestamp()).toEpochMilli() >= fromMs)
          .mapToLong(StreamingQueryProgress::batchDuration).sorted().toArray();
      line.append(String.format(" %s %s;", query.name(), durations.length == 0 ? "-"
          : String.format("%.1f / %.1f", percentile(durations, 0.5) / 1000.0, durations[durations.length - 1] / 1000.0)));
    }
    System.out.println(line);
    PhaseBreakdown breakdown = new PhaseBreakdown();
    for (StreamingQuery query : queries) {
      java.util.Arrays.stream(query.recentProgress())
          .filter(p -> p.numInputRows() > 0 && Instant.parse(p.timestamp()).toEpochMilli() >= fromMs)
          .forEach(p -> breakdown.add(ProgressRecord.of(p)));
    }
    breakdown.print(System.out);
  }

  private static org.apache.spark.sql.Dataset<Row> changes(Lakehouse lakehouse, String table, long fromVersion) {
    return lakehouse.spark().read().format("delta")
        .option("readChangeFeed", "true")
        .option("startingVersion", fromVersion)
        .load(lakehouse.catalog().location(table))
        .where(col("_change_type").equalTo("insert"));
  }

  // each gold micro-batch with input, in order: {silver version read up to, commit time of its gold version}
  private static List<long[]> goldCommits(Lakehouse lakehouse, GoldBatches gold, String query, String table) {
    SparkSession spark = lakehouse.spark();
    Map<Long, Long> commitMs = new HashMap<>();
    for (Row r : DeltaTable.forPath(spark, lakehouse.catalog().location(table)).history()
        .select(col("version"), expr("unix_millis(timestamp)")).collectAsList()) {
      commitMs.put(r.getLong(0), r.getLong(1));
    }
    Map<Long, Long> versionOfBatch = new HashMap<>();
    for (Row r : spark.read().format("delta").load(lakehouse.catalog().location(OpsTables.PIPELINE_EVENTS))
        .where(col("query_name").equalTo(query).and(col("target_version").isNotNull()))
        .select("batch_id", "target_version").collectAsList()) {
      versionOfBatch.put(r.getLong(0), r.getLong(1));
    }
    List<long[]> batches = new ArrayList<>();
    NavigableMap<Long, Long> covered = gold.coveredByBatch.getOrDefault(query, new ConcurrentSkipListMap<>());
    for (Map.Entry<Long, Long> e : covered.entrySet()) {
      Long version = versionOfBatch.get(e.getKey());
      if (version != null && commitMs.containsKey(version)) {
        batches.add(new long[] {e.getValue(), commitMs.get(version)});
      }
    }
    return batches;
  }

  private static long[] line(String label, List<Long> latencies, long expected) {
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      System.out.printf("%-40s none of %,d%n", label, expected);
      return sorted;
    }
    System.out.printf("%-40s p50 %,7d  p95 %,7d  max %,7d  (%,d of %,d)%n", label, percentile(sorted, 0.5),
        percentile(sorted, 0.95), sorted[sorted.length - 1], sorted.length, expected);
    return sorted;
  }

  // the spike's alert: when the ops.alerts version holding it was committed
  private static boolean alert(Lakehouse lakehouse, long spikeMs, long windowEndMs, long watermarkMs, long ordersGoldP50) {
    SparkSession spark = lakehouse.spark();
    Instant window = Instant.ofEpochMilli(windowEndMs - WINDOW_MS);
    if (spikeMs < 0) {
      System.out.println("alert: the spike was never sent");
      return false;
    }
    String location = lakehouse.catalog().location("ops.alerts");
    List<Row> versions = DeltaTable.forPath(spark, location).history()
        .select(col("version"), expr("unix_millis(timestamp)")).orderBy("version").collectAsList();
    for (Row v : versions) {
      List<Row> rows = alertRows(spark, location, window, v.getLong(0));
      if (rows.isEmpty()) {
        continue;
      }
      Row alert = rows.get(0);
      long total = v.getLong(1) - spikeMs;
      long floor = windowEndMs + watermarkMs - spikeMs;
      System.out.printf("alert: %d spike order lines sent at %s into the window %s; %s %s raised (value %.0f, expected %s)%n",
          SPIKE_LINES, Instant.ofEpochMilli(spikeMs), window, alert.getString(alert.fieldIndex("severity")),
          RevenueAnomalyAlerts.RULE, alert.getDouble(alert.fieldIndex("value")), alert.getString(alert.fieldIndex("expected_range")));
      System.out.printf("  spike -> alert committed to ops.alerts: %,d ms = %,d ms until window end + watermark "
          + "(%.1f s lead + %.1f s watermark; nothing can alert earlier) + %,d ms after it (ratio to the order lines' "
          + "gold p50: %.2f)%n", total, floor, (windowEndMs - spikeMs) / 1000.0, watermarkMs / 1000.0, total - floor,
          ordersGoldP50 > 0 ? (double) (total - floor) / ordersGoldP50 : Double.NaN);
      return true;
    }
    System.out.printf("alert: no %s for the window %s (spike sent at %s)%n", RevenueAnomalyAlerts.RULE, window,
        Instant.ofEpochMilli(spikeMs));
    return false;
  }

  private static List<Row> alertRows(SparkSession spark, String location, Instant window, long version) {
    var reader = spark.read().format("delta");
    if (version >= 0) {
      reader = reader.option("versionAsOf", version);
    }
    return reader.load(location)
        .where(col("rule").equalTo(RevenueAnomalyAlerts.RULE).and(col("window_start").equalTo(lit(java.sql.Timestamp.from(window)))))
        .collectAsList();
  }

  // ---------------------------------------------------------------- helpers

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("Cannot find " + pattern + " in " + text);
    }
    return m.group(1);
  }

  private static long percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p * sorted.length) - 1))];
  }

  private static void deleteRecursively(Path path) throws Exception {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
