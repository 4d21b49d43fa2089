package dev.lakehouse.logs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.generate.Topics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Prints how many lines a second each parser reads on one thread, for 200,000 generated access lines and
 * the syslog and app lines generated with them; asserts only that they parse, since speed depends on the
 * machine. The goal for Apache combined is more than 300,000 lines a second.
 */
class ParseThroughputTest {
  private static final int ACCESS_LINES = 200_000;
  private static final int WARM_UP_ROUNDS = 1;
  private static final int ROUNDS = 3;

  @Test
  void printsLinesPerSecond() {
    Map<String, List<String>> lines = GeneratedLogs.logLines(ACCESS_LINES);
    List<String> access = lines.get(Topics.LOGS_ACCESS);
    assertThat(access).hasSize(ACCESS_LINES);
    report("apache combined: parse(line, APACHE_COMBINED)", access,
        line -> WebLogParser.parse(line, LogFormat.APACHE_COMBINED).isParsed());
    report("apache combined: parseAny(line)", access, line -> WebLogParser.parseAny(line).isParsed());
    report("apache combined: parse + UserAgentInfo.of", access, ParseThroughputTest::parsesWithAgent);
    report("syslog 3164/5424: parse(line, year)", lines.get(Topics.LOGS_SYSLOG),
        line -> SyslogParser.parse(line, 2026).isParsed());
    report("json app logs: parse(line)", lines.get(Topics.LOGS_APP), line -> AppLogParser.parse(line).isParsed());
  }

  private static boolean parsesWithAgent(String line) {
    ParseResult<WebRequest> result = WebLogParser.parse(line, LogFormat.APACHE_COMBINED);
    return result instanceof ParseResult.Parsed<WebRequest> parsed && UserAgentInfo.of(parsed.value().userAgent()) != null;
  }

  // the best of a few rounds after some to warm up the JIT
  private static void report(String what, List<String> lines, Predicate<String> parses) {
    for (int round = 0; round < WARM_UP_ROUNDS; round++) {
      assertThat(count(lines, parses)).isEqualTo(lines.size());
    }
    long bestNanos = Long.MAX_VALUE;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      count(lines, parses);
      bestNanos = Math.min(bestNanos, System.nanoTime() - start);
    }
    System.out.printf(Locale.ROOT, "Throughput of %-46s %,10.0f lines/s (%,d lines in %.0f ms, one thread)%n", what,
        lines.size() * 1e9 / bestNanos, lines.size(), bestNanos / 1e6);
  }

  private static int count(List<String> lines, Predicate<String> parses) {
    int parsed = 0;
    for (String line : lines) {
      parsed += parses.test(line) ? 1 : 0;
    }
    return parsed;
  }
}
