package dev.lakehouse.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;

/** The few admin operations the lakehouse needs: wait for a broker, create topics. */
public final class KafkaAdmin {
  private KafkaAdmin() {}

  /** Blocks until the cluster answers, or fails naming the address after the timeout. */
  public static void awaitReady(String bootstrapServers, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try (Admin admin = admin(bootstrapServers)) {
        admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException | TimeoutException e) {
        last = new IllegalStateException(e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for Kafka at " + bootstrapServers, e);
      }
    }
    throw new IllegalStateException(unreachable(bootstrapServers, timeout), last);
  }

  /** Why the brokers did not answer: nothing listens, or something listens but answered too late. */
  static String unreachable(String bootstrapServers, Duration timeout) {
    List<String> listening = java.util.Arrays.stream(bootstrapServers.split(","))
        .map(String::trim)
        .filter(KafkaAdmin::acceptsConnections)
        .toList();
    if (listening.isEmpty()) {
      return String.format("Cannot reach Kafka at %s: nothing accepts connections there; start a broker with "
          + "`bin/lakehouse kafka` or set kafka.bootstrap-servers", bootstrapServers);
    }
    return String.format("Cannot reach Kafka at %s: %s accepts connections but the cluster did not answer within %ds "
        + "(overloaded or still starting?); raise kafka.connect-timeout to wait longer",
        bootstrapServers, String.join(", ", listening), timeout.toSeconds());
  }

  private static boolean acceptsConnections(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(hostPort.substring(0, colon),
          Integer.parseInt(hostPort.substring(colon + 1))), 2_000);
      return true;
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }

  /** Creates the topics that do not exist yet, with the given partition count. */
  public static void ensureTopics(String bootstrapServers, Collection<String> topics, int partitions) {
    try (Admin admin = admin(bootstrapServers)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = topics.stream()
          .filter(topic -> !existing.contains(topic))
          .map(topic -> new NewTopic(topic, partitions, (short) 1))
          .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot create topics " + topics + " at " + bootstrapServers + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Deletes records before the given offsets, as retention would; used to test lost-offset detection. */
  public static void deleteRecordsBefore(String bootstrapServers, Map<TopicPartition, Long> offsets) {
    try (Admin admin = admin(bootstrapServers)) {
      Map<TopicPartition, RecordsToDelete> request = new java.util.HashMap<>();
      offsets.forEach((tp, offset) -> request.put(tp, RecordsToDelete.beforeOffset(offset)));
      admin.deleteRecords(request).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot delete records at " + bootstrapServers + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Admin admin(String bootstrapServers) {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    return Admin.create(properties);
  }
}
