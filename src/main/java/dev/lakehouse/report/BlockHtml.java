package dev.lakehouse.report;

import java.util.List;

/** The HTML of each kind of {@link Block}. */
final class BlockHtml {
  private BlockHtml() {}

  static void render(Block block, Markup out) {
    if (block instanceof KpiRow row) {
      kpis(row.kpis(), out);
    } else if (block instanceof BarChart chart) {
      figure("chart", chart.title(), out);
      BarChartSvg.render(chart, out);
      out.close("figure").newline();
    } else if (block instanceof LineChart chart) {
      figure("chart", chart.title(), out);
      LineChartSvg.render(chart, out);
      out.close("figure").newline();
    } else if (block instanceof Table table) {
      table(table, out);
    } else if (block instanceof Note note) {
      out.element("p", note.text(), "class", "note").newline();
    }
  }

  private static void kpis(List<Kpi> kpis, Markup out) {
    if (kpis.isEmpty()) {
      return;
    }
    out.open("div", "class", "kpis").newline();
    for (Kpi kpi : kpis) {
      boolean hasUnit = kpi.unit() != null && !kpi.unit().isEmpty();
      out.open("div", "class", "kpi", "data-kpi", kpi.slug(), "data-value", Numbers.raw(kpi.value()))
          .open("div", "class", "kpi-value").text(Numbers.display(kpi.value()));
      if (hasUnit) {
        out.element("span", kpi.unit().equals("%") ? "%" : " " + kpi.unit(), "class", "kpi-unit");
      }
      out.close("div")
          .element("div", kpi.label(), "class", "kpi-label")
          .close("div").newline();
    }
    out.close("div").newline();
  }

  private static void table(Table table, Markup out) {
    figure("table", table.title(), out);
    out.open("div", "class", "table-wrap").newline();
    out.open("table", "data-table", table.id()).newline();
    out.open("thead").open("tr");
    for (int c = 0; c < table.columns().size(); c++) {
      out.element("th", table.columns().get(c), "class", isNumeric(table, c) ? "num" : null, "scope", "col");
    }
    out.close("tr").close("thead").newline();
    out.open("tbody").newline();
    if (table.rows().isEmpty()) {
      out.open("tr").element("td", "No rows", "class", "empty", "colspan",
          Integer.toString(Math.max(1, table.columns().size()))).close("tr").newline();
    }
    for (List<?> row : table.rows()) {
      out.open("tr");
      row.forEach(cell -> cell(cell, out));
      out.close("tr").newline();
    }
    out.close("tbody").newline();
    out.close("table").newline().close("div").newline().close("figure").newline();
  }

  private static void cell(Object cell, Markup out) {
    if (cell instanceof Number number) {
      out.element("td", Numbers.display(number), "class", "num", "data-value", Numbers.raw(number));
    } else {
      out.element("td", cell == null ? "" : cell.toString());
    }
  }

  /** A column whose cells are all numbers (or empty), so its heading aligns right with them. */
  private static boolean isNumeric(Table table, int column) {
    return !table.rows().isEmpty()
        && table.rows().stream().allMatch(row -> row.get(column) == null || row.get(column) instanceof Number);
  }

  private static void figure(String kind, String title, Markup out) {
    out.open("figure", "class", kind).newline();
    out.element("figcaption", title).newline();
  }
}
