package dev.lakehouse.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One line of a {@link LineChart}: a value per x label. A null, NaN or infinite value is a gap in the line.
 *
 * @param name shown in the legend and as the line's {@code data-series}
 * @param values one per x label of the chart
 */
public record Series(String name, List<? extends Number> values) {
  public Series {
    Objects.requireNonNull(name, "name");
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }
}
