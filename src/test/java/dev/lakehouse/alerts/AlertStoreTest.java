package dev.lakehouse.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.lakehouse.Lakehouse;
import dev.lakehouse.testing.RedisServer;
import dev.lakehouse.testing.RedisSubscription;
import dev.lakehouse.testing.TestLakehouse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Raising alerts: once per condition in ops.alerts, pushed once to Redis and the webhook, acknowledged by people. */
class AlertStoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant WINDOW = Instant.parse("2026-11-21T10:00:00Z");

  private static Alert alert(String domain, String subject) {
    return new Alert(domain, domain + ".revenue_zscore", "warning", subject, "Revenue of " + subject + " is 4.2 sigma above",
        4.2, "[-3.0, 3.0]", WINDOW, WINDOW.plus(Duration.ofHours(1)), WINDOW.plus(Duration.ofMinutes(61)));
  }

  @Test
  void aNewAlertIsPublishedToRedisOnceAndARepeatIsNot() throws Exception {
    try (RedisServer redis = RedisServer.start();
         RedisSubscription subscriber = RedisSubscription.to(redis, "test:alerts")) {
      Lakehouse lakehouse = TestLakehouse.fresh("alerts.redis-url=" + redis.url(), "alerts.redis-channel=test:alerts");
      AlertStore store = new AlertStore(lakehouse.catalog());
      Alert books = alert("commerce", "books");

      assertThat(store.raise(lakehouse.spark(), List.of(books, books))).containsExactly(books);
      assertThat(store.raise(lakehouse.spark(), List.of(books))).isEmpty();
      Alert toys = alert("commerce", "toys");
      assertThat(store.raise(lakehouse.spark(), List.of(books, toys))).containsExactly(toys);

      List<String> messages = subscriber.next(2, Duration.ofSeconds(10));
      JsonNode first = JSON.readTree(messages.get(0));
      assertThat(first.get("alert_id").asText()).isEqualTo(books.alertId());
      assertThat(first.get("subject").asText()).isEqualTo("books");
      assertThat(first.get("value").asDouble()).isEqualTo(4.2);
      assertThat(first.get("expected_range").asText()).isEqualTo("[-3.0, 3.0]");
      assertThat(first.get("window_start").asText()).isEqualTo("2026-11-21T10:00:00Z");
      assertThat(first.get("first_seen_at").asText()).isEqualTo("2026-11-21T11:01:00Z");
      assertThat(JSON.readTree(messages.get(1)).get("subject").asText()).isEqualTo("toys");
      assertThat(lakehouse.spark().sql("select count(*) from ops.alerts").first().getLong(0)).isEqualTo(2);
    }
  }

  @Test
  void aRedisThatIsDownDoesNotStopTheAlertFromBeingRecorded() {
    try (RedisServer redis = RedisServer.start()) {
      Lakehouse lakehouse = TestLakehouse.fresh("alerts.redis-url=" + redis.url());
      redis.stop();

      List<Alert> raised = new AlertStore(lakehouse.catalog()).raise(lakehouse.spark(), List.of(alert("logs", "api")));

      assertThat(raised).hasSize(1);
      assertThat(lakehouse.spark().sql("select subject from ops.alerts").collectAsList())
          .extracting(row -> row.getString(0)).containsExactly("api");

      redis.restart();
      try (RedisSubscription subscriber = RedisSubscription.to(redis, "lakehouse:alerts")) {
        new AlertStore(lakehouse.catalog()).raise(lakehouse.spark(), List.of(alert("logs", "web")));
        assertThat(subscriber.next(1, Duration.ofSeconds(10)).get(0)).contains("\"subject\":\"web\"");
      }
    }
  }

  @Test
  void theWebhookGetsTheNewAlertsAfterAFailedAttempt() throws IOException {
    List<String> bodies = new CopyOnWriteArrayList<>();
    AtomicInteger attempts = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hooks/alerts", exchange -> {
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      int status = attempts.incrementAndGet() == 1 ? 503 : 204;
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
    try {
      Lakehouse lakehouse = TestLakehouse.fresh(
          "alerts.webhook-url=http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/alerts",
          "alerts.webhook-retries=2");
      AlertStore store = new AlertStore(lakehouse.catalog());

      store.raise(lakehouse.spark(), List.of(alert("finance", "card-1"), alert("finance", "card-2")));
      store.raise(lakehouse.spark(), List.of(alert("finance", "card-1")));

      assertThat(attempts).hasValue(2);
      JsonNode delivered = JSON.readTree(bodies.get(1));
      assertThat(delivered.isArray()).isTrue();
      assertThat(delivered).extracting(node -> node.get("subject").asText()).containsExactly("card-1", "card-2");
      assertThat(delivered.get(0).get("rule").asText()).isEqualTo("finance.revenue_zscore");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void acknowledgingMarksOpenAlertsOnce() {
    Lakehouse lakehouse = TestLakehouse.fresh();
    AlertStore store = new AlertStore(lakehouse.catalog());
    Alert alert = alert("commerce", "books");
    store.raise(lakehouse.spark(), List.of(alert, alert("commerce", "toys")));
    Instant at = Instant.parse("2026-11-21T12:00:00Z");

    assertThat(store.acknowledge(lakehouse.spark(), List.of(alert.alertId(), "nope"), "ana", at))
        .containsExactly(alert.alertId());
    assertThat(store.acknowledge(lakehouse.spark(), List.of(alert.alertId()), "bo", at.plusSeconds(60))).isEmpty();

    List<Row> rows = lakehouse.spark().sql(
        "select subject, status, acknowledged_by, acknowledged_at from ops.alerts order by subject").collectAsList();
    assertThat(rows.get(0).getString(1)).isEqualTo("acknowledged");
    assertThat(rows.get(0).getString(2)).isEqualTo("ana");
    assertThat(rows.get(0).getTimestamp(3).toInstant()).isEqualTo(at);
    assertThat(rows.get(1).getString(1)).isEqualTo("open");
    assertThat(rows.get(1).isNullAt(2)).isTrue();
  }
}
