package dev.lakehouse.logs.analyze;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lakehouse.report.BarChart;
import dev.lakehouse.report.HtmlReport;
import dev.lakehouse.report.Kpi;
import dev.lakehouse.report.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a {@link WebLogReport} as report.json (snake_case keys) and a self-contained report.html. */
public final class LogReports {
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  public record Written(Path json, Path html) {}

  private LogReports() {}

  public static Written write(WebLogReport report, Path directory, String title) {
    try {
      Files.createDirectories(directory);
      Path json = directory.resolve("report.json");
      Path temporary = Files.createTempFile(directory, ".report", ".json");
      JSON.writeValue(temporary.toFile(), report);
      Files.move(temporary, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Path html = html(report, title).writeTo(directory.resolve("report.html"));
      return new Written(json, html);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + directory + ": " + e.getMessage(), e);
    }
  }

  /** The JSON text of a report, as written to report.json. */
  public static String json(WebLogReport report) {
    try {
      return JSON.writeValueAsString(report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HtmlReport html(WebLogReport report, String title) {
    WebLogReport.Source s = report.source();
    WebLogReport.Traffic t = report.traffic();
    WebLogReport.Errors e = report.errors();
    WebLogReport.Performance p = report.performance();
    HtmlReport html = HtmlReport.titled(title)
        .subtitle(String.join(", ", s.inputs()) + " · " + t.firstRequestAt() + " to " + t.lastRequestAt() + " (UTC)")
        .section("Overview")
        .kpis(List.of(
            new Kpi("Requests", t.requests(), "requests"),
            new Kpi("Unique visitors", t.uniqueVisitors(), "visitors"),
            new Kpi("Bandwidth", t.bandwidthBytes() / 1_048_576.0, "MiB"),
            new Kpi("4xx rate", e.rate4xx() * 100, "%"),
            new Kpi("5xx rate", e.rate5xx() * 100, "%"),
            new Kpi("Security findings", report.findings().size(), "findings")))
        .section("Data quality")
        .kpis(List.of(
            new Kpi("Lines", s.lines(), "lines"),
            new Kpi("Parsed", s.parseRate() * 100, "%"),
            new Kpi("Rejected", s.rejected(), "lines"),
            new Kpi("Duplicates", s.duplicates(), "lines")))
        .table(new Table("formats", "Files and formats", List.of("File", "Format"), rows(s.formats())))
        .table(new Table("rejected-rules", "Rejected lines by rule", List.of("Rule", "Lines"), rows(s.rejectedByRule())))
        .section("Traffic")
        .barChart(new BarChart("requests-by-hour", "Requests by hour of day (UTC)",
            t.hourly().stream().map(h -> String.format("%02d", h.hour())).toList(),
            t.hourly().stream().map(WebLogReport.Hour::requests).toList(), "requests"))
        .barChart(new BarChart("status-classes", "Responses by status class",
            List.copyOf(t.statusClasses().keySet()), List.copyOf(t.statusClasses().values()), "requests"))
        .table(new Table("top-pages", "Top pages", List.of("Path", "Requests", "Visitors", "Bytes"),
            t.topPages().stream().map(x -> List.<Object>of(x.path(), x.requests(), x.visitors(), x.bytes())).toList()))
        .table(new Table("top-referrers", "Top referrers", List.of("Referrer", "Requests"),
            t.topReferrers().stream().map(x -> List.<Object>of(x.key(), x.requests())).toList()))
        .barChart(new BarChart("browsers", "Requests by browser",
            t.topBrowsers().stream().map(WebLogReport.Count::key).toList(),
            t.topBrowsers().stream().map(WebLogReport.Count::requests).toList(), "requests").horizontal())
        .section("Errors")
        .table(new Table("top-404", "Top 404 paths", List.of("Path", "Requests", "Distinct IPs"), pathErrors(e.top404())))
        .table(new Table("top-5xx", "5xx by path", List.of("Path", "Requests", "Distinct IPs"), pathErrors(e.top5xx())))
        .section("Performance");
    if (p.timedRequests() > 0) {
      html = html.kpis(List.of(new Kpi("p50", p.p50Ms(), "ms"), new Kpi("p90", p.p90Ms(), "ms"), new Kpi("p95", p.p95Ms(), "ms"),
              new Kpi("p99", p.p99Ms(), "ms")))
          .table(new Table("slowest", "Slowest responses", List.of("Path", "Status", "ms", "IP", "At"),
              p.slowest().stream().map(r -> List.<Object>of(r.path(), r.status(), r.ms(), r.ip(), r.at())).toList()));
    } else {
      html = html.note("The log format records no response times.");
    }
    html = html.table(new Table("largest", "Largest responses", List.of("Path", "Status", "Bytes", "IP", "At"),
            p.largest().stream().map(r -> List.<Object>of(r.path(), r.status(), r.bytes(), r.ip(), r.at())).toList()))
        .section("Security")
        .table(new Table("findings", "Findings", List.of("Kind", "IP", "Severity", "Events", "Distinct paths", "First seen",
                "Last seen", "Detail", "Evidence"),
            report.findings().stream().map(f -> List.<Object>of(f.kind(), f.ip(), f.severity(), f.events(), f.distinctPaths(),
                f.firstSeenAt(), f.lastSeenAt(), f.detail(), f.samples() == null ? "" : String.join("  ", f.samples()))).toList()));
    return html;
  }

  private static List<List<Object>> rows(Map<String, ?> map) {
    List<List<Object>> rows = new ArrayList<>();
    map.forEach((k, v) -> rows.add(List.of(k, v)));
    return rows;
  }

  private static List<List<Object>> pathErrors(List<WebLogReport.PathErrors> errors) {
    return errors.stream().map(x -> List.<Object>of(x.path(), x.requests(), x.distinctIps())).toList();
  }
}
