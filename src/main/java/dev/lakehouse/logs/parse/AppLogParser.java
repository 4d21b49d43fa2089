package dev.lakehouse.logs.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses structured application logs, one JSON object per line, under the key spellings common loggers
 * use (the first present, non-null one wins; the others stay in {@link AppEvent#extra()}):
 *
 * <ul>
 *   <li>time: {@code ts}, {@code timestamp}, {@code @timestamp}, {@code time} — an ISO-8601 string (no
 *       offset means UTC), or epoch seconds, milliseconds, microseconds or nanoseconds as a number;
 *       required</li>
 *   <li>{@code level}, {@code severity}, {@code log.level}, {@code levelname}</li>
 *   <li>{@code msg}, {@code message}</li>
 *   <li>{@code service}, {@code app}, {@code service.name}, {@code application}</li>
 *   <li>{@code trace_id}, {@code traceId}, {@code trace.id}</li>
 *   <li>{@code error_type}, {@code exception} (a string, or an object with a {@code class} or {@code type}),
 *       {@code errorType}, {@code error.type}</li>
 *   <li>{@code latency_ms}, {@code latencyMs}, {@code duration_ms}, {@code durationMs}, {@code elapsed_ms} —
 *       a number, or a string holding one</li>
 * </ul>
 *
 * Rejections: {@code parse.empty}, {@code parse.json} (not a JSON object), {@code parse.missing_field.ts},
 * {@code parse.bad_timestamp}, {@code parse.type.<key>} (a latency that is no number).
 *
 * <p>Stateless and thread-safe (one shared Jackson mapper): call it from any thread, any Spark task.
 */
public final class AppLogParser {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final List<String> TIME_KEYS = List.of("ts", "timestamp", "@timestamp", "time");
  private static final List<String> LEVEL_KEYS = List.of("level", "severity", "log.level", "levelname");
  private static final List<String> MESSAGE_KEYS = List.of("msg", "message");
  private static final List<String> SERVICE_KEYS = List.of("service", "app", "service.name", "application");
  private static final List<String> TRACE_KEYS = List.of("trace_id", "traceId", "trace.id");
  private static final List<String> ERROR_KEYS = List.of("error_type", "exception", "errorType", "error.type");
  private static final List<String> LATENCY_KEYS = List.of(
      "latency_ms", "latencyMs", "duration_ms", "durationMs", "elapsed_ms");
  private static final List<String> EXCEPTION_TYPE_KEYS = List.of("class", "type");
  private static final int JSON_ERROR_CHARS = 120;

  private AppLogParser() {}

  /** Parses one line: a JSON object with at least a timestamp. */
  public static ParseResult<AppEvent> parse(String line) {
    try {
      return new ParseResult.Parsed<>(event(object(Rules.trimmedEnd(line))));
    } catch (Rejection rejection) {
      return rejection.of(line);
    }
  }

  private static AppEvent event(ObjectNode fields) {
    Instant loggedAt = loggedAt(fields);
    String level = AppLevels.normalized(removeFirst(fields, LEVEL_KEYS));
    String message = text(removeFirst(fields, MESSAGE_KEYS));
    String service = text(removeFirst(fields, SERVICE_KEYS));
    String traceId = text(removeFirst(fields, TRACE_KEYS));
    String errorType = errorType(removeFirst(fields, ERROR_KEYS));
    Long latencyMs = latencyMs(fields);
    return new AppEvent(loggedAt, service, level, message, traceId, errorType, latencyMs, extra(fields));
  }

  private static ObjectNode object(String line) {
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new Rejection(Rules.JSON, "Invalid JSON: " + shortened(e.getOriginalMessage()));
    }
    if (!(node instanceof ObjectNode)) {
      String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
      throw new Rejection(Rules.JSON, "Invalid app log line: a JSON " + type + ", expected an object");
    }
    return (ObjectNode) node;
  }

  private static Instant loggedAt(ObjectNode fields) {
    JsonNode time = removeFirst(fields, TIME_KEYS);
    if (time == null) {
      throw new Rejection(Rules.MISSING_FIELD + "ts", "Invalid app log line: no timestamp under any of " + TIME_KEYS);
    }
    if (time.isIntegralNumber() && time.canConvertToLong()) {
      return Timestamps.epoch(time.asLong());
    }
    if (time.isNumber()) {
      return Timestamps.epoch(time.asDouble());
    }
    if (!time.isTextual()) {
      throw new Rejection(Rules.BAD_TIMESTAMP,
          "Invalid timestamp " + time + ": expected an ISO-8601 string or an epoch number");
    }
    return Timestamps.iso(time.textValue().trim());
  }

  private static Long latencyMs(ObjectNode fields) {
    String key = firstPresent(fields, LATENCY_KEYS);
    if (key == null) {
      return null;
    }
    JsonNode latency = fields.remove(key);
    if (latency.isIntegralNumber() && latency.canConvertToLong()) {
      return latency.asLong();
    }
    double value = latency.isNumber() ? latency.asDouble() : numberInText(latency);
    if (!Double.isFinite(value) || Math.abs(value) >= Long.MAX_VALUE) {
      throw new Rejection(Rules.TYPE + key, "Invalid " + key + " " + latency + ": expected a number of milliseconds");
    }
    return Math.round(value);
  }

  // "250.4", as some loggers write numbers; NaN for anything else
  private static double numberInText(JsonNode value) {
    try {
      return value.isTextual() ? Double.parseDouble(value.textValue().trim()) : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  // a string, or {"class": "java.net.ConnectException", "message": ...}
  private static String errorType(JsonNode error) {
    if (error instanceof ObjectNode) {
      String key = firstPresent((ObjectNode) error, EXCEPTION_TYPE_KEYS);
      return key == null ? error.toString() : text(error.get(key));
    }
    return text(error);
  }

  private static Map<String, String> extra(ObjectNode fields) {
    Map<String, String> extra = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!field.getValue().isNull()) {
        extra.put(field.getKey(), text(field.getValue()));
      }
    }
    return extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(extra);
  }

  // the value of the first of the keys present and not null, removed from the object
  private static JsonNode removeFirst(ObjectNode fields, List<String> keys) {
    String key = firstPresent(fields, keys);
    return key == null ? null : fields.remove(key);
  }

  private static String firstPresent(ObjectNode fields, List<String> keys) {
    for (String key : keys) {
      JsonNode value = fields.get(key);
      if (value != null && !value.isNull()) {
        return key;
      }
    }
    return null;
  }

  // strings as they are, anything else as JSON text
  private static String text(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isTextual() ? value.textValue() : value.toString();
  }

  private static String shortened(String message) {
    String firstLine = message == null ? "unreadable" : message.lines().findFirst().orElse("");
    return firstLine.length() <= JSON_ERROR_CHARS ? firstLine : firstLine.substring(0, JSON_ERROR_CHARS) + "...";
  }
}
