package dev.lakehouse.alerts;

import java.util.List;

/** Somewhere newly raised alerts are pushed to, for a person or another system to subscribe to. */
public interface AlertChannel {
  /** A short name for messages, e.g. {@code redis lakehouse:alerts}. */
  String name();

  /** Delivers the alerts; throws when they could not be delivered. */
  void publish(List<Alert> alerts) throws Exception;
}
