package dev.lakehouse.testing;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.kafka.LocalKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test fixtures shared by the whole test JVM: one SparkSession (local[2], 2 shuffle partitions, UI
 * off) and one real Kafka broker started on free loopback ports. Each test gets a fresh storage
 * root under target/test-homes and its own topic prefix, so tests never see each other's data.
 */
public final class TestLakehouse {
  private static final Path HOMES = Path.of("target", "test-homes").toAbsolutePath();
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static LocalKafkaBroker broker;

  private TestLakehouse() {}

  /** A lakehouse on a fresh storage root, with Kafka settings pointing nowhere. */
  public static Lakehouse fresh(String... overrides) {
    return open(config("127.0.0.1:9", overrides));
  }

  /** A lakehouse on a fresh storage root, reading from the shared broker with its own topic prefix. */
  public static Lakehouse freshWithKafka(String... overrides) {
    return open(config(kafka(), overrides));
  }

  /** The configuration such a lakehouse uses (for child processes). */
  public static LakehouseConfig config(String bootstrap, String... overrides) {
    int n = COUNTER.incrementAndGet();
    Path home = HOMES.resolve("home-" + ProcessHandle.current().pid() + "-" + n);
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> assignments = new ArrayList<>(List.of(
        "home=" + home,
        "kafka.bootstrap-servers=" + bootstrap,
        "kafka.topic-prefix=t" + n + ".",
        "ingest.trigger-interval=200ms",
        "refine.trigger-interval=200ms",
        // a loaded test machine may take a minute for a batch; only monitor tests alert on slow batches
        "monitor.slow-batch=10m",
        // test data are for fixed past days, weeks behind the clock; only monitor tests judge the end-to-end lag
        "monitor.max-lag=0s"));
    assignments.addAll(List.of(overrides));
    return LakehouseConfig.load(Map.of(), assignments);
  }

  /** The same configuration with more assignments applied on top (same home, same topic prefix). */
  public static LakehouseConfig with(LakehouseConfig config, String... overrides) {
    List<String> assignments = new ArrayList<>();
    config.values().forEach((key, value) -> assignments.add(key + "=" + value));
    assignments.addAll(List.of(overrides));
    return LakehouseConfig.load(Map.of(), assignments);
  }

  /**
   * Opens a lakehouse in the shared session. Opening forgets the previous test's tables (another
   * storage root) and enters this one's on first use, so a test pays only for the tables it touches.
   */
  public static Lakehouse open(LakehouseConfig config) {
    return Lakehouse.open(config, "lakehouse-test");
  }

  /** The shared broker's bootstrap address; started on first use, stopped when the JVM exits. */
  public static synchronized String kafka() {
    if (broker == null) {
      Path data = HOMES.resolve("kafka-" + ProcessHandle.current().pid());
      broker = LocalKafkaBroker.startOnFreePorts(data);
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-shutdown"));
    }
    return broker.bootstrapServers();
  }
}
