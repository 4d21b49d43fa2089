package dev.lakehouse.serve.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * One panel of a page: the tables it reads (it is recomputed when one of them gets a commit), the query
 * that gives its columns and rows, and how the page draws them ({@link #kind} and {@link #view}).
 *
 * @param day where the panel's day comes from: the latest date in that column; the query gets it as
 *     {@code :day}. Empty for panels that are not about one day.
 * @param refreshEvery recompute this often even without a commit, for panels whose figures depend on
 *     the clock (a stalled stream, an expired blacklist entry).
 */
record Panel(String id, Page page, String title, Kind kind, List<String> tables, Optional<DayOf> day,
    Optional<Duration> refreshEvery, Map<String, Object> view, Query query) {

  /** How the page draws a panel's rows. */
  enum Kind {
    /** One row; each column a tile. */
    KPIS,
    /** Rows as a table. */
    TABLE,
    /** A time axis (view.x) and series (view.y), or one series per value of view.series. */
    TIMESERIES,
    /** Horizontal bars: a category (view.x) and values (view.y), or one bar per value of view.series. */
    BARS,
    /** Steps (first column) and their counts (second column). */
    FUNNEL;

    String json() {
      return name().toLowerCase();
    }
  }

  /** The panel is about the latest date in {@code column} of {@code table}. */
  record DayOf(String table, String column) {}

  /** What a query is given: the panel's day (null when its table is empty, or none) and the time now. */
  record Inputs(LocalDate day, Instant now) {}

  /** Computes a panel's columns and rows. */
  @FunctionalInterface
  interface Query {
    PanelData run(SparkSession spark, Inputs inputs);
  }

  static Builder on(Page page, String id, String title, Kind kind) {
    return new Builder(page, id, title, kind);
  }

  /** A panel, step by step: tables, day, view hints, then the query. */
  static final class Builder {
    private final Page page;
    private final String id;
    private final String title;
    private final Kind kind;
    private List<String> tables = List.of();
    private Optional<DayOf> day = Optional.empty();
    private Optional<Duration> refreshEvery = Optional.empty();
    private final Map<String, Object> view = new LinkedHashMap<>();

    private Builder(Page page, String id, String title, Kind kind) {
      this.page = page;
      this.id = id;
      this.title = title;
      this.kind = kind;
    }

    Builder reads(String... tableNames) {
      this.tables = List.of(tableNames);
      return this;
    }

    Builder dayOf(String table, String column) {
      this.day = Optional.of(new DayOf(table, column));
      return this;
    }

    Builder refreshEvery(Duration every) {
      this.refreshEvery = Optional.of(every);
      return this;
    }

    /** A drawing hint for the page (see docs/dashboard.md for the keys). */
    Builder view(String key, Object value) {
      view.put(key, value);
      return this;
    }

    Panel query(Query query) {
      day.filter(d -> !tables.contains(d.table())).ifPresent(d -> {
        throw new IllegalArgumentException("Invalid panel " + id + ": its day comes from " + d.table()
            + ", which is not among the tables it reads " + tables);
      });
      return new Panel(id, page, title, kind, tables, day, refreshEvery, Map.copyOf(view), query);
    }

    /** A Spark SQL query; it may use the parameters {@code :day} and {@code :now}. */
    Panel sql(String text) {
      return query((spark, in) -> PanelData.sql(spark, text, in));
    }
  }
}
