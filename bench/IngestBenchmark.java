import dev.lakehouse.Lakehouse;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.generate.DataGenerator;
import dev.lakehouse.generate.GeneratedRecord;
import dev.lakehouse.generate.GeneratorSettings;
import dev.lakehouse.ingest.BronzeIngest;
import dev.lakehouse.kafka.KafkaAdmin;
import dev.lakehouse.kafka.LocalKafkaBroker;
import dev.lakehouse.kafka.RecordPublisher;
import dev.lakehouse.spark.StreamingQueries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.spark.sql.streaming.Trigger;

/**
 * bench/ingest: produce N generated records to one topic of a local broker, then in the same run
 * time (a) a plain KafkaConsumer draining the topic and (b) the bronze ingest query (available
 * now) writing them to Delta. Prints records/s of both and the ratio b/a; fails unless both saw every record.
 * {@code --smoke}: 5,000 records, one partition, in a running JVM (the session is left running).
 */
public class IngestBenchmark {
  static final String SOURCE = "commerce.events";

  public static void main(String[] args) throws Exception {
    boolean smoke = args.length > 0 && args[0].equals("--smoke");
    long n = smoke ? 5_000L : args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    int partitions = smoke ? 1 : args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path root = Files.createTempDirectory("lakehouse-bench-ingest");
    try (LocalKafkaBroker broker = LocalKafkaBroker.startOnFreePorts(root.resolve("kafka"))) {
      LakehouseConfig config = LakehouseConfig.load(Map.of(), List.of(
          "home=" + root.resolve("lake"),
          "kafka.bootstrap-servers=" + broker.bootstrapServers(),
          "ingest.max-offsets-per-trigger=0"));
      String topic = config.kafka().topic(SOURCE);
      KafkaAdmin.ensureTopics(broker.bootstrapServers(), List.of(topic), partitions);
      long bytes = produce(config, n);
      System.out.printf("produced %,d records (%,.1f MB of values) to %s with %d partitions%n", n, bytes / 1e6, topic, partitions);

      long started = System.nanoTime();
      long consumed = drain(broker.bootstrapServers(), topic, n);
      double consumerSeconds = (System.nanoTime() - started) / 1e9;

      Lakehouse lakehouse = Lakehouse.open(config, "bench-ingest");
      started = System.nanoTime();
      StreamingQueries.awaitAll(List.of(new BronzeIngest(config, lakehouse.catalog())
          .start(lakehouse.spark(), SOURCE, Trigger.AvailableNow())), System.out, Duration.ofSeconds(10));
      double ingestSeconds = (System.nanoTime() - started) / 1e9;
      long landed = lakehouse.spark().table("bronze.commerce_events").count();

      double a = consumed / consumerSeconds;
      double b = landed / ingestSeconds;
      System.out.printf("(a) KafkaConsumer drain:       %,12d records in %7.2f s = %,10.0f records/s%n", consumed, consumerSeconds, a);
      System.out.printf("(b) ingest --available-now:   %,12d records in %7.2f s = %,10.0f records/s (Kafka -> Delta bronze, exactly once)%n",
          landed, ingestSeconds, b);
      System.out.printf("ratio b/a = %.3f%n", b / a);
      if (consumed != n || landed != n) {
        throw new IllegalStateException("produced " + n + ", consumed " + consumed + ", landed in bronze " + landed);
      }
      if (!smoke) {
        lakehouse.spark().stop();
      }
    }
  }

  private static long produce(LakehouseConfig config, long n) {
    GeneratorSettings settings = new GeneratorSettings(42, LocalDate.of(2026, 11, 21), 0.0, Set.of());
    DataGenerator generator = new DataGenerator(settings, n);
    long bytes = 0;
    try (RecordPublisher publisher = new RecordPublisher(config.kafka().bootstrapServers(), config.kafka().topicPrefix())) {
      while (generator.hasNext()) {
        GeneratedRecord record = generator.next();
        bytes += record.value().length;
        publisher.send(new GeneratedRecord(SOURCE, record.key(), record.value(), record.timestampMs()));
      }
      publisher.flush();
    }
    return bytes;
  }

  private static long drain(String bootstrap, String topic, long expected) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("key.deserializer", ByteArrayDeserializer.class);
    p.put("value.deserializer", ByteArrayDeserializer.class);
    p.put("max.poll.records", 10_000);
    p.put("fetch.max.bytes", 64 * 1024 * 1024);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long count = 0;
      long checksum = 0;
      while (count < expected) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofSeconds(1));
        for (var record : records) {
          checksum += record.value().length;
          count++;
        }
      }
      if (checksum == 0) {
        throw new IllegalStateException("drained no bytes");
      }
      return count;
    }
  }
}
