package dev.lakehouse.alerts;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * POSTs the alerts of one raise as a JSON array to a URL; retried with backoff when the request
 * fails or the answer is not 2xx.
 */
public final class WebhookChannel implements AlertChannel {
  private final URI url;
  private final Duration timeout;
  private final RetryPolicy<Object> retries;
  private final HttpClient client;

  public WebhookChannel(String url, Duration timeout, int maxRetries) {
    this.url = URI.create(url);
    this.timeout = timeout;
    this.retries = RetryPolicy.builder()
        .handle(IOException.class, UnexpectedStatusException.class)
        .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(5))
        .withMaxRetries(maxRetries)
        .build();
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public String name() {
    return "webhook " + url;
  }

  @Override
  public void publish(List<Alert> alerts) {
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(AlertJson.of(alerts)))
        .build();
    Failsafe.with(retries).run(() -> send(request));
  }

  private void send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new UnexpectedStatusException(url + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  /** The webhook answered, but not with 2xx. */
  static final class UnexpectedStatusException extends IOException {
    UnexpectedStatusException(String message) {
      super(message);
    }
  }
}
