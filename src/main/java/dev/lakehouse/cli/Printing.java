package dev.lakehouse.cli;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Aligned text tables for the terminal. */
final class Printing {
  private Printing() {}

  /** Prints up to {@code maxRows} rows as an aligned table and says when there were more. */
  static void table(Dataset<Row> rows, int maxRows) {
    String[] columns = rows.columns();
    List<Row> taken = rows.takeAsList(maxRows + 1);
    boolean more = taken.size() > maxRows;
    List<Row> shown = more ? taken.subList(0, maxRows) : taken;
    String[][] cells = new String[shown.size()][columns.length];
    int[] widths = new int[columns.length];
    for (int c = 0; c < columns.length; c++) {
      widths[c] = columns[c].length();
    }
    for (int r = 0; r < shown.size(); r++) {
      for (int c = 0; c < columns.length; c++) {
        Object value = shown.get(r).get(c);
        cells[r][c] = cell(value);
        widths[c] = Math.max(widths[c], cells[r][c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, columns, widths);
    separator(out, widths);
    for (String[] row : cells) {
      line(out, row, widths);
    }
    System.out.print(out);
    System.out.printf("(%s%d row%s)%n", more ? "first " : "", shown.size(), shown.size() == 1 ? "" : "s");
  }

  private static String cell(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof byte[] bytes) {
      return "<" + bytes.length + " bytes>";
    }
    String text = value.toString().replace('\n', ' ');
    return text.length() > 120 ? text.substring(0, 117) + "..." : text;
  }

  private static void line(StringBuilder out, String[] cells, int[] widths) {
    for (int c = 0; c < cells.length; c++) {
      out.append(c == 0 ? "" : " | ").append(String.format("%-" + Math.max(1, widths[c]) + "s", cells[c]));
    }
    out.append('\n');
  }

  private static void separator(StringBuilder out, int[] widths) {
    for (int c = 0; c < widths.length; c++) {
      out.append(c == 0 ? "" : "-+-").append("-".repeat(Math.max(1, widths[c])));
    }
    out.append('\n');
  }
}
