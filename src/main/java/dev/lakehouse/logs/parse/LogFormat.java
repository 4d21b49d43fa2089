package dev.lakehouse.logs.parse;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The log formats the parsers read. Each has a canonical name ({@code apache-combined}) and a few aliases
 * people type ({@code combined}, {@code rfc5424}); {@link #fromName} takes either, in any case, with
 * {@code _} or {@code -}.
 */
public enum LogFormat {
  /** {@code %h %l %u %t "%r" %>s %b}, optionally followed by {@code %D}. */
  APACHE_COMMON("apache-common", "common", "clf", "ncsa"),
  /** {@code %h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-agent}i"}, optionally followed by {@code %D}. */
  APACHE_COMBINED("apache-combined", "combined"),
  /** {@code %v:%p %h %l %u %t "%r" %>s %O "%{Referer}i" "%{User-Agent}i"}, the port optional. */
  APACHE_COMBINED_VHOST("apache-combined-vhost", "vhost-combined", "combined-vhost"),
  /** {@code %v %h %l %u %t "%r" %>s %b}, a port after the host allowed. */
  APACHE_COMMON_VHOST("apache-common-vhost", "vhost-common", "common-vhost"),
  /** nginx's {@code combined}; {@code $request_time} and further quoted fields may follow. */
  NGINX("nginx", "nginx-combined", "nginx-main"),
  /** BSD syslog: {@code <34>Oct 11 22:14:15 mymachine su: message}; the PRI is optional. */
  SYSLOG_3164("syslog-3164", "rfc3164", "bsd-syslog", "syslog"),
  /** {@code <165>1 2003-10-11T22:14:15.003Z host app procid msgid [sd] message}. */
  SYSLOG_5424("syslog-5424", "rfc5424"),
  /** One JSON object per line, as structured application loggers write. */
  JSON_APP("json", "json-app", "app", "jsonl", "ndjson");

  private final String formatName;
  private final List<String> aliases;

  LogFormat(String formatName, String... aliases) {
    this.formatName = formatName;
    this.aliases = List.of(aliases);
  }

  /** The canonical name, e.g. {@code apache-combined}. */
  public String formatName() {
    return formatName;
  }

  /** Whether {@link WebLogParser} reads it. */
  public boolean isWeb() {
    return !isSyslog() && this != JSON_APP;
  }

  /** Whether {@link SyslogParser} reads it. */
  public boolean isSyslog() {
    return this == SYSLOG_3164 || this == SYSLOG_5424;
  }

  /**
   * The format with this canonical name or alias, e.g. "apache-combined", "nginx", "syslog-3164", "rfc5424",
   * "json".
   *
   * @throws IllegalArgumentException naming the known formats when there is none
   */
  public static LogFormat fromName(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (LogFormat format : values()) {
      if (format.formatName.equals(wanted) || format.aliases.contains(wanted)) {
        return format;
      }
    }
    throw new IllegalArgumentException("Invalid log format " + (name == null ? "null" : "'" + name + "'")
        + ": known formats are " + knownNames());
  }

  private static String knownNames() {
    return Arrays.stream(values())
        .map(format -> format.formatName + " (or " + String.join(", ", format.aliases) + ")")
        .collect(Collectors.joining(", "));
  }
}
