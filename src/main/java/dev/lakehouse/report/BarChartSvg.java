package dev.lakehouse.report;

import static dev.lakehouse.report.Numbers.coordinate;

import java.util.List;

/** Draws a {@link BarChart}: one {@code <rect>} per present value, from zero, on a {@link Scale}. */
final class BarChartSvg {
  private static final double COLUMN_CHART_HEIGHT = 260;
  /** Room above the plot for the unit and the value over the tallest column. */
  private static final double TOP = 28;
  /** Room under the plot for the column labels. */
  private static final double BOTTOM = 36;
  private static final int COLUMN_LABEL_CHARS = 14;
  /** Columns get their value written over them when there are at most this many. */
  private static final int MAX_COLUMNS_WITH_VALUES = 12;
  private static final double ROW_HEIGHT = 22;
  private static final double ROW_BAR_INSET = 4;
  /** Room under the rows for the value axis labels. */
  private static final double ROWS_BOTTOM = 28;

  private BarChartSvg() {}

  static void render(BarChart chart, Markup out) {
    if (!Svg.hasValues(chart.values())) {
      Svg.noData(chart.id(), chart.title(), out);
    } else if (chart.orientation() == BarChart.Orientation.HORIZONTAL) {
      rows(chart, Scale.covering(chart.values()), out);
    } else {
      columns(chart, Scale.covering(chart.values()), out);
    }
  }

  private static void columns(BarChart chart, Scale scale, Markup out) {
    List<String> labels = chart.labels();
    double left = Svg.gutter(scale);
    double right = Svg.WIDTH - Svg.RIGHT_MARGIN;
    double bottom = COLUMN_CHART_HEIGHT - BOTTOM;
    double slot = (right - left) / labels.size();
    double zero = scale.position(0, bottom, TOP);
    Svg.open(chart.id(), chart.title(), COLUMN_CHART_HEIGHT, out);
    unitCaption(chart.unit(), 8, "start", out);
    Svg.valueGridAcross(scale, left, right, TOP, bottom, out);
    for (int i = 0; i < labels.size(); i++) {
      Number value = chart.values().get(i);
      if (!Numbers.isMissing(value)) {
        double y = scale.position(value.doubleValue(), bottom, TOP);
        double x = left + i * slot + slot * 0.1;
        bar(chart, i, x, Math.min(y, zero), slot * 0.8, Math.abs(zero - y), out);
        if (labels.size() <= MAX_COLUMNS_WITH_VALUES) {
          double textY = value.doubleValue() < 0 ? Math.max(y, zero) + 12 : Math.min(y, zero) - 4;
          out.element("text", Numbers.display(value), "class", "bar-value", "x", coordinate(x + slot * 0.4),
              "y", coordinate(textY), "text-anchor", "middle").newline();
        }
      }
    }
    int longest = labels.stream().mapToInt(label -> Svg.truncated(label, COLUMN_LABEL_CHARS).length()).max().orElse(1);
    int stride = Svg.labelStride(labels.size(), longest, right - left);
    for (int i = 0; i < labels.size(); i += stride) {
      out.element("text", Svg.truncated(labels.get(i), COLUMN_LABEL_CHARS), "class", "label",
          "x", coordinate(left + (i + 0.5) * slot), "y", coordinate(bottom + 16), "text-anchor", "middle",
          "fill", Svg.MUTED).newline();
    }
    Svg.close(out);
  }

  private static void rows(BarChart chart, Scale scale, Markup out) {
    List<String> labels = chart.labels();
    double widestLabel = labels.stream().mapToDouble(Svg::textWidth).max().orElse(0);
    double left = Math.min(Svg.WIDTH * 0.4, Math.max(48, widestLabel + 12));
    int labelChars = (int) ((left - 12) / Svg.CHAR_WIDTH);
    double widestValue = chart.values().stream()
        .filter(value -> !Numbers.isMissing(value))
        .mapToDouble(value -> Svg.textWidth(Numbers.display(value)))
        .max().orElse(0);
    double right = Svg.WIDTH - Svg.RIGHT_MARGIN - widestValue - 12;
    double top = TOP - 4;
    double bottom = top + labels.size() * ROW_HEIGHT;
    double zero = scale.position(0, left, right);
    Svg.open(chart.id(), chart.title(), bottom + ROWS_BOTTOM, out);
    unitCaption(chart.unit(), Svg.WIDTH - Svg.RIGHT_MARGIN, "end", out);
    Svg.valueGridDown(scale, left, right, top, bottom, out);
    for (int i = 0; i < labels.size(); i++) {
      double rowTop = top + i * ROW_HEIGHT;
      String textY = coordinate(rowTop + ROW_HEIGHT / 2 + 4);
      String shown = Svg.truncated(labels.get(i), labelChars);
      out.open("text", "class", "label", "x", coordinate(left - 8), "y", textY, "text-anchor", "end").text(shown);
      if (!shown.equals(labels.get(i))) {
        out.element("title", labels.get(i));
      }
      out.close("text").newline();
      Number value = chart.values().get(i);
      if (!Numbers.isMissing(value)) {
        double x = scale.position(value.doubleValue(), left, right);
        bar(chart, i, Math.min(x, zero), rowTop + ROW_BAR_INSET, Math.abs(x - zero), ROW_HEIGHT - 2 * ROW_BAR_INSET,
            out);
        out.element("text", Numbers.display(value), "class", "bar-value", "x",
            coordinate(Svg.WIDTH - Svg.RIGHT_MARGIN), "y", textY, "text-anchor", "end").newline();
      }
    }
    Svg.close(out);
  }

  private static void bar(BarChart chart, int i, double x, double y, double width, double height, Markup out) {
    Number value = chart.values().get(i);
    out.open("rect", "class", "bar", "data-label", chart.labels().get(i), "data-value", Numbers.raw(value),
            "x", coordinate(x), "y", coordinate(y), "width", coordinate(width), "height", coordinate(height),
            "fill", value.doubleValue() < 0 ? Svg.NEGATIVE : Svg.PALETTE.get(0))
        .element("title", Svg.tooltip(chart.labels().get(i), value, chart.unit()))
        .close("rect").newline();
  }

  private static void unitCaption(String unit, double x, String anchor, Markup out) {
    if (unit != null && !unit.isEmpty()) {
      out.element("text", unit, "class", "unit", "x", coordinate(x), "y", "14", "text-anchor", anchor,
          "fill", Svg.MUTED).newline();
    }
  }
}
