package dev.lakehouse.logs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Bad input never throws: every prefix and suffix of real-shaped lines of every format comes back as a
 * result, rejected with one of the documented rule ids when it does not parse.
 */
class DamagedLinesTest {
  private static final Set<String> RULES = Set.of("parse.empty", "parse.no_format", "parse.bad_timestamp",
      "parse.bad_status", "parse.bad_request_line", "parse.json", "parse.missing_field.ts", "parse.type.latency_ms");
  private static final List<String> SAMPLES = List.of("apache-common.log", "apache-combined.log",
      "apache-vhost-combined.log", "apache-vhost-common.log", "nginx.log", "syslog-mixed.log", "syslog-5424.log",
      "app.jsonl");

  @Test
  void everyPrefixAndSuffixOfEverySampleLineGivesAResult() {
    List<String> damaged = damagedLines();
    assertThat(damaged).hasSizeGreaterThan(10_000);
    for (String line : damaged) {
      assertKnownRule(WebLogParser.parseAny(line), line);
      for (LogFormat format : LogFormat.values()) {
        if (format.isWeb()) {
          assertKnownRule(WebLogParser.parse(line, format), line);
        }
      }
      assertKnownRule(SyslogParser.parse(line, 2026), line);
      assertKnownRule(AppLogParser.parse(line), line);
      assertThat(UserAgentInfo.of(line)).isNotNull();
    }
  }

  @Test
  void outOfRangeNumbersInAppLogsAreRejected() {
    assertThat(Results.ruleOf(AppLogParser.parse("{\"ts\":99999999999999999999999}"))).isEqualTo("parse.bad_timestamp");
    assertThat(Results.ruleOf(AppLogParser.parse("{\"ts\":1e400}"))).isEqualTo("parse.bad_timestamp");
    assertThat(Results.ruleOf(AppLogParser.parse("{\"ts\":\"2026-11-21T10:15:30Z\",\"latency_ms\":1e30}")))
        .isEqualTo("parse.type.latency_ms");
  }

  private static void assertKnownRule(ParseResult<?> result, String line) {
    if (result instanceof ParseResult.Rejected<?> rejected) {
      assertThat(rejected.ruleId()).as(line).isIn(RULES);
      assertThat(rejected.reason()).as(line).isNotBlank();
    }
  }

  private static List<String> damagedLines() {
    List<String> damaged = new ArrayList<>();
    for (String sample : SAMPLES) {
      for (String line : FormatDetectorTest.lines(sample)) {
        for (int cut = 0; cut <= line.length(); cut++) {
          damaged.add(line.substring(0, cut));
          damaged.add(line.substring(cut));
        }
      }
    }
    return damaged;
  }
}
