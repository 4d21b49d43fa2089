package dev.lakehouse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class HtmlReportTest {
  private static final String SCRIPT = "<script>alert('x')</script>";

  @Test
  void titleSubtitleAndSectionsInOrder() {
    String html = HtmlReport.titled("Access log analysis")
        .subtitle("access.log · 1,000,000 lines · generated 2026-11-22T05:00Z")
        .section("Overview").note("first")
        .section("Traffic").note("second")
        .render();
    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .contains("<title>Access log analysis</title>", "<h1>Access log analysis</h1>",
            "<p class=\"subtitle\">access.log · 1,000,000 lines · generated 2026-11-22T05:00Z</p>")
        .containsSubsequence("<h2>Overview</h2>", "first", "<h2>Traffic</h2>", "second")
        .endsWith("</body>\n</html>\n");
  }

  @Test
  void blocksBeforeAnySectionComeFirstUnderNoHeading() {
    String html = HtmlReport.titled("t").note("before").section("Later").note("after").render();
    assertThat(html).containsSubsequence("<section>\n<p class=\"note\">before</p>", "<h2>Later</h2>", "after");
  }

  @Test
  void textFromEveryPlaceIsEscaped() {
    String html = HtmlReport.titled(SCRIPT).subtitle(SCRIPT).section(SCRIPT)
        .kpis(List.of(new Kpi(SCRIPT, 1, SCRIPT)))
        .barChart(new BarChart("bars", SCRIPT, List.of(SCRIPT), List.of(1), SCRIPT))
        .barChart(new BarChart("rows", SCRIPT, List.of(SCRIPT), List.of(1), SCRIPT).horizontal())
        .lineChart(new LineChart("lines", SCRIPT, List.of(SCRIPT), List.of(new Series(SCRIPT, List.of(1))),
            List.of(0)))
        .table(new Table("cells", SCRIPT, List.of(SCRIPT), List.of(List.of(SCRIPT))))
        .note(SCRIPT)
        .render();
    assertThat(html).doesNotContain("<script", "alert('x')")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  }

  @Test
  void quotesCannotLeaveAnAttribute() {
    String label = "a\" onmouseover=\"steal()";
    String html = HtmlReport.titled("t")
        .barChart(new BarChart("bars", "Bars", List.of(label), List.of(1), null))
        .render();
    assertThat(html).doesNotContain("\" onmouseover=\"")
        .contains("data-label=\"a&quot; onmouseover=&quot;steal()\"");
  }

  @Test
  void kpiTilesCarryTheirSlugAndExactValue() {
    String html = HtmlReport.titled("t").kpis(List.of(
        new Kpi("Requests", 1_000_000, "requests"),
        new Kpi("Error rate (%)", 0.1 + 0.2, "%"),
        new Kpi("p95 latency", Double.NaN, "ms"))).render();
    assertThat(html)
        .contains("<div class=\"kpi\" data-kpi=\"requests\" data-value=\"1000000\"><div class=\"kpi-value\">"
            + "1,000,000<span class=\"kpi-unit\"> requests</span></div><div class=\"kpi-label\">Requests</div></div>")
        .contains("data-kpi=\"error-rate\" data-value=\"0.30000000000000004\"><div class=\"kpi-value\">0.3<span "
            + "class=\"kpi-unit\">%</span>")
        .contains("data-kpi=\"p95-latency\" data-value=\"NaN\"><div class=\"kpi-value\">n/a");
  }

  @Test
  void tablesCarryTheirIdAndTheExactNumbersOfNumberCells() {
    String html = HtmlReport.titled("t").table(new Table("top-pages", "Top pages", List.of("Path", "Requests", "Bytes"),
        List.of(Arrays.asList("/a?b=1&c=2", 123_456_789_012L, 0.5), Arrays.asList(null, 7, null)))).render();
    assertThat(html).contains("<table data-table=\"top-pages\">",
        "<th scope=\"col\">Path</th><th class=\"num\" scope=\"col\">Requests</th>",
        "<tr><td>/a?b=1&amp;c=2</td><td class=\"num\" data-value=\"123456789012\">123,456,789,012</td>"
            + "<td class=\"num\" data-value=\"0.5\">0.5</td></tr>",
        "<tr><td></td><td class=\"num\" data-value=\"7\">7</td><td></td></tr>");
  }

  @Test
  void aTableWithoutRowsSaysSo() {
    String html = HtmlReport.titled("t").table(new Table("none", "404s", List.of("Path", "Requests"), List.of()))
        .render();
    assertThat(html).contains("data-table=\"none\"", "<td class=\"empty\" colspan=\"2\">No rows</td>");
  }

  @Test
  void rowsMustHaveACellPerColumn() {
    assertThatThrownBy(() -> new Table("t", "T", List.of("a", "b"), List.of(List.of(1, 2), List.of(3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid table t: row 1 has 1 cells but there are 2 columns");
  }

  @Test
  void everyChartIsWellFormedSvgNamedByItsId() throws Exception {
    List<String> fragments = Svgs.fragments(everyKindOfBlock().render());
    assertThat(fragments).hasSize(9);
    for (String fragment : fragments) {
      Element svg = Svgs.parse(fragment).getDocumentElement();
      assertThat(svg.getLocalName()).isEqualTo("svg");
      assertThat(svg.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
      assertThat(svg.getAttribute("viewBox")).startsWith("0 0 720 ");
    }
    assertThat(fragments).extracting(fragment -> Svgs.parse(fragment).getDocumentElement().getAttribute("data-chart"))
        .containsExactly("hours", "status", "paths", "empty", "zeros", "pnl", "var-vs-pnl", "one", "nothing");
  }

  @Test
  void theSameReportRendersTheSameText() {
    assertThat(everyKindOfBlock().render()).isEqualTo(everyKindOfBlock().render());
  }

  @Test
  void theRenderingDoesNotDependOnTheDefaultLocale() {
    String root = everyKindOfBlock().render();
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("de-DE"));
      assertThat(everyKindOfBlock().render()).isEqualTo(root);
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void needsNothingFromOutsideTheFile() {
    String html = everyKindOfBlock().render();
    assertThat(html).contains("<meta charset=\"utf-8\">", "<style>")
        .doesNotContain("<script", "<link", "@import", "url(", "src=", "<img");
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:", "https:", "//www");
  }

  @Test
  void addingToAReportLeavesTheOriginalAsItWas() {
    HtmlReport base = HtmlReport.titled("t").section("A").note("one");
    String before = base.render();
    HtmlReport more = base.note("two").section("B").subtitle("sub");
    assertThat(base.render()).isEqualTo(before).doesNotContain("two");
    assertThat(more.render()).contains("two", "<h2>B</h2>", "sub");
  }

  @Test
  void chartAndTableIdsAreUniqueInAReport() {
    HtmlReport report = HtmlReport.titled("t").barChart(new BarChart("traffic", "T", List.of(), List.of(), null));
    assertThatThrownBy(() -> report.section("Other").table(new Table("traffic", "T", List.of("a"), List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot add a second chart or table with id 'traffic': ids must be unique in a report");
  }

  @Test
  void idsAreLettersDigitsDashesAndUnderscores() {
    assertThatThrownBy(() -> new BarChart("top pages", "T", List.of(), List.of(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid chart id 'top pages'");
    assertThatThrownBy(() -> new Table("\"x\"", "T", List.of(), List.of()))
        .hasMessageStartingWith("Invalid table id '\"x\"'");
  }

  /** A report with every block and every edge case of the charts. */
  static HtmlReport everyKindOfBlock() {
    List<String> hours = List.of("00", "01", "02", "03");
    List<String> days = List.of("2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21");
    return HtmlReport.titled("Access log analysis")
        .subtitle("access.log · 4 lines · generated 2026-11-22T05:00Z")
        .section("Overview")
        .kpis(List.of(new Kpi("Requests", 1_000_000, "requests"), new Kpi("Unique visitors", 5321)))
        .section("Traffic")
        .barChart(new BarChart("hours", "Requests by hour (UTC)", hours, List.of(10L, 40L, 25L, 0L), "requests"))
        .barChart(new BarChart("status", "Status classes", List.of("2xx", "3xx", "4xx", "5xx"),
            List.of(912_000, 51_000, 35_000, 2_000), "responses").horizontal())
        .barChart(new BarChart("paths", "Top paths", List.of("/" + "a/".repeat(60), SCRIPT, "& <>"),
            Arrays.asList(500, null, 12.5), "requests").horizontal())
        .barChart(new BarChart("empty", "Nothing yet", List.of(), List.of(), "requests"))
        .barChart(new BarChart("zeros", "All zero", hours, List.of(0, 0, 0, 0), null))
        .table(new Table("top-pages", "Top pages", List.of("Path", "Requests"), List.of(List.of(SCRIPT, 3))))
        .section("Risk")
        .barChart(new BarChart("pnl", "Daily P&L", days, List.of(-1500.25, 2300, -40, Double.NaN), "EUR"))
        .lineChart(new LineChart("var-vs-pnl", "1-day VaR 99% vs realised P&L", days, List.of(
            new Series("VaR", List.of(-1000, -1100, -1050, -1200)),
            new Series("P&L", Arrays.asList(300, -1400, null, -1300))), List.of(1, 3)))
        .lineChart(new LineChart("one", "One point", List.of("2026-11-21"), List.of(new Series("Revenue", List.of(7)))))
        .lineChart(new LineChart("nothing", "No series", days, List.of()))
        .note("Percentiles are approximate.");
  }
}
