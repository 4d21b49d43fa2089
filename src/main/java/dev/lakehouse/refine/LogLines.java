package dev.lakehouse.refine;

import dev.lakehouse.logs.parse.AppEvent;
import dev.lakehouse.logs.parse.AppLogParser;
import dev.lakehouse.logs.parse.ParseResult;
import dev.lakehouse.logs.parse.SyslogEvent;
import dev.lakehouse.logs.parse.SyslogParser;
import dev.lakehouse.logs.parse.UserAgentInfo;
import dev.lakehouse.logs.parse.WebLogParser;
import dev.lakehouse.logs.parse.WebRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The log-line formats the refine step reads (table property {@code lakehouse.refine.format}):
 * each turns one line into the fields of its silver table, by column name, or into the rule it
 * broke.
 */
public enum LogLines {
  /** Apache common/combined (with or without virtual host) and nginx, detected per line. */
  WEB_ACCESS("web-access"),
  /** Syslog, RFC 3164 or RFC 5424, detected per line. */
  SYSLOG("syslog"),
  /** JSON application logs, one object per line, common key spellings accepted. */
  APP_LOG("app-log");

  private final String formatName;

  LogLines(String formatName) {
    this.formatName = formatName;
  }

  public String formatName() {
    return formatName;
  }

  /** The format a table property names, or null for another (e.g. {@code json}). */
  public static LogLines named(String name) {
    for (LogLines format : values()) {
      if (format.formatName.equals(name)) {
        return format;
      }
    }
    return null;
  }

  public static List<String> names() {
    return java.util.Arrays.stream(values()).map(LogLines::formatName).toList();
  }

  /** Fields of one line, or a rejection; {@code year} dates RFC 3164 lines, which carry none. */
  ParseResult<Map<String, Object>> fields(String line, int year) {
    return switch (this) {
      case WEB_ACCESS -> map(WebLogParser.parseAny(line), LogLines::web);
      case SYSLOG -> map(SyslogParser.parse(line, year), LogLines::syslog);
      case APP_LOG -> map(AppLogParser.parse(line), LogLines::app);
    };
  }

  private static <T> ParseResult<Map<String, Object>> map(ParseResult<T> result, java.util.function.Function<T, Map<String, Object>> fields) {
    if (result instanceof ParseResult.Parsed<T> parsed) {
      return new ParseResult.Parsed<>(fields.apply(parsed.value()));
    }
    ParseResult.Rejected<T> rejected = (ParseResult.Rejected<T>) result;
    return new ParseResult.Rejected<>(rejected.ruleId(), rejected.reason());
  }

  private static Map<String, Object> web(WebRequest r) {
    UserAgentInfo agent = UserAgentInfo.of(r.userAgent());
    Map<String, Object> f = new HashMap<>();
    f.put("vhost", r.vhost());
    f.put("ip", r.ip());
    f.put("is_ipv6", r.isIpv6());
    f.put("user_name", r.user());
    f.put("requested_at", timestamp(r.requestAt()));
    f.put("method", r.method());
    f.put("path", r.path());
    f.put("query", r.query());
    f.put("protocol", r.protocol());
    f.put("status", r.status());
    f.put("bytes", r.bytes());
    f.put("referrer", r.referrer());
    f.put("user_agent", r.userAgent());
    f.put("browser", agent.browser());
    f.put("os", agent.os());
    f.put("device_class", agent.deviceClass());
    f.put("is_bot", agent.isBot());
    f.put("response_time_us", r.responseTimeUs());
    f.put("raw_request", r.rawRequest());
    return f;
  }

  private static Map<String, Object> syslog(SyslogEvent e) {
    Map<String, Object> f = new HashMap<>();
    f.put("logged_at", timestamp(e.loggedAt()));
    f.put("host", e.host());
    f.put("facility", e.facility());
    f.put("severity", e.severity());
    f.put("severity_name", e.severityName());
    f.put("program", e.program());
    f.put("pid", e.pid());
    f.put("message_id", e.messageId());
    f.put("message", e.message());
    f.put("syslog_format", e.format().formatName());
    return f;
  }

  private static Map<String, Object> app(AppEvent e) {
    Map<String, Object> f = new HashMap<>();
    f.put("logged_at", timestamp(e.loggedAt()));
    f.put("service", e.service());
    f.put("level", e.level());
    f.put("message", e.message());
    f.put("trace_id", e.traceId());
    f.put("error_type", e.errorType());
    f.put("latency_ms", e.latencyMs());
    return f;
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
