package dev.lakehouse.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A self-contained HTML report: one file with inline CSS and inline SVG charts, no scripts, fonts or anything
 * else fetched, so it renders the same opened from disk without a network and prints cleanly.
 *
 * <p>Immutable: every method returns a new report with one more part, and a report can be rendered any number of
 * times. Blocks go into the section opened last ({@link #section}); blocks added before any section go first,
 * under no heading. All text is escaped; numbers are shown in {@link java.util.Locale#ROOT} with thousands
 * separators, and charts, tables and KPI tiles carry the exact numbers in {@code data-*} attributes. The same
 * report renders to the same string: the library adds no timestamp of its own.
 *
 * <pre>{@code
 * HtmlReport.titled("Access log analysis")
 *     .subtitle("access.log · 1,000,000 lines · generated 2026-11-22T05:00Z")
 *     .section("Overview")
 *     .kpis(List.of(new Kpi("Requests", 1_000_000, "requests"), new Kpi("Error rate", 0.42, "%")))
 *     .section("Traffic")
 *     .barChart(new BarChart("requests-by-hour", "Requests by hour (UTC)", hours, counts, "requests"))
 *     .barChart(new BarChart("top-paths", "Top paths", paths, hits, "requests").horizontal())
 *     .table(new Table("top-pages", "Top pages", List.of("Path", "Requests"), rows))
 *     .writeTo(Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReport {
  private final String title;
  private final String subtitle;
  private final List<Section> sections;

  /** A heading and the blocks under it; the leading section has no heading. */
  private record Section(String heading, List<Block> blocks) {
    Section {
      blocks = List.copyOf(blocks);
    }

    Section with(Block block) {
      List<Block> more = new ArrayList<>(blocks);
      more.add(block);
      return new Section(heading, more);
    }
  }

  private HtmlReport(String title, String subtitle, List<Section> sections) {
    this.title = title;
    this.subtitle = subtitle;
    this.sections = List.copyOf(sections);
  }

  /** An empty report; the title is the page title and its heading. */
  public static HtmlReport titled(String title) {
    return new HtmlReport(Objects.requireNonNull(title, "title"), null, List.of());
  }

  /** The line under the title, e.g. the input, its size and when the report was made. */
  public HtmlReport subtitle(String subtitle) {
    return new HtmlReport(title, Objects.requireNonNull(subtitle, "subtitle"), sections);
  }

  /** Opens a section under this heading; the blocks added next go into it. */
  public HtmlReport section(String heading) {
    List<Section> more = new ArrayList<>(sections);
    more.add(new Section(Objects.requireNonNull(heading, "heading"), List.of()));
    return new HtmlReport(title, subtitle, more);
  }

  /** A row of KPI tiles. */
  public HtmlReport kpis(List<Kpi> kpis) {
    return with(new KpiRow(kpis));
  }

  public HtmlReport barChart(BarChart chart) {
    return with(Objects.requireNonNull(chart, "chart"));
  }

  public HtmlReport lineChart(LineChart chart) {
    return with(Objects.requireNonNull(chart, "chart"));
  }

  public HtmlReport table(Table table) {
    return with(Objects.requireNonNull(table, "table"));
  }

  /** A paragraph of plain text. */
  public HtmlReport note(String text) {
    return with(new Note(text));
  }

  /** The whole HTML document. */
  public String render() {
    Markup out = new Markup();
    out.raw("<!DOCTYPE html>").newline()
        .raw("<html lang=\"en\">").newline()
        .raw("<head>").newline()
        .raw("<meta charset=\"utf-8\">").newline()
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">").newline()
        .element("title", title).newline()
        .raw("<style>").newline().raw(Stylesheet.CSS).raw("</style>").newline()
        .raw("</head>").newline()
        .raw("<body>").newline();
    out.open("header").newline().element("h1", title).newline();
    if (subtitle != null) {
      out.element("p", subtitle, "class", "subtitle").newline();
    }
    out.close("header").newline();
    for (Section section : sections) {
      out.open("section").newline();
      if (section.heading() != null) {
        out.element("h2", section.heading()).newline();
      }
      section.blocks().forEach(block -> BlockHtml.render(block, out));
      out.close("section").newline();
    }
    return out.raw("</body>").newline().raw("</html>").newline().toString();
  }

  /**
   * Writes {@link #render()} to {@code file} as UTF-8, creating its directories: first to a temporary file
   * beside it, then moved over it, so a reader sees the old report or the whole new one, never part of one.
   *
   * @return the file written
   * @throws UncheckedIOException when the file cannot be written; a previous report there is left as it was
   */
  public Path writeTo(Path file) {
    Path target = file.toAbsolutePath();
    Path temporary = target.resolveSibling(String.format(".%s.%016x.tmp", target.getFileName(),
        ThreadLocalRandom.current().nextLong()));
    try {
      Files.createDirectories(target.getParent());
      Files.writeString(temporary, render(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      moveOver(temporary, target);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the report to " + target + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  private HtmlReport with(Block block) {
    checkUniqueId(block);
    List<Section> more = new ArrayList<>(sections);
    Section last = more.isEmpty() ? new Section(null, List.of()) : more.remove(more.size() - 1);
    more.add(last.with(block));
    return new HtmlReport(title, subtitle, more);
  }

  private void checkUniqueId(Block block) {
    String id = idOf(block);
    boolean taken = id != null && sections.stream()
        .flatMap(section -> section.blocks().stream())
        .anyMatch(existing -> id.equals(idOf(existing)));
    if (taken) {
      throw new IllegalArgumentException(String.format(
          "Cannot add a second chart or table with id '%s': ids must be unique in a report", id));
    }
  }

  private static String idOf(Block block) {
    if (block instanceof BarChart chart) {
      return chart.id();
    }
    if (block instanceof LineChart chart) {
      return chart.id();
    }
    return block instanceof Table table ? table.id() : null;
  }

  private static void moveOver(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path temporary) {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      // the temporary name starts with a dot and ends in .tmp; a leftover is harmless
    }
  }
}
