package dev.lakehouse.report;

import java.util.List;
import java.util.Objects;

/**
 * Lines over a shared x axis, e.g. 1-day VaR against realised P&amp;L, with chosen points marked (the days the
 * loss exceeded VaR). The value axis always includes zero.
 *
 * <p>The chart is an {@code <svg data-chart="<id>">}, each series a {@code <path data-series="<name>">} (gaps
 * where values are missing; a point with no neighbour is a dot), each marker a {@code <circle
 * data-marker-index="<i>">} on the <em>last</em> series at x label {@code i}, with a dashed guide across the
 * chart. Put the series whose points the markers are about last.
 *
 * @param id the chart's {@code data-chart}, unique in the report: letters, digits, {@code -} and {@code _}
 * @param title the caption above the chart
 * @param xLabels one per point, in order; null shows as empty
 * @param series each with one value per x label; legend and colours in this order
 * @param markers indexes into {@code xLabels} to mark
 */
public record LineChart(String id, String title, List<String> xLabels, List<Series> series, List<Integer> markers)
    implements Block {

  public LineChart {
    Ids.checked(id, "chart");
    Objects.requireNonNull(title, "title");
    xLabels = BarChart.nullsAsEmpty(xLabels);
    series = List.copyOf(series);
    markers = List.copyOf(markers);
    for (Series line : series) {
      if (line.values().size() != xLabels.size()) {
        throw new IllegalArgumentException(String.format(
            "Invalid line chart %s: series '%s' has %d values but there are %d x labels (give one per label)",
            id, line.name(), line.values().size(), xLabels.size()));
      }
    }
    for (int marker : markers) {
      if (marker < 0 || marker >= xLabels.size()) {
        throw new IllegalArgumentException(String.format(
            "Invalid marker index %d in line chart %s: it has %d points (indexes 0 to %d)", marker, id,
            xLabels.size(), xLabels.size() - 1));
      }
    }
  }

  /** A line chart without markers. */
  public LineChart(String id, String title, List<String> xLabels, List<Series> series) {
    this(id, title, xLabels, series, List.of());
  }
}
