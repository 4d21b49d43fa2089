package dev.lakehouse.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Sends test records to the shared broker and waits for the acknowledgements. */
public final class Produce {
  private Produce() {}

  public record Message(byte[] key, byte[] value) {
    public static Message of(String key, String value) {
      return new Message(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }
  }

  public static void send(String bootstrap, String topic, List<Message> messages) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // a busy test machine can stall the in-process broker: wait for answers rather than resend early
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // one request in flight, as in RecordPublisher: a fresh partition can otherwise lose a batch (KAFKA-15591)
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      List<java.util.concurrent.Future<?>> acks = new java.util.ArrayList<>();
      for (Message message : messages) {
        acks.add(producer.send(new ProducerRecord<>(topic, message.key(), message.value())));
      }
      producer.flush();
      for (java.util.concurrent.Future<?> ack : acks) {
        ack.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException e) {
      throw new AssertionError("Cannot produce to " + topic + ": " + e.getMessage(), e);
    }
  }
}
