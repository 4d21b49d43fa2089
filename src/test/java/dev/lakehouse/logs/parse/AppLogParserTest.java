package dev.lakehouse.logs.parse;

import static dev.lakehouse.logs.parse.Results.parsedValue;
import static dev.lakehouse.logs.parse.Results.rejected;
import static dev.lakehouse.logs.parse.Results.ruleOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppLogParserTest {
  private static final Instant NOV_21_10_15_30_123 = Instant.parse("2026-11-21T10:15:30.123Z");

  @Test
  void generatorShapedErrorEntry() {
    String line = "{\"ts\":\"2026-11-21T10:15:30.123Z\",\"service\":\"checkout\",\"level\":\"ERROR\","
        + "\"message\":\"Cannot place order o-1: ConnectException\",\"trace_id\":\"0af7651916cd43dd8448eb211c80319c\","
        + "\"latency_ms\":12,\"error_type\":\"ConnectException\"}";
    assertThat(parsedValue(AppLogParser.parse(line))).isEqualTo(new AppEvent(NOV_21_10_15_30_123, "checkout", "ERROR",
        "Cannot place order o-1: ConnectException", "0af7651916cd43dd8448eb211c80319c", "ConnectException", 12L, Map.of()));
  }

  @Test
  void nullErrorTypeIsMissingNotExtra() {
    String line = "{\"ts\":\"2026-11-21T10:15:30.123Z\",\"service\":\"catalog\",\"level\":\"INFO\",\"message\":\"ok\","
        + "\"trace_id\":\"t\",\"latency_ms\":25,\"error_type\":null}";
    assertThat(parsedValue(AppLogParser.parse(line))).isEqualTo(
        new AppEvent(NOV_21_10_15_30_123, "catalog", "INFO", "ok", "t", null, 25L, Map.of()));
  }

  @Test
  void otherKeySpellingsAndEverythingElseInExtra() {
    String line = "{\"@timestamp\":\"2026-11-21T11:15:30.123+01:00\",\"log.level\":\"warning\",\"msg\":\"slow\","
        + "\"app\":\"search\",\"traceId\":\"abc\",\"exception\":{\"class\":\"java.util.concurrent.TimeoutException\","
        + "\"message\":\"x\"},\"duration_ms\":\"250.4\",\"user\":\"u-1\",\"attempt\":2,\"tags\":[\"a\"],\"gone\":null}";
    assertThat(parsedValue(AppLogParser.parse(line))).isEqualTo(new AppEvent(NOV_21_10_15_30_123, "search", "WARN",
        "slow", "abc", "java.util.concurrent.TimeoutException", 250L,
        Map.of("user", "u-1", "attempt", "2", "tags", "[\"a\"]")));
  }

  @Test
  void firstSpellingPresentWinsAndTheOthersStayInExtra() {
    String line = "{\"timestamp\":\"2026-11-21 10:15:30,123\",\"time\":\"later\",\"message\":\"m\",\"msg\":\"short\"}";
    AppEvent event = parsedValue(AppLogParser.parse(line));
    assertThat(event.loggedAt()).isEqualTo(NOV_21_10_15_30_123);
    assertThat(event.message()).isEqualTo("short");
    assertThat(event.extra()).isEqualTo(Map.of("time", "later", "message", "m"));
  }

  @Test
  void epochNumbersAndPinoLevels() {
    AppEvent millis = parsedValue(AppLogParser.parse("{\"time\":1795256130123,\"level\":30,\"msg\":\"hi\"}"));
    AppEvent seconds = parsedValue(AppLogParser.parse("{\"ts\":1795256130.123,\"severity\":\"err\"}"));
    assertThat(millis.loggedAt()).isEqualTo(NOV_21_10_15_30_123);
    assertThat(millis.level()).isEqualTo("INFO");
    assertThat(seconds.loggedAt()).isEqualTo(NOV_21_10_15_30_123);
    assertThat(seconds.level()).isEqualTo("ERROR");
  }

  @Test
  void onlyTheTimestampIsRequired() {
    assertThat(parsedValue(AppLogParser.parse("{\"ts\":\"2026-11-21T10:15:30.123Z\"}\n"))).isEqualTo(
        new AppEvent(NOV_21_10_15_30_123, null, null, null, null, null, null, Map.of()));
  }

  @Test
  void linesThatAreNoJsonObjectAreRejected() {
    for (String line : new String[] {"not json", "[1,2]", "\"text\"", "42", "null", "{\"ts\":\"2026-11-21T10",
        "{\"ts\":\"2026-11-21T10:15:30Z\"} trailing", "{\"ts\":\"2026-11-21T10:15:30Z\"}{}"}) {
      assertThat(ruleOf(AppLogParser.parse(line))).as(line).isEqualTo("parse.json");
    }
    assertThat(rejected(AppLogParser.parse("[1,2]")).reason())
        .isEqualTo("Invalid app log line: a JSON array, expected an object in line '[1,2]'");
  }

  @Test
  void missingTimestampIsRejected() {
    String line = "{\"service\":\"auth\",\"level\":\"INFO\",\"message\":\"User u-1 logged in\"}";
    assertThat(ruleOf(AppLogParser.parse(line))).isEqualTo("parse.missing_field.ts");
    assertThat(ruleOf(AppLogParser.parse("{\"ts\":null,\"message\":\"x\"}"))).isEqualTo("parse.missing_field.ts");
  }

  @Test
  void unreadableTimestampsAreRejected() {
    assertThat(ruleOf(AppLogParser.parse("{\"ts\":\"yesterday\"}"))).isEqualTo("parse.bad_timestamp");
    assertThat(ruleOf(AppLogParser.parse("{\"ts\":12345}"))).isEqualTo("parse.bad_timestamp");
    assertThat(ruleOf(AppLogParser.parse("{\"ts\":true}"))).isEqualTo("parse.bad_timestamp");
    assertThat(ruleOf(AppLogParser.parse("{\"ts\":\"2026-02-30T10:15:30Z\"}"))).isEqualTo("parse.bad_timestamp");
  }

  @Test
  void latencyThatIsNoNumberIsRejectedByType() {
    String line = "{\"ts\":\"2026-11-21T10:15:30.123Z\",\"latency_ms\":\"slow\"}";
    assertThat(ruleOf(AppLogParser.parse(line))).isEqualTo("parse.type.latency_ms");
    assertThat(rejected(AppLogParser.parse(line)).reason()).startsWith("Invalid latency_ms \"slow\": expected a number");
  }

  @Test
  void emptyLinesAreRejectedAsEmpty() {
    assertThat(ruleOf(AppLogParser.parse("  "))).isEqualTo("parse.empty");
  }
}
