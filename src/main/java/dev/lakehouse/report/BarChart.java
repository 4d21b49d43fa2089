package dev.lakehouse.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Bars from zero to each value, one per label: vertical (columns, for hours or days) or horizontal (rows, for
 * long labels such as paths or referrers). Negative values hang below (or left of) zero. A null, NaN or infinite
 * value gets no bar; a chart with no value at all says "No data".
 *
 * <p>The chart is an {@code <svg data-chart="<id>">} and each bar a {@code <rect data-label="..."
 * data-value="<the exact number>">} with a {@code <title>} tooltip.
 *
 * @param id the chart's {@code data-chart}, unique in the report: letters, digits, {@code -} and {@code _}
 * @param title the caption above the chart
 * @param labels one per bar; null shows as empty
 * @param values one per label; long and int counts are kept exact
 * @param unit what the values count, e.g. {@code requests}, shown on the axis and in tooltips; null for none
 * @param orientation which way the bars go
 */
public record BarChart(String id, String title, List<String> labels, List<? extends Number> values, String unit,
    Orientation orientation) implements Block {

  /** Which way the bars go. */
  public enum Orientation {
    /** Columns rising from a horizontal axis; labels under them, cut to 14 characters. */
    VERTICAL,
    /** One row per bar with its label on the left and its value on the right, for many or long labels. */
    HORIZONTAL
  }

  public BarChart {
    Ids.checked(id, "chart");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(orientation, "orientation");
    if (labels.size() != values.size()) {
      throw new IllegalArgumentException(String.format(
          "Invalid bar chart %s: %d labels but %d values (give one value per label)", id, labels.size(),
          values.size()));
    }
    labels = nullsAsEmpty(labels);
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }

  /** A vertical bar chart. */
  public BarChart(String id, String title, List<String> labels, List<? extends Number> values, String unit) {
    this(id, title, labels, values, unit, Orientation.VERTICAL);
  }

  /** The same chart with horizontal bars. */
  public BarChart horizontal() {
    return new BarChart(id, title, labels, values, unit, Orientation.HORIZONTAL);
  }

  static List<String> nullsAsEmpty(List<String> labels) {
    return labels.stream().map(label -> label == null ? "" : label).toList();
  }
}
