package dev.lakehouse.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A producer that cannot deliver fails at its deadline and says how many records were not acknowledged. */
class RecordPublisherTest {
  private record Text(String topic, byte[] key, byte[] value, long timestampMs) implements ProducedRecord {}

  @Test
  void aRecordTheBrokerNeverAcknowledgesFailsThePublisherNamingWhatWasNotSent() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort(); // nothing listens there once closed
    }
    try (RecordPublisher publisher = new RecordPublisher("127.0.0.1:" + port, "t.", Duration.ofSeconds(1),
        Duration.ofSeconds(2))) {
      publisher.send(new Text("orders", null, "{}".getBytes(StandardCharsets.UTF_8), 0L));
      assertThatThrownBy(publisher::flush)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("1 record(s) sent so far, 0 acknowledged, 1 not")
          .hasMessageContaining("within 2 s");
      // and nothing more is taken once it has failed
      assertThatThrownBy(() -> publisher.send(new Text("orders", null, new byte[0], 0L)))
          .isInstanceOf(IllegalStateException.class);
      assertThat(publisher.acknowledged()).isZero();
    }
  }
}
