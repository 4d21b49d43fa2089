package dev.lakehouse.logs.parse;

import static dev.lakehouse.logs.parse.GeneratedLogs.of;
import static dev.lakehouse.logs.parse.GeneratedLogs.text;
import static dev.lakehouse.logs.parse.Results.parsedValue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.generate.GeneratedRecord;
import dev.lakehouse.generate.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every log line the generator writes parses, to the time and fields it was generated with. */
class GeneratedLogsTest {
  private static final int YEAR = GeneratedLogs.DAY.getYear();

  @Test
  void everyAccessLineParsesAsApacheCombinedAtItsRecordTime() {
    List<GeneratedRecord> records = of(GeneratedLogs.clean(), Topics.LOGS_ACCESS);
    assertThat(records).hasSizeGreaterThan(4000);
    for (GeneratedRecord record : records) {
      WebRequest request = parsedValue(WebLogParser.parse(text(record), LogFormat.APACHE_COMBINED));
      assertThat(request.requestAt()).isEqualTo(Instant.ofEpochMilli(record.timestampMs()).truncatedTo(ChronoUnit.SECONDS));
      assertThat(request.method()).isIn("GET", "POST", "HEAD");
      assertThat(request.path()).startsWith("/");
      assertThat(request.protocol()).isIn("HTTP/1.1", "HTTP/2.0");
      assertThat(request.userAgent()).isNotNull();
      assertThat(WebLogParser.parseAny(text(record))).isEqualTo(WebLogParser.parse(text(record), LogFormat.APACHE_COMBINED));
    }
  }

  @Test
  void accessLinesHaveIpv6ClientsSizeDashesAndBots() {
    List<WebRequest> requests = of(GeneratedLogs.clean(), Topics.LOGS_ACCESS).stream()
        .map(record -> parsedValue(WebLogParser.parseAny(text(record)))).toList();
    assertThat(requests).anyMatch(WebRequest::isIpv6).anyMatch(request -> !request.isIpv6());
    assertThat(requests).anyMatch(request -> request.bytes() == null && request.status() == 304);
    assertThat(requests).anyMatch(request -> request.query() != null && request.path().equals("/search"));
    assertThat(requests).anyMatch(request -> UserAgentInfo.of(request.userAgent()).isBot());
    assertThat(requests).anyMatch(request -> UserAgentInfo.of(request.userAgent()).deviceClass().equals("tablet"));
  }

  @Test
  void scannerLinesParseAndTheirAgentsAreBots() {
    List<WebRequest> probes = of(GeneratedLogs.withAnomalies(), Topics.LOGS_ACCESS).stream()
        .map(record -> parsedValue(WebLogParser.parse(text(record), LogFormat.APACHE_COMBINED)))
        .filter(request -> request.ip().equals("198.51.100.23"))
        .toList();
    assertThat(probes).hasSizeGreaterThan(100);
    assertThat(probes).allMatch(request -> UserAgentInfo.of(request.userAgent()).isBot());
    assertThat(probes).anyMatch(request -> request.query() != null && request.query().contains("%27"));
  }

  @Test
  void everySyslogLineParsesAtItsRecordTime() {
    List<GeneratedRecord> records = of(GeneratedLogs.clean(), Topics.LOGS_SYSLOG);
    assertThat(records).hasSizeGreaterThan(500);
    for (GeneratedRecord record : records) {
      SyslogEvent event = parsedValue(SyslogParser.parse(text(record), YEAR));
      Instant at = Instant.ofEpochMilli(record.timestampMs());
      boolean isRfc5424 = event.format() == LogFormat.SYSLOG_5424;
      assertThat(event.loggedAt()).isEqualTo(isRfc5424 ? at : at.truncatedTo(ChronoUnit.SECONDS));
      assertThat(event.host()).matches("(web|app|db|lb)-0\\d");
      assertThat(event.program()).isIn("sshd", "cron", "kernel", "nginx", "systemd", "sudo");
      assertThat(event.severityName()).isNotNull();
      assertThat(event.message()).isNotBlank();
    }
    assertThat(records).anyMatch(record -> parsedValue(SyslogParser.parse(text(record), YEAR)).pid() != null);
  }

