package dev.lakehouse.report;

import static dev.lakehouse.report.Numbers.coordinate;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link LineChart}: a legend, one {@code <path>} per series (broken where values are missing, a dot for a
 * point with no neighbour), then the markers on top.
 */
final class LineChartSvg {
  private static final double HEIGHT = 280;
  /** Room above the plot for the legend. */
  private static final double TOP = 32;
  /** Room under the plot for the x labels. */
  private static final double BOTTOM = 36;
  private static final int X_LABEL_CHARS = 14;

  private LineChartSvg() {}

  static void render(LineChart chart, Markup out) {
    List<Number> values = new ArrayList<>();
    chart.series().forEach(series -> values.addAll(series.values()));
    if (!Svg.hasValues(values)) {
      Svg.noData(chart.id(), chart.title(), out);
      return;
    }
    new LineChartSvg.Plot(chart, Scale.covering(values)).render(out);
  }

  /** One chart's geometry: where index {@code i} and value {@code v} fall. */
  private static final class Plot {
    private final LineChart chart;
    private final Scale scale;
    private final double left;
    private final double right = Svg.WIDTH - Svg.RIGHT_MARGIN;
    private final double bottom = HEIGHT - BOTTOM;

    Plot(LineChart chart, Scale scale) {
      this.chart = chart;
      this.scale = scale;
      this.left = Svg.gutter(scale);
    }

    void render(Markup out) {
      Svg.open(chart.id(), chart.title(), HEIGHT, out);
      legend(out);
      Svg.valueGridAcross(scale, left, right, TOP, bottom, out);
      xLabels(out);
      for (int s = 0; s < chart.series().size(); s++) {
        line(chart.series().get(s), Svg.PALETTE.get(s % Svg.PALETTE.size()), out);
      }
      chart.markers().forEach(index -> marker(index, out));
      Svg.close(out);
    }

    private void legend(Markup out) {
      double x = left;
      for (int s = 0; s < chart.series().size(); s++) {
        String name = chart.series().get(s).name();
        out.shape("line", "x1", coordinate(x), "x2", coordinate(x + 16), "y1", "12", "y2", "12",
            "stroke", Svg.PALETTE.get(s % Svg.PALETTE.size()), "stroke-width", "3").newline();
        out.element("text", name, "class", "legend", "x", coordinate(x + 20), "y", "16").newline();
        x += 20 + Svg.textWidth(name) + 16;
      }
    }

    private void xLabels(Markup out) {
      List<String> labels = chart.xLabels();
      int longest = labels.stream().mapToInt(label -> Svg.truncated(label, X_LABEL_CHARS).length()).max().orElse(1);
      int stride = Svg.labelStride(labels.size(), longest, right - left);
      for (int i = 0; i < labels.size(); i += stride) {
        out.element("text", Svg.truncated(labels.get(i), X_LABEL_CHARS), "class", "label",
            "x", coordinate(x(i)), "y", coordinate(bottom + 16), "text-anchor", "middle", "fill", Svg.MUTED)
            .newline();
      }
    }

    private void line(Series series, String colour, Markup out) {
      StringBuilder path = new StringBuilder();
      List<Integer> loners = new ArrayList<>();
      List<? extends Number> values = series.values();
      for (int i = 0; i < values.size(); i++) {
        if (Numbers.isMissing(values.get(i))) {
          continue;
        }
        boolean continues = i > 0 && !Numbers.isMissing(values.get(i - 1));
        boolean goesOn = i + 1 < values.size() && !Numbers.isMissing(values.get(i + 1));
        if (!continues && !goesOn) {
          loners.add(i);
        }
        path.append(path.length() == 0 ? "" : " ").append(continues ? 'L' : 'M')
            .append(coordinate(x(i))).append(',').append(coordinate(y(values.get(i))));
      }
      out.open("path", "class", "series", "data-series", series.name(), "d", path.toString(), "fill", "none",
              "stroke", colour, "stroke-width", "2", "stroke-linejoin", "round", "stroke-linecap", "round")
          .element("title", series.name())
          .close("path").newline();
      for (int i : loners) {
        out.open("circle", "class", "point", "data-series", series.name(), "cx", coordinate(x(i)),
                "cy", coordinate(y(values.get(i))), "r", "3", "fill", colour)
            .element("title", series.name() + " " + Svg.tooltip(chart.xLabels().get(i), values.get(i), null))
            .close("circle").newline();
      }
    }

    /** A dashed guide across the plot at the index and a ring on the last series (on zero where it is missing). */
    private void marker(int index, Markup out) {
      String x = coordinate(x(index));
      out.shape("line", "class", "marker-guide", "x1", x, "x2", x, "y1", coordinate(TOP), "y2", coordinate(bottom),
          "stroke", Svg.MARKER, "stroke-opacity", "0.4", "stroke-dasharray", "3 3").newline();
      Series last = chart.series().get(chart.series().size() - 1);
      Number value = last.values().get(index);
      boolean missing = Numbers.isMissing(value);
      String label = chart.xLabels().get(index);
      out.open("circle", "class", "marker", "data-marker-index", Integer.toString(index), "data-label", label,
              "data-value", missing ? null : Numbers.raw(value), "cx", x,
              "cy", coordinate(missing ? scale.position(0, bottom, TOP) : y(value)), "r", "5", "fill", "none",
              "stroke", Svg.MARKER, "stroke-width", "2")
          .element("title", last.name() + " " + Svg.tooltip(label, value, null))
          .close("circle").newline();
    }

    private double x(int index) {
      int points = chart.xLabels().size();
      return points == 1 ? (left + right) / 2 : left + index * (right - left) / (points - 1);
    }

    private double y(Number value) {
      return scale.position(value.doubleValue(), bottom, TOP);
    }
  }
}
