package dev.lakehouse.logs.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.testing.TestLakehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analyzer on src/test/resources/logs/analyze/access-fixture.log. The expected figures were
 * computed without this code, with standard tools over the lines that match the combined format
 * (RE below):
 *
 * <pre>
 * RE='^[^ ]+ [^ ]+ [^ ]+ \[[^]]+\] "[^"]*" [0-9]{3} ([0-9]+|-) "[^"]*" "[^"]*"$'
 * grep -c . access-fixture.log                                  -> 33 non-blank lines
 * grep -cE "$RE" access-fixture.log                             -> 31 requests (2 rejected)
 * awk '{print substr($9,1,1)"xx"}' | sort | uniq -c             -> 2xx 11, 3xx 2, 4xx 15, 5xx 3
 * awk '$10 != "-" {s+=$10} END {print s}'                       -> 77018 bytes
 * awk -F'"' '{split($1,a," "); split(a[4],d,":"); split($3,s," "); if (s[1] !~ /^4/) print a[1]"|"substr(d[1],2)"|"$6}' \
 *   | sort -u | wc -l                                           -> 7 visitors (GoAccess leaves 4xx hits out of visitors)
 * sort | uniq -d | wc -l                                        -> 1 duplicated line
 * awk '{split($7,p,"?"); print p[1]}' | sort | uniq -c | sort -k1,1nr -k2 -> /product/p-100 5, /login 4, / 2, /cart 2
 * awk '$9==404 {split($7,p,"?"); print p[1]}' | sort -u | wc -l -> 10 distinct 404 paths, 10 404s
 * </pre>
 *
 * <p>GoAccess 1.7 ({@code goaccess access-fixture.log --log-format=COMBINED -o out.json}) agrees:
 * total_requests 33, valid_requests 31, failed_requests 2, unique_visitors 7, bandwidth 77018.
 */
class LogAnalyzerTest {
  private static final Path FIXTURE = Path.of("src/test/resources/logs/analyze/access-fixture.log");
  private static final WebLogAnalysis.Thresholds THRESHOLDS = new WebLogAnalysis.Thresholds(5, 3);

  private static Lakehouse lakehouse;
  private static LogAnalyzer.Outcome outcome;

  @BeforeAll
  static void analyze() {
    lakehouse = TestLakehouse.fresh();
    outcome = new LogAnalyzer(THRESHOLDS).analyzeFiles(lakehouse.spark(), List.of(FIXTURE.toString()), "auto",
        lakehouse.catalog());
  }

  @Test
  void dataQualityCountsParsedRejectedAndDuplicateLines() {
    WebLogReport.Source source = outcome.report().source();
    assertThat(source.formats()).containsExactly(Map.entry(FIXTURE.toAbsolutePath().toString(), "apache-combined"));
    assertThat(source.lines()).isEqualTo(33);
    assertThat(source.parsed()).isEqualTo(31);
    assertThat(source.rejected()).isEqualTo(2);
    assertThat(source.duplicates()).isEqualTo(1);
    assertThat(source.parseRate()).isEqualTo(31 / 33.0);
  }

  @Test
  void trafficTotalsMatchTheIndependentCount() {
    WebLogReport.Traffic traffic = outcome.report().traffic();
    assertThat(traffic.requests()).isEqualTo(31);
    assertThat(traffic.uniqueVisitors()).isEqualTo(7);
    assertThat(traffic.bandwidthBytes()).isEqualTo(77_018);
    assertThat(traffic.statusClasses()).containsExactly(
        Map.entry("1xx", 0L), Map.entry("2xx", 11L), Map.entry("3xx", 2L), Map.entry("4xx", 15L), Map.entry("5xx", 3L));
    assertThat(traffic.topPages()).extracting(WebLogReport.Page::path, WebLogReport.Page::requests)
        .startsWith(org.assertj.core.groups.Tuple.tuple("/product/p-100", 5L), org.assertj.core.groups.Tuple.tuple("/login", 4L),
            org.assertj.core.groups.Tuple.tuple("/", 2L), org.assertj.core.groups.Tuple.tuple("/cart", 2L));
    // 12:30 +0200 is 10:30 UTC: hour 10 has the two crawler hits and the two IPv6 hits; hour 12 has none
    assertThat(traffic.hourly().get(10).requests()).isEqualTo(4);
    assertThat(traffic.hourly().get(12).requests()).isZero();
    assertThat(traffic.hourly().stream().mapToLong(WebLogReport.Hour::requests).sum()).isEqualTo(31);
    assertThat(traffic.firstRequestAt()).isEqualTo("2026-11-21T03:00:10Z");
    assertThat(traffic.lastRequestAt()).isEqualTo("2026-11-22T23:59:59Z");
  }

