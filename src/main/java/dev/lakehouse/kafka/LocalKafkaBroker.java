package dev.lakehouse.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), bound to
 * loopback, with its log under a directory that survives restarts. For local runs and tests; in
 * production the lakehouse points at an existing cluster.
 */
public final class LocalKafkaBroker implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaRaftServer server;
  private final String bootstrapServers;

  private LocalKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Starts a broker on {@code 127.0.0.1:port} (its controller on {@code controllerPort}), keeping
   * its data under {@code dataDir}; formats the storage on first use.
   */
  public static LocalKafkaBroker start(Path dataDir, int port, int controllerPort) {
    requireFree(port, "kafka.port");
    requireFree(controllerPort, "kafka.port + 1 (the controller)");
    Properties properties = properties(dataDir, port, controllerPort);
    format(dataDir, properties);
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
    server.startup();
    String bootstrap = "127.0.0.1:" + port;
    LocalKafkaBroker broker = new LocalKafkaBroker(server, bootstrap);
    try {
      KafkaAdmin.awaitReady(bootstrap, READY_TIMEOUT);
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    return broker;
  }

  /** Starts a broker on two free loopback ports (tests, benchmarks); stop it and start it again on others. */
  public static LocalKafkaBroker startOnFreePorts(Path dataDir) {
    return start(dataDir, freePort(), freePort());
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  /** A loopback port nobody listens on right now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireFree(int port, String what) {
    try (ServerSocket socket = new ServerSocket(port)) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalStateException(String.format(
          "Cannot start the local Kafka broker: port %d (%s) is in use; stop what uses it or pick another with --conf kafka.port=N",
          port, what));
    }
  }

  private static Properties properties(Path dataDir, int port, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", dataDir.resolve("log").toAbsolutePath().toString());
    p.put("num.partitions", "2");
    p.put("offsets.topic.replication.factor", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "true");
    // no time-based retention: records carry their event time as CreateTime, and a generated day more than a
    // week old would otherwise be deleted by the next retention check before ingest reads it (cap by size instead)
    p.put("log.retention.ms", "-1");
    p.put("log.retention.bytes", Long.toString(1L << 30));
    // a single node: make the log durable on clean shutdown without slowing every write
    p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
    return p;
  }

  private static void format(Path dataDir, Properties properties) {
    try {
      Files.createDirectories(dataDir);
      Path file = dataDir.resolve("server.properties");
      try (OutputStream out = Files.newOutputStream(file)) {
        properties.store(out, "written by lakehouse; regenerated at every start");
      }
      if (Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
        return; // formatted by an earlier start: keep its cluster id and topics
      }
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      String[] args = {"format", "-t", Uuid.randomUuid().toString(), "-c", file.toString(), "--ignore-formatted"};
      int exit = StorageTool.execute(args, new PrintStream(output, true, StandardCharsets.UTF_8));
      if (exit != 0) {
        throw new IllegalStateException("Cannot format Kafka storage in " + dataDir + ": "
            + output.toString(StandardCharsets.UTF_8).trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare Kafka storage in " + dataDir, e);
    }
  }
}
