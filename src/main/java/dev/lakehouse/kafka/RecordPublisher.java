package dev.lakehouse.kafka;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Sends records to Kafka: idempotent producer, optional pacing, progress lines. */
public final class RecordPublisher implements AutoCloseable {
  private static final Duration REPORT_EVERY = Duration.ofSeconds(2);
  /**
   * How long one produce request may wait for the broker's answer. A busy broker can take tens of
   * seconds; if the client gives up on an answer that is still coming, it resends a batch the broker
   * already wrote after later batches were acknowledged, the broker refuses it as out of sequence,
   * and the resends loop until the delivery deadline (see KAFKA-5793 and librdkafka's analysis in
   * confluent-kafka-dotnet#704). So wait long rather than resend early.
   */
  static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
  /**
   * One produce request at a time per broker. With more, a broker without the KAFKA-15591 fix (3.9.2 here) can lose a batch
   * sent to a partition it has just created: request A fails with NOT_LEADER_OR_FOLLOWER, request B
   * (later sequences) is appended because the partition holds no producer state yet, and every retry
   * of A is refused as out of sequence until the delivery deadline drops its records (KAFKA-15591;
   * seen here as "Expiring 23 record(s) for ...-1" on auto-created topics in CI). With one request in
   * flight, B is not sent before A is acknowledged.
   */
  static final int MAX_IN_FLIGHT = 1;
  /** The stated deadline: a record not acknowledged this long after send() fails the publisher. */
  static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(10);

  private final KafkaProducer<byte[], byte[]> producer;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  private final String topicPrefix;

  private final Duration deliveryTimeout;

  /** A publisher that sends source {@code s} to topic {@code topicPrefix + s}. */
  public RecordPublisher(String bootstrapServers, String topicPrefix) {
    this(bootstrapServers, topicPrefix, REQUEST_TIMEOUT, DELIVERY_TIMEOUT);
  }

  // the deadlines are the stated ones above; tests shorten them
  RecordPublisher(String bootstrapServers, String topicPrefix, Duration requestTimeout, Duration deliveryTimeout) {
    this.topicPrefix = topicPrefix;
    this.deliveryTimeout = deliveryTimeout;
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, MAX_IN_FLIGHT);
    properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeout.toMillis());
    properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
    // how long send() waits for a topic's metadata (no broker answering) before the record fails
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(deliveryTimeout.toMillis(), Duration.ofMinutes(1).toMillis()));
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // room for a value close to the broker's 1 MB limit
    properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    this.producer = new KafkaProducer<>(properties);
  }

  /** Sends one record asynchronously; a failure is reported by the next call or by {@link #flush}. */
  public void send(ProducedRecord record) {
    throwIfFailed();
    sent.incrementAndGet();
    producer.send(new ProducerRecord<>(topicPrefix + record.topic(), null, record.timestampMs(), record.key(), record.value()),
        (metadata, exception) -> {
          if (exception != null) {
            failure.compareAndSet(null, exception);
          } else {
            acknowledged.incrementAndGet();
          }
        });
  }

  /**
   * Sends every record, at most {@code ratePerSecond} a second when it is positive, printing
   * progress to {@code out}; returns once the broker acknowledged all of them.
   */
  public long publishAll(Iterator<? extends ProducedRecord> records, long total, double ratePerSecond, PrintStream out) {
    long start = System.nanoTime();
    long nextReport = start + REPORT_EVERY.toNanos();
    long sent = 0;
    while (records.hasNext()) {
      send(records.next());
      sent++;
      if (ratePerSecond > 0) {
        long due = start + (long) (sent * 1e9 / ratePerSecond);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
      }
      if (System.nanoTime() > nextReport) {
        out.println(progressLine(sent, total, start));
        nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
      }
    }
    flush();
    out.println(progressLine(sent, total, start));
    return sent;
  }

  /** Waits until every record sent so far is acknowledged. */
  public void flush() {
    producer.flush();
    throwIfFailed();
  }

  public long acknowledged() {
    return acknowledged.get();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }

  private static String progressLine(long sent, long total, long start) {
    double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    String of = total > 0 ? String.format(" / %,d (%.0f%%)", total, 100.0 * sent / total) : "";
    return String.format("  sent %,d%s, %,.0f records/s", sent, of, sent / seconds);
  }

  private void throwIfFailed() {
    Exception e = failure.get();
    if (e != null) {
      throw new IllegalStateException(String.format(
          "Cannot send to Kafka: %,d record(s) sent so far, %,d acknowledged, %,d not; a record was not acknowledged "
              + "within %s (the broker is unreachable or overloaded): %s", sent.get(), acknowledged.get(),
          sent.get() - acknowledged.get(), deliveryTimeout.toSeconds() + " s", e.getMessage()), e);
    }
  }
}
