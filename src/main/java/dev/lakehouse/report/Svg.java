package dev.lakehouse.report;

import static dev.lakehouse.report.Numbers.coordinate;

import java.util.List;

/** What the chart renderers share: canvas size, colours, text measures, the value axis and the empty chart. */
final class Svg {
  /** The viewBox width; the chart scales to the page width. */
  static final double WIDTH = 720;
  static final double RIGHT_MARGIN = 12;
  /** A rough width of one character at the chart font size, for fitting labels (no font metrics here). */
  static final double CHAR_WIDTH = 6.4;
  static final String INK = "#1f2937";
  static final String MUTED = "#6b7280";
  static final String GRID = "#e5e7eb";
  static final String AXIS = "#9ca3af";
  static final String MARKER = "#d62728";
  /** Series colours in order (Tableau 10), repeating after six. */
  static final List<String> PALETTE = List.of("#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#9c755f");
  static final String NEGATIVE = "#e15759";

  private static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

  private Svg() {}

  static void open(String id, String title, double height, Markup out) {
    out.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "chart", "data-chart", id,
        "viewBox", "0 0 " + coordinate(WIDTH) + " " + coordinate(height), "width", "100%", "role", "img",
        "aria-label", title, "font-family", FONT, "font-size", "11", "fill", INK).newline();
  }

  static void close(Markup out) {
    out.close("svg").newline();
  }

  /** A short chart that says "No data", still carrying {@code data-chart}. */
  static void noData(String id, String title, Markup out) {
    out.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "chart", "data-chart", id, "data-empty",
        "true", "viewBox", "0 0 " + coordinate(WIDTH) + " 60", "width", "100%", "role", "img", "aria-label",
        title + ": no data", "font-family", FONT, "font-size", "13").newline();
    out.element("text", "No data", "x", coordinate(WIDTH / 2), "y", "34", "text-anchor", "middle", "fill", MUTED)
        .newline();
    close(out);
  }

  static boolean hasValues(List<? extends Number> values) {
    return values.stream().anyMatch(value -> !Numbers.isMissing(value));
  }

  static double textWidth(String text) {
    return text.codePointCount(0, text.length()) * CHAR_WIDTH;
  }

  /** The text cut to {@code maxChars} characters, the last of them an ellipsis. */
  static String truncated(String text, int maxChars) {
    if (text.codePointCount(0, text.length()) <= maxChars) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, Math.max(0, maxChars - 1))) + "…";
  }

  /** Room left of the plot for the value axis labels. */
  static double gutter(Scale scale) {
    double widest = scale.tickLabels().stream().mapToDouble(Svg::textWidth).max().orElse(0);
    return Math.max(32, widest + 14);
  }

  /** Label every {@code n}th slot so that labels of {@code labelChars} characters do not overlap. */
  static int labelStride(int slots, int labelChars, double plotWidth) {
    double needed = slots * (labelChars * CHAR_WIDTH + 8);
    return Math.max(1, (int) Math.ceil(needed / plotWidth));
  }

  /** Horizontal grid lines with tick labels left of {@code left}; the zero line darker. */
  static void valueGridAcross(Scale scale, double left, double right, double top, double bottom, Markup out) {
    List<Double> ticks = scale.ticks();
    List<String> labels = scale.tickLabels();
    for (int i = 0; i < ticks.size(); i++) {
      String y = coordinate(scale.position(ticks.get(i), bottom, top));
      out.shape("line", "x1", coordinate(left), "x2", coordinate(right), "y1", y, "y2", y,
          "stroke", ticks.get(i) == 0 ? AXIS : GRID, "stroke-width", "1").newline();
      out.element("text", labels.get(i), "class", "tick", "x", coordinate(left - 6), "y", y, "dy", "4",
          "text-anchor", "end", "fill", MUTED).newline();
    }
  }

  /** Vertical grid lines with tick labels under {@code bottom}, every other one where they would touch. */
  static void valueGridDown(Scale scale, double left, double right, double top, double bottom, Markup out) {
    List<Double> ticks = scale.ticks();
    List<String> labels = scale.tickLabels();
    int longest = labels.stream().mapToInt(String::length).max().orElse(1);
    int stride = labelStride(Math.max(1, ticks.size() - 1), longest, right - left);
    for (int i = 0; i < ticks.size(); i++) {
      String x = coordinate(scale.position(ticks.get(i), left, right));
      out.shape("line", "x1", x, "x2", x, "y1", coordinate(top), "y2", coordinate(bottom),
          "stroke", ticks.get(i) == 0 ? AXIS : GRID, "stroke-width", "1").newline();
      if (i % stride == 0) {
        out.element("text", labels.get(i), "class", "tick", "x", x, "y", coordinate(bottom + 16),
            "text-anchor", "middle", "fill", MUTED).newline();
      }
    }
  }

  /** "label: 1,234 unit", for tooltips. */
  static String tooltip(String label, Number value, String unit) {
    String number = Numbers.display(value);
    return (label.isEmpty() ? "" : label + ": ") + (unit == null || unit.isEmpty() ? number : number + " " + unit);
  }
}
