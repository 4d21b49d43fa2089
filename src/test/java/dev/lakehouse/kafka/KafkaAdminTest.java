package dev.lakehouse.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Why the brokers did not answer, told apart: nothing listening, or a listener that does not answer in time. */
class KafkaAdminTest {
  @Test
  void nothingListeningSaysToStartABroker() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String bootstrap = "127.0.0.1:" + port;

    assertThat(KafkaAdmin.unreachable(bootstrap, Duration.ofSeconds(2)))
        .isEqualTo("Cannot reach Kafka at " + bootstrap + ": nothing accepts connections there; start a broker with "
            + "`bin/lakehouse kafka` or set kafka.bootstrap-servers");
  }

  @Test
  void aListenerThatDoesNotAnswerIsNotTakenForAMissingBroker() throws Exception {
    // accepts connections (the kernel completes them) but never speaks Kafka: an overloaded broker, seen from outside
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String bootstrap = "127.0.0.1:" + silent.getLocalPort();

      assertThat(KafkaAdmin.unreachable(bootstrap, Duration.ofSeconds(3)))
          .isEqualTo("Cannot reach Kafka at " + bootstrap + ": " + bootstrap + " accepts connections but the cluster did "
              + "not answer within 3s (overloaded or still starting?); raise kafka.connect-timeout to wait longer");
    }
  }
}
