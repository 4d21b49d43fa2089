package dev.lakehouse.serve.web;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.collection.JavaConverters;

/**
 * A panel's figures: column names and rows of plain JSON values (numbers, strings, booleans, lists,
 * null). Timestamps become ISO-8601 UTC strings, dates {@code yyyy-MM-dd}, decimals numbers.
 */
record PanelData(List<String> columns, List<List<Object>> rows) {

  static PanelData of(List<String> columns, List<List<Object>> rows) {
    return new PanelData(List.copyOf(columns), List.copyOf(rows));
  }

  /**
   * Runs a SQL query, binding {@code :day} and {@code :now} where the text uses them; without a day
   * (an empty table) {@code :day} is NULL, which no row equals.
   */
  static PanelData sql(SparkSession spark, String text, Panel.Inputs in) {
    Map<String, Object> args = new HashMap<>();
    if (text.contains(":day")) {
      args.put("day", in.day() == null ? null : Date.valueOf(in.day()));
    }
    if (text.contains(":now")) {
      args.put("now", Timestamp.from(in.now()));
    }
    return of(spark.sql(text, args));
  }

  static PanelData of(Dataset<Row> frame) {
    List<String> columns = Arrays.asList(frame.columns());
    List<List<Object>> rows = new ArrayList<>();
    for (Row row : frame.collectAsList()) {
      List<Object> values = new ArrayList<>(row.size());
      for (int i = 0; i < row.size(); i++) {
        values.add(plain(row.get(i)));
      }
      rows.add(values);
    }
    return new PanelData(columns, rows);
  }

  /** A Spark value as a JSON-friendly Java value. */
  static Object plain(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant().toString();
    }
    if (value instanceof Instant i) {
      return i.toString();
    }
    if (value instanceof Date d) {
      return d.toLocalDate().toString();
    }
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    if (value instanceof BigDecimal d) {
      return d.doubleValue();
    }
    if (value instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? null : d;
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      List<Object> list = new ArrayList<>();
      JavaConverters.seqAsJavaList(seq).forEach(v -> list.add(plain(v)));
      return list;
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      JavaConverters.mapAsJavaMap(map).forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return out;
    }
    if (value instanceof Row struct) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < struct.size(); i++) {
        out.put(struct.schema() == null ? Integer.toString(i) : struct.schema().fields()[i].name(), plain(struct.get(i)));
      }
      return out;
    }
    return value;
  }
}