  @Test
  void errorsList404PathsAnd5xxByPath() {
    WebLogReport.Errors errors = outcome.report().errors();
    assertThat(errors.top404()).hasSize(10).allSatisfy(e -> assertThat(e.requests()).isEqualTo(1));
    assertThat(errors.top5xx()).extracting(WebLogReport.PathErrors::path, WebLogReport.PathErrors::requests)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/checkout", 2L), org.assertj.core.groups.Tuple.tuple("/api/v1/cart", 1L));
    assertThat(errors.rate5xx()).isEqualTo(3 / 31.0);
  }

  @Test
  void securityFindsTheScannerTheBruteForceTheProbesAndTheTools() {
    assertThat(outcome.report().findings())
        .extracting(WebLogReport.Finding::kind, WebLogReport.Finding::ip, WebLogReport.Finding::events)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("scanner", "198.51.100.23", 8L),
            org.assertj.core.groups.Tuple.tuple("bad_agent", "198.51.100.23", 9L),
            org.assertj.core.groups.Tuple.tuple("brute_force", "192.0.2.50", 4L),
            org.assertj.core.groups.Tuple.tuple("sql_injection", "198.51.100.23", 1L),
            org.assertj.core.groups.Tuple.tuple("xss", "198.51.100.23", 1L),
            org.assertj.core.groups.Tuple.tuple("path_traversal", "198.51.100.23", 1L));
  }

  @Test
  void publishingWritesGoldThatAddsUpToTheReportAndQuarantinesRejectedLines() {
    assertThat(outcome.published().dates()).extracting(Object::toString).containsExactly("2026-11-21", "2026-11-22");
    Row gold = lakehouse.spark().sql("SELECT sum(requests), sum(bytes), sum(status_4xx), sum(status_5xx) "
        + "FROM gold.logs_traffic_hourly").head();
    assertThat(gold.toString()).isEqualTo("[31,77018,15,3]");
    assertThat(lakehouse.spark().sql("SELECT sum(requests) FROM gold.logs_errors_daily").head().getLong(0)).isEqualTo(18);
    // the SQL definitions of the gold tables and the one-pass report agree
    assertThat(lakehouse.spark().sql("SELECT kind, ip, events, distinct_paths, samples FROM gold.logs_security_findings "
            + "WHERE detector = 'daily'").collectAsList())
        .extracting(r -> r.getString(0) + " " + r.getString(1) + " " + r.getLong(2) + " " + r.getLong(3) + " " + r.getList(4))
        .containsExactlyInAnyOrderElementsOf(outcome.report().findings().stream()
            .map(f -> f.kind() + " " + f.ip() + " " + f.events() + " " + f.distinctPaths() + " " + f.samples()).toList());
    assertThat(lakehouse.spark().sql("SELECT sum(unique_visitors) FROM gold.logs_traffic_hourly").head().getLong(0))
        .isEqualTo(outcome.report().traffic().hourly().stream().mapToLong(WebLogReport.Hour::visitors).sum());
    assertThat(lakehouse.spark().sql("SELECT count(*) FROM ops.quarantine WHERE stage = 'analyze'").head().getLong(0)).isEqualTo(2);
  }

  @Test
  void republishingADateReplacesItsRowsOnly() {
    LogAnalyzer.Outcome again = new LogAnalyzer(THRESHOLDS).analyzeFiles(lakehouse.spark(), List.of(FIXTURE.toString()),
        "apache-combined", lakehouse.catalog());
    assertThat(again.published().trafficHours()).isEqualTo(outcome.published().trafficHours());
    assertThat(lakehouse.spark().sql("SELECT sum(requests) FROM gold.logs_traffic_hourly").head().getLong(0)).isEqualTo(31);
    assertThat(lakehouse.spark().sql("SELECT count(*) FROM ops.quarantine WHERE stage = 'analyze'").head().getLong(0)).isEqualTo(2);
  }

  @Test
  void writesTheJsonAndASelfContainedHtmlReport() throws Exception {
    Path dir = Path.of(lakehouse.config().path("reports/test"));
    LogReports.Written written = LogReports.write(outcome.report(), dir, "Fixture");
    String json = Files.readString(written.json());
    assertThat(json).contains("\"unique_visitors\" : 7", "\"bandwidth_bytes\" : 77018");
    String html = Files.readString(written.html());
    assertThat(html).contains("data-chart=\"requests-by-hour\"", "data-table=\"findings\"", "198.51.100.23")
        .doesNotContain("<script src", "http://cdn", "https://cdn");
  }

  @Test
  void badInputFailsNamingIt() {
    assertThatThrownBy(() -> new LogAnalyzer(THRESHOLDS).analyzeFiles(lakehouse.spark(), List.of("no/such/file.log"), "auto", null))
        .hasMessageContaining("'no/such/file.log'");
    assertThatThrownBy(() -> new LogAnalyzer(THRESHOLDS).analyzeFiles(lakehouse.spark(), List.of(FIXTURE.toString()), "apache", null))
        .hasMessageContaining("'apache'").hasMessageContaining("known formats");
  }
}
