package dev.lakehouse.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.testing.Produce;
import dev.lakehouse.testing.Produce.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

class LocalKafkaBrokerTest {

  @Test
  void restartKeepsTopicsAndRecords() {
    Path data = Path.of("target", "test-homes", "broker-restart-" + ProcessHandle.current().pid()).toAbsolutePath();
    try (LocalKafkaBroker broker = LocalKafkaBroker.startOnFreePorts(data)) {
      KafkaAdmin.ensureTopics(broker.bootstrapServers(), List.of("kept"), 1);
      Produce.send(broker.bootstrapServers(), "kept", List.of(Message.of("k", "v1"), Message.of("k", "v2")));
    }

    try (LocalKafkaBroker restarted = LocalKafkaBroker.startOnFreePorts(data)) {
      assertThat(endOffset(restarted.bootstrapServers(), "kept")).isEqualTo(2);
    }
  }

  private static long endOffset(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("key.deserializer", ByteArrayDeserializer.class);
    p.put("value.deserializer", ByteArrayDeserializer.class);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      TopicPartition partition = new TopicPartition(topic, 0);
      return consumer.endOffsets(Set.of(partition)).get(partition);
    }
  }
}
