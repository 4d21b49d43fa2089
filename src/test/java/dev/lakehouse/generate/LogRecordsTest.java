package dev.lakehouse.generate;

import static dev.lakehouse.generate.GeneratedDay.assertEvery;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LogRecordsTest {
  static final Pattern APACHE_COMBINED = Pattern.compile(
      "^(\\S+) \\S+ \\S+ \\[(\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4})\\] \"(\\S+) (\\S+) (HTTP/[\\d.]+)\" "
          + "(\\d{3}) (\\d+|-) \"([^\"]*)\" \"([^\"]*)\"$");
  static final Pattern RFC_3164 = Pattern.compile(
      "^<(\\d{1,3})>\\w{3} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\S+ [\\w-]+(\\[\\d+\\])?: .+$");
  static final Pattern RFC_5424 = Pattern.compile(
      "^<(\\d{1,3})>1 \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z \\S+ \\S+ \\S+ \\S+ (-|\\[.+\\]) .+$");

  @Test
  void accessLogLinesAreApacheCombinedWithoutKey() {
    assertEvery(GeneratedDay.clean().of(Topics.LOGS_ACCESS), r -> r.key() == null, "has no key");
    assertEvery(GeneratedDay.clean().lines(Topics.LOGS_ACCESS), line -> APACHE_COMBINED.matcher(line).matches(),
        "is in Apache combined format");
  }

  @Test
  void accessLogStatusesAreMostlySuccessfulWithSomeErrors() {
    Map<String, Long> byStatus = GeneratedDay.clean().lines(Topics.LOGS_ACCESS).stream()
        .map(line -> group(APACHE_COMBINED, line, 6))
        .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    double total = byStatus.values().stream().mapToLong(Long::longValue).sum();
    assertThat(byStatus.get("200") / total).isGreaterThan(0.7);
    assertThat(byStatus.get("404") / total).isBetween(0.01, 0.04);
    long serverErrors = byStatus.entrySet().stream().filter(e -> e.getKey().startsWith("5"))
        .mapToLong(Map.Entry::getValue).sum();
    assertThat(serverErrors / total).isBetween(0.001, 0.015);
    assertThat(byStatus).containsKeys("304", "301");
  }

  @Test
  void notModifiedResponsesHaveNoSize() {
    List<String> notModified = GeneratedDay.clean().lines(Topics.LOGS_ACCESS).stream()
        .filter(line -> line.contains("\" 304 ")).collect(Collectors.toList());
    assertThat(notModified).isNotEmpty();
    assertEvery(notModified, line -> group(APACHE_COMBINED, line, 7).equals("-"), "has size -");
  }

  @Test
  void syslogLinesAreRfc3164OrAboutAThirdRfc5424() {
    List<String> lines = GeneratedDay.clean().lines(Topics.LOGS_SYSLOG);
    long rfc5424 = lines.stream().filter(line -> RFC_5424.matcher(line).matches()).count();
    assertEvery(lines, line -> RFC_3164.matcher(line).matches() || RFC_5424.matcher(line).matches(),
        "is RFC 3164 or RFC 5424");
    assertThat(rfc5424 / (double) lines.size()).isBetween(0.2, 0.4);
  }

  @Test
  void appLogsAreJsonKeyedByService() {
    List<GeneratedRecord> records = GeneratedDay.clean().of(Topics.LOGS_APP);
    List<JsonNode> entries = GeneratedDay.clean().json(Topics.LOGS_APP);
    assertEvery(IntStream.range(0, records.size()).boxed().toList(),
        i -> GeneratedDay.text(records.get(i).key()).equals(entries.get(i).get("service").asText()), "is keyed by service");
    assertEvery(entries, e -> List.of("DEBUG", "INFO", "WARN", "ERROR").contains(e.get("level").asText()), "has a level");
    assertEvery(entries, e -> e.get("trace_id").asText().matches("[0-9a-f]{32}"), "has a trace id");
    assertEvery(entries, e -> e.get("latency_ms").canConvertToLong(), "has a latency");
    assertEvery(entries, e -> e.get("error_type").isNull() == !e.get("level").asText().equals("ERROR"),
        "has an error type exactly when it is an error");
    assertEvery(entries, e -> !e.get("message").asText().contains("{"), "has a filled-in message");
  }

  static String group(Pattern pattern, String line, int group) {
    Matcher matcher = pattern.matcher(line);
    assertThat(matcher.matches()).as(line).isTrue();
    return matcher.group(group);
  }
}
