package dev.lakehouse.refine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.logs.blacklist.IpBlacklist;
import dev.lakehouse.spark.StreamingQueries;
import dev.lakehouse.testing.TestLakehouse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Raw log lines in bronze -> silver.logs_* through the same refine step as JSON events. */
class LogRefineTest {
  private static Lakehouse lakehouse;

  @BeforeAll
  static void lines() throws Exception {
    lakehouse = TestLakehouse.fresh();
    // listed before refine runs: its requests must come out flagged
    new IpBlacklist(lakehouse.catalog()).add(lakehouse.spark(), List.of(
        new IpBlacklist.Listing("2001:db8::/32", "test network", IpBlacklist.MANUAL, Instant.now(), null),
        new IpBlacklist.Listing("203.0.113.7", "expired listing", IpBlacklist.MANUAL, Instant.now().minus(Duration.ofHours(2)),
            Duration.ofHours(1))));
    put("bronze.logs_access", List.of(
        "203.0.113.7 - - [21/Nov/2026:10:15:30 +0100] \"GET /product/p-0123?ref=home HTTP/1.1\" 200 5123 \"https://shop.example/\" \"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1\"",
        "2001:db8::1 - - [21/Nov/2026:10:16:00 +0000] \"POST /login HTTP/1.1\" 401 - \"-\" \"sqlmap/1.7\"",
        "this is not an access log line"));
    put("bronze.logs_syslog", List.of(
        "<34>Nov 21 10:15:30 web-01 sshd[4321]: Failed password for invalid user admin from 203.0.113.9 port 52211 ssh2",
        "<165>1 2026-11-21T10:15:30.123Z web-02 nginx 2211 ID47 - upstream timed out"));
    List<byte[]> app = new ArrayList<>();
    app.add("{\"ts\":\"2026-11-21T10:15:30Z\",\"service\":\"checkout\",\"level\":\"error\",\"message\":\"payment failed\",\"trace_id\":\"abc\",\"latency_ms\":1200,\"error_type\":\"TimeoutException\"}".getBytes(StandardCharsets.UTF_8));
    app.add("{\"ts\":\"2026-11-21T10:15:31Z\",\"service\":\"search\",\"level\":\"INFO\",\"message\":\"ok\",\"latency_ms\":-5}".getBytes(StandardCharsets.UTF_8));
    app.add(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
    putBytes("bronze.logs_app", app);
    for (String table : List.of("silver.logs_web_requests", "silver.logs_syslog", "silver.logs_app_events")) {
      StreamingQueries.awaitAll(List.of(new RefineJob(lakehouse.config(), lakehouse.catalog())
          .start(lakehouse.spark(), table, Trigger.AvailableNow())), System.out, Duration.ofMinutes(5));
    }
  }

  private static void put(String table, List<String> lines) {
    putBytes(table, lines.stream().map(l -> l.getBytes(StandardCharsets.UTF_8)).toList());
  }

  private static void putBytes(String table, List<byte[]> values) {
    StructType schema = lakehouse.spark().table(table).schema();
    Timestamp at = Timestamp.valueOf("2026-11-21 10:20:00");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      rows.add(RowFactory.create(null, values.get(i), table.substring(7).replace('_', '.'), 0, (long) i, at, at,
          Date.valueOf("2026-11-21"), 0L));
    }
    lakehouse.spark().createDataFrame(rows, schema).write().format("delta").mode("append").save(lakehouse.catalog().location(table));
  }

  private static Map<Long, String> quarantined(String target) {
    Map<Long, String> rules = new TreeMap<>();
    lakehouse.spark().sql("SELECT _kafka_offset, rule_id FROM ops.quarantine WHERE target_table = '" + target + "'")
        .collectAsList().forEach(r -> rules.put(r.getLong(0), r.getString(1)));
    return rules;
  }

  @Test
  void accessLinesBecomeRequestsWithUtcTimesAndUserAgentClasses() {
    List<Row> rows = lakehouse.spark().sql("SELECT ip, is_ipv6, requested_at, method, path, query, status, bytes, referrer, "
        + "device_class, is_bot, request_date, length(request_id) FROM silver.logs_web_requests ORDER BY _kafka_offset").collectAsList();

    assertThat(rows).extracting(Row::toString).containsExactly(
        "[203.0.113.7,false,2026-11-21 09:15:30.0,GET,/product/p-0123,ref=home,200,5123,https://shop.example/,mobile,false,2026-11-21,64]",
        "[2001:db8::1,true,2026-11-21 10:16:00.0,POST,/login,null,401,null,null,bot,true,2026-11-21,64]");
    assertThat(quarantined("silver.logs_web_requests")).containsOnlyKeys(2L);
    assertThat(quarantined("silver.logs_web_requests").get(2L)).startsWith("parse.");
  }

  @Test
  void requestsFromAnActiveBlacklistEntryAreFlagged() {
    assertThat(lakehouse.spark().sql("SELECT ip, is_blacklisted FROM silver.logs_web_requests ORDER BY _kafka_offset")
        .collectAsList()).extracting(Row::toString).containsExactly("[203.0.113.7,false]", "[2001:db8::1,true]");
  }

  @Test
  void syslogLinesOfBothRfcsParse() {
    assertThat(lakehouse.spark().sql("SELECT logged_at, host, facility, severity, program, pid, syslog_format FROM silver.logs_syslog "
        + "ORDER BY _kafka_offset").collectAsList()).extracting(Row::toString).containsExactly(
        "[2026-11-21 10:15:30.0,web-01,4,2,sshd,4321,syslog-3164]",
        "[2026-11-21 10:15:30.123,web-02,20,5,nginx,2211,syslog-5424]");
  }

  @Test
  void appRecordsParseAndTheGateSetsANegativeLatencyAside() {
    assertThat(lakehouse.spark().sql("SELECT service, level, trace_id, error_type, latency_ms FROM silver.logs_app_events")
        .collectAsList()).extracting(Row::toString).containsExactly("[checkout,ERROR,abc,TimeoutException,1200]");
    assertThat(quarantined("silver.logs_app_events")).containsExactly(
        Map.entry(1L, "quality.latency_not_negative"), Map.entry(2L, "decode.utf8"));
  }
}
