package dev.lakehouse.alerts;

import dev.lakehouse.config.LakehouseConfig;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channels configured under {@code alerts.*}. Delivery is best effort: a channel that fails
 * (after its own retries) is logged as a warning and never fails the caller, which is usually a
 * stream's micro-batch; the alert stays in ops.alerts either way.
 */
public final class AlertChannels {
  private static final Logger LOG = LoggerFactory.getLogger(AlertChannels.class);

  private final List<AlertChannel> channels;

  public AlertChannels(List<AlertChannel> channels) {
    this.channels = List.copyOf(channels);
  }

  public static AlertChannels from(LakehouseConfig.Alerts config) {
    List<AlertChannel> channels = new ArrayList<>();
    if (config.publishesToRedis()) {
      channels.add(new RedisChannel(config.redisUrl(), config.redisChannel()));
    }
    if (config.publishesToWebhook()) {
      channels.add(new WebhookChannel(config.webhookUrl(), config.webhookTimeout(), config.webhookRetries()));
    }
    return new AlertChannels(channels);
  }

  /** Pushes the alerts to every channel; returns how many channels took them. */
  public int publish(List<Alert> alerts) {
    if (alerts.isEmpty()) {
      return 0;
    }
    int delivered = 0;
    for (AlertChannel channel : channels) {
      try {
        channel.publish(alerts);
        delivered++;
      } catch (Exception e) {
        LOG.warn("Cannot push {} alert(s) to {}: {}; they are in ops.alerts (see `lakehouse alerts list`)",
            alerts.size(), channel.name(), e.getMessage());
      }
    }
    return delivered;
  }
}
