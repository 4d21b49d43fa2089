package dev.lakehouse.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of an alert on every channel: one object with the columns of ops.alerts,
 * timestamps as ISO-8601 UTC strings, absent values as null.
 */
public final class AlertJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AlertJson() {}

  public static String of(Alert alert) {
    try {
      return MAPPER.writeValueAsString(fields(alert));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write alert " + alert.alertId() + " as JSON", e);
    }
  }

  /** A JSON array of alerts (the webhook's body). */
  public static String of(List<Alert> alerts) {
    try {
      return MAPPER.writeValueAsString(alerts.stream().map(AlertJson::fields).toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + alerts.size() + " alerts as JSON", e);
    }
  }

  private static Map<String, Object> fields(Alert a) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("alert_id", a.alertId());
    fields.put("domain", a.domain());
    fields.put("rule", a.rule());
    fields.put("severity", a.severity());
    fields.put("subject", a.subject());
    fields.put("message", a.message());
    fields.put("value", a.value());
    fields.put("expected_range", a.expectedRange());
    fields.put("window_start", text(a.windowStart()));
    fields.put("window_end", text(a.windowEnd()));
    fields.put("first_seen_at", text(a.firstSeenAt()));
    return fields;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
