package dev.lakehouse.logs.parse;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * One structured application log entry (a JSON object per line).
 *
 * @param loggedAt when it was logged, in UTC
 * @param service the service or application that logged it; null when missing
 * @param level the level upper-cased, with WARNING as WARN, ERR as ERROR and pino/bunyan numbers named; null
 *     when missing
 * @param message the message text; null when missing
 * @param traceId the trace id; null when missing
 * @param errorType the exception or error type; null when missing
 * @param latencyMs the latency or duration in milliseconds, rounded; null when missing
 * @param extra every other field of the object by name, strings as they are, other values as JSON text
 *     (nulls left out); never null
 */
public record AppEvent(Instant loggedAt, String service, String level, String message, String traceId,
    String errorType, Long latencyMs, Map<String, String> extra) implements Serializable {}
