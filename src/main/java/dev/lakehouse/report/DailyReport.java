package dev.lakehouse.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The day's report over every domain: each {@link Panel} is one SQL query over gold and ops tables, and the
 * same rows go to {@code report.json} and, drawn as KPI tiles, bars, lines or a table, to a self-contained
 * {@code report.html}. Nothing in the report is computed outside those queries, so a figure on the page is the
 * figure the query returns.
 */
public final class DailyReport {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** How a panel's rows are drawn. */
  public enum Kind {
    /** One row; each column is a tile. */
    KPIS,
    /** Rows of (label, value). */
    BAR,
    /** Rows of (x label, one column per series..., is_marker); markers sit on the last series. */
    LINE,
    /** Any columns. */
    TABLE
  }

  /**
   * One query of the report. The SQL may use the named parameter {@code :day} (the report's date) and those in
   * {@code args}.
   *
   * @param section the heading it goes under
   * @param id unique in the report: letters, digits, {@code -} and {@code _}
   */
  public record Panel(String section, String id, String title, Kind kind, String sql, Map<String, Object> args) {
    public Panel {
      args = Map.copyOf(args);
    }

    public Panel(String section, String id, String title, Kind kind, String sql) {
      this(section, id, title, kind, sql, Map.of());
    }
  }

  /** A panel with the rows its query returned. */
  public record Result(String section, String id, String title, Kind kind, List<String> columns,
      List<List<Object>> rows) {}

  /** Where the report went. */
  public record Written(Path html, Path json, List<Result> results) {}

  private final List<Panel> panels;

  public DailyReport(List<Panel> panels) {
    this.panels = List.copyOf(panels);
  }

  /** Runs every panel's query for the day, in order. */
  public List<Result> query(SparkSession spark, LocalDate day) {
    List<Result> results = new ArrayList<>(panels.size());
    for (Panel panel : panels) {
      Map<String, Object> args = new LinkedHashMap<>(panel.args());
      args.put("day", day);
      var frame = spark.sql(panel.sql(), args);
      List<String> columns = List.of(frame.columns());
      List<List<Object>> rows = new ArrayList<>();
      for (Row row : frame.collectAsList()) {
        rows.add(IntStream.range(0, columns.size()).mapToObj(i -> plain(row.get(i))).toList());
      }
      results.add(new Result(panel.section(), panel.id(), panel.title(), panel.kind(), columns, rows));
    }
    return results;
  }

  /** Queries the day and writes {@code report.json} and {@code report.html} into the directory. */
  public Written write(SparkSession spark, LocalDate day, Path directory) {
    List<Result> results = query(spark, day);
    try {
      Files.createDirectories(directory);
      Path json = directory.resolve("report.json");
      Path temporary = Files.createTempFile(directory, ".report", ".json");
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("date", day.toString());
      document.put("panels", results);
      JSON.writeValue(temporary.toFile(), document);
      Files.move(temporary, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Path html = html(day, results).writeTo(directory.resolve("report.html"));
      return new Written(html, json, results);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the daily report to " + directory + ": " + e.getMessage(), e);
    }
  }

  static HtmlReport html(LocalDate day, List<Result> results) {
    HtmlReport html = HtmlReport.titled("Lakehouse daily report " + day)
        .subtitle("Commerce, logs and finance on " + day + " (UTC), from the gold and ops tables");
    String section = null;
    for (Result result : results) {
      if (!result.section().equals(section)) {
        section = result.section();
        html = html.section(section);
      }
      html = draw(html, result);
    }
    return html;
  }

  private static HtmlReport draw(HtmlReport html, Result r) {
    if (r.rows().isEmpty()) {
      return html.note(r.title() + ": no data for this day.");
    }
    return switch (r.kind()) {
      case KPIS -> html.kpis(IntStream.range(0, r.columns().size())
          .mapToObj(i -> new Kpi(r.columns().get(i), number(r.rows().get(0).get(i)))).toList());
      case BAR -> html.barChart(new BarChart(r.id(), r.title(), column(r, 0).stream().map(String::valueOf).toList(),
          column(r, 1).stream().map(DailyReport::number).toList(), r.columns().get(1)));
      case LINE -> html.lineChart(line(r));
      case TABLE -> html.table(new Table(r.id(), r.title(), r.columns(), r.rows()));
    };
  }

  // x, the series, and a last boolean column that marks points
  private static LineChart line(Result r) {
    int last = r.columns().size() - 1;
    List<Series> series = new ArrayList<>();
    for (int i = 1; i < last; i++) {
      series.add(new Series(r.columns().get(i), column(r, i).stream().map(DailyReport::number).toList()));
    }
    List<Integer> markers = IntStream.range(0, r.rows().size())
        .filter(i -> Boolean.TRUE.equals(r.rows().get(i).get(last))).boxed().toList();
    return new LineChart(r.id(), r.title(), column(r, 0).stream().map(String::valueOf).toList(), series, markers);
  }

  private static List<Object> column(Result r, int index) {
    return r.rows().stream().map(row -> row.get(index)).toList();
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  // JSON- and HTML-friendly cells: decimals as doubles, dates and times as ISO text
  private static Object plain(Object value) {
    if (value instanceof BigDecimal d) {
      return d.doubleValue();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().toString();
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      return String.join(", ", scala.jdk.javaapi.CollectionConverters.asJava(seq).stream().map(String::valueOf).toList());
    }
    return value;
  }
}
