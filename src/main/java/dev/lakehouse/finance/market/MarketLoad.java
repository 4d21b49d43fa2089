package dev.lakehouse.finance.market;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.generate.Instrument;
import dev.lakehouse.generate.MarketHistory;
import dev.lakehouse.generate.Portfolios;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Loads a generated market history into silver: the instrument universe, the daily closes of a
 * date range (the range replaced), the portfolios' positions (as of the first day) and the crash
 * window. Stands in for a market-data vendor's end-of-day files.
 */
public final class MarketLoad {
  private final TableCatalog catalog;

  public MarketLoad(TableCatalog catalog) {
    this.catalog = catalog;
  }

  /** What was loaded. */
  public record Loaded(int instruments, int tradingDays, long prices, int positions, MarketHistory.Window crash) {}

  public Loaded load(SparkSession spark, long seed, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    MarketHistory history = MarketHistory.of(seed, from, to);
    if (history.tradingDays().isEmpty()) {
      throw new IllegalArgumentException("no trading day (Monday to Friday) between " + from + " and " + to);
    }
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> instruments = new ArrayList<>();
    for (Instrument i : history.instruments()) {
      instruments.add(RowFactory.create(i.id(), i.name(), i.assetClass().label(), i.sector().label(), i.currency(), now));
    }
    write(spark, "silver.finance_instruments", instruments, null);
    List<Row> prices = new ArrayList<>();
    history.forEach(c -> prices.add(RowFactory.create(Date.valueOf(c.day()), c.instrumentId(), c.close(), c.currency(),
        history.source(), now)));
    write(spark, "silver.finance_prices", prices, "price_date BETWEEN DATE'" + from + "' AND DATE'" + to + "'");
    LocalDate first = history.tradingDays().get(0);
    List<Row> positions = new ArrayList<>();
    for (Portfolios.Position p : Portfolios.positions(first)) {
      positions.add(RowFactory.create(Date.valueOf(first), p.portfolioId(), p.instrumentId(), p.quantity(), now));
    }
    write(spark, "silver.finance_positions", positions, "as_of_date = DATE'" + first + "'");
    MarketHistory.Window crash = history.crashWindow().orElse(null);
    if (crash != null) {
      write(spark, "silver.finance_market_windows", List.of(RowFactory.create("crash", Date.valueOf(crash.first()),
          Date.valueOf(crash.last()), "generated equity crash, peak to trough (" + history.source() + ")", now)),
          "window_name = 'crash'");
    }
    return new Loaded(instruments.size(), history.tradingDays().size(), prices.size(), positions.size(), crash);
  }

  // replaces the rows the condition selects (all rows when null) with the new ones
  private void write(SparkSession spark, String table, List<Row> rows, String replaceWhere) {
    var writer = spark.createDataFrame(rows, spark.table(table).schema()).write().format("delta").mode("overwrite");
    if (replaceWhere != null) {
      writer = writer.option("replaceWhere", replaceWhere);
    }
    writer.save(catalog.location(table));
  }
}
