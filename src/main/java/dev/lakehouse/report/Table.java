package dev.lakehouse.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Rows under column headings. A {@link Number} cell is shown with thousands separators, right-aligned, and keeps
 * the exact number in {@code data-value}; any other cell shows its {@code toString()}, null shows empty. A table
 * without rows says "No rows".
 *
 * @param id the table's {@code data-table}, unique in the report: letters, digits, {@code -} and {@code _}
 * @param title the caption above the table
 * @param columns the headings
 * @param rows each with one cell per column
 */
public record Table(String id, String title, List<String> columns, List<? extends List<?>> rows) implements Block {
  public Table {
    Ids.checked(id, "table");
    Objects.requireNonNull(title, "title");
    columns = BarChart.nullsAsEmpty(columns);
    List<List<Object>> copied = new ArrayList<>(rows.size());
    for (List<?> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(String.format(
            "Invalid table %s: row %d has %d cells but there are %d columns", id, copied.size(), row.size(),
            columns.size()));
      }
      copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copied);
  }
}