  @Test
  void everyAppLineParsesAtItsRecordTime() {
    List<GeneratedRecord> records = of(GeneratedLogs.clean(), Topics.LOGS_APP);
    assertThat(records).hasSizeGreaterThan(1000);
    for (GeneratedRecord record : records) {
      AppEvent event = parsedValue(AppLogParser.parse(text(record)));
      assertThat(event.loggedAt()).isEqualTo(Instant.ofEpochMilli(record.timestampMs()));
      assertThat(event.service()).isEqualTo(new String(record.key()));
      assertThat(event.level()).isIn("DEBUG", "INFO", "WARN", "ERROR");
      assertThat(event.traceId()).matches("[0-9a-f]{32}");
      assertThat(event.latencyMs()).isPositive();
      assertThat(event.errorType() != null).isEqualTo(event.level().equals("ERROR"));
      assertThat(event.extra()).isEmpty();
    }
  }

  @Test
  void eachTopicIsDetectedInItsFormat() {
    Function<String, List<String>> lines = topic -> of(GeneratedLogs.clean(), topic).stream().map(GeneratedLogs::text).toList();
    assertThat(FormatDetector.detect(lines.apply(Topics.LOGS_ACCESS))).contains(LogFormat.APACHE_COMBINED);
    assertThat(FormatDetector.detect(lines.apply(Topics.LOGS_SYSLOG))).contains(LogFormat.SYSLOG_3164);
    assertThat(FormatDetector.detect(lines.apply(Topics.LOGS_APP))).contains(LogFormat.JSON_APP);
  }

  /**
   * With 5% malformed, records that differ from the clean day are rejected (by UTF-8 decoding before
   * parsing, or by the parser with a rule id) and the others parse. One kind of malformed app record, an
   * entry without its trace_id, is still a valid app log line here: only the timestamp is required.
   */
  @Test
  void malformedLogRecordsAreRejectedAndTheRestParse() {
    List<GeneratedRecord> clean = GeneratedLogs.clean();
    List<GeneratedRecord> dirty = GeneratedLogs.dirty();
    Map<String, Integer> rejectedByRule = new TreeMap<>();
    int withoutTraceId = 0;
    for (int i = 0; i < dirty.size(); i++) {
      GeneratedRecord record = dirty.get(i);
      if (!record.topic().startsWith("logs.")) {
        continue;
      }
      boolean isMalformed = !Arrays.equals(record.value(), clean.get(i).value());
      String rule = ruleOf(record);
      if (isMalformed && rule == null) {
        assertThat(parsedValue(AppLogParser.parse(text(record))).traceId()).as(text(record)).isNull();
        withoutTraceId++;
      } else {
        assertThat(rule == null).as("parses: " + text(record)).isEqualTo(!isMalformed);
      }
      rejectedByRule.merge(rule == null ? "parsed" : rule, 1, Integer::sum);
    }
    System.out.println("Generated log records with 5% malformed: " + rejectedByRule + ", " + withoutTraceId
        + " malformed app records without trace_id parsed");
    assertThat(rejectedByRule).containsKeys("decode.utf8", "parse.no_format", "parse.json", "parse.empty",
        "parse.type.latency_ms");
    assertThat(withoutTraceId).isPositive();
  }

  // null when the record parses; decode.utf8 stands for the job's check before parsing
  private static String ruleOf(GeneratedRecord record) {
    if (!GeneratedLogs.isUtf8(record.value())) {
      return "decode.utf8";
    }
    String line = text(record);
    ParseResult<?> result = switch (record.topic()) {
      case Topics.LOGS_ACCESS -> WebLogParser.parse(line, LogFormat.APACHE_COMBINED);
      case Topics.LOGS_SYSLOG -> SyslogParser.parse(line, YEAR);
      default -> AppLogParser.parse(line);
    };
    return result instanceof ParseResult.Rejected<?> rejected ? rejected.ruleId() : null;
  }
}
