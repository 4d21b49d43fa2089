package dev.lakehouse.alerts;

import java.net.URI;
import java.util.List;
import redis.clients.jedis.Jedis;

/** Publishes each alert as one JSON message on a Redis pub/sub channel. */
public final class RedisChannel implements AlertChannel {
  private static final int TIMEOUT_MS = 5_000;

  private final URI url;
  private final String channel;

  public RedisChannel(String url, String channel) {
    this.url = URI.create(url);
    this.channel = channel;
  }

  @Override
  public String name() {
    return "redis " + url.getHost() + ":" + url.getPort() + " channel " + channel;
  }

  /** One short connection per raise: alerts are rare, and a pool would outlive the stream's batch. */
  @Override
  public void publish(List<Alert> alerts) {
    try (Jedis jedis = new Jedis(url, TIMEOUT_MS)) {
      for (Alert alert : alerts) {
        jedis.publish(channel, AlertJson.of(alert));
      }
    }
  }
}
