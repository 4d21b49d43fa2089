package dev.lakehouse.finance.market;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.finance.stress.DateRange;
import dev.lakehouse.finance.stress.PositionValue;
import dev.lakehouse.finance.stress.PriceHistory;
import dev.lakehouse.finance.stress.Scenario;
import dev.lakehouse.finance.stress.ScenarioLibrary;
import dev.lakehouse.finance.stress.StressResult;
import dev.lakehouse.finance.stress.StressTest;
import dev.lakehouse.finance.stress.Window;
import dev.lakehouse.quality.GatedWrite;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Stress tests of a date: the scenarios of the library (finance/stress-scenarios.yaml) applied to
 * each portfolio's positions and prices of the date, into gold.finance_stress_results. Named
 * historical windows (e.g. {@code crash}) come from silver.finance_market_windows; a scenario
 * whose window is not there is skipped and reported.
 */
public final class StressJob {
  public static final String TABLE = "gold.finance_stress_results";

  private static final StructType SCHEMA = new StructType()
      .add("stress_date", DataTypes.DateType, false)
      .add("portfolio_id", DataTypes.StringType, false)
      .add("scenario", DataTypes.StringType, false)
      .add("scenario_kind", DataTypes.StringType, false)
      .add("pnl", DataTypes.DoubleType, false)
      .add("pnl_pct", DataTypes.DoubleType, false)
      .add("portfolio_value", DataTypes.DoubleType, false)
      .add("worst_instrument", DataTypes.StringType)
      .add("worst_instrument_pnl", DataTypes.DoubleType)
      .add("window_start", DataTypes.DateType)
      .add("window_end", DataTypes.DateType)
      .add("detail", DataTypes.StringType)
      .add("computed_at", DataTypes.TimestampType, false);

  /** What a run did: results written, and scenarios skipped with the reason. */
  public record Outcome(List<StressResult> results, Map<String, String> skipped) {}

  private final TableCatalog catalog;
  private final ScenarioLibrary library;

  public StressJob(TableCatalog catalog) {
    this(catalog, ScenarioLibrary.defaults());
  }

  public StressJob(TableCatalog catalog, ScenarioLibrary library) {
    this.catalog = catalog;
    this.library = library;
  }

  /** Runs the named scenarios (all when empty) for the date; the date's rows for those scenarios are replaced. */
  public Outcome run(SparkSession spark, LocalDate date, List<String> scenarioNames) {
    List<Scenario> chosen = scenarioNames.isEmpty() ? library.scenarios()
        : scenarioNames.stream().map(library::get).toList();
    MarketSnapshot market = MarketSnapshot.load(spark, date);
    Map<String, DateRange> windows = new LinkedHashMap<>();
    spark.table("silver.finance_market_windows").select("window_name", "from_date", "to_date").collectAsList().forEach(r -> windows.put(r.getString(0),
        new DateRange(r.getDate(1).toLocalDate(), r.getDate(2).toLocalDate())));
    StressTest stress = StressTest.defaults().withNamedWindows(windows);
    List<PositionValue> positions = positions(market);
    PriceHistory history = history(market, positions);
    List<StressResult> results = new ArrayList<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    for (Scenario scenario : chosen) {
      if (scenario instanceof Scenario.HistoricalWindow h && h.window() instanceof Window.Named named
          && !windows.containsKey(named.name())) {
        skipped.put(scenario.name(), "no window named '" + named.name() + "' in silver.finance_market_windows");
        continue;
      }
      results.addAll(stress.runAll(List.of(scenario), positions, history));
    }
    write(spark, date, results, chosen.stream().map(Scenario::name).toList());
    return new Outcome(results, skipped);
  }

  private static List<PositionValue> positions(MarketSnapshot market) {
    List<PositionValue> positions = new ArrayList<>();
    for (String portfolio : market.portfolios()) {
      market.positions(portfolio).forEach((instrument, quantity) -> {
        MarketSnapshot.InstrumentInfo info = market.info(instrument);
        positions.add(new PositionValue(portfolio, instrument, quantity, market.value(market.last(), instrument),
            info.currency(), info.assetClass(), info.sector(), info.fxCurrency()));
      });
    }
    return positions;
  }

  // the instruments held: others may lack closes on some days
  private static PriceHistory history(MarketSnapshot market, List<PositionValue> positions) {
    Map<String, double[]> closes = new LinkedHashMap<>();
    for (String instrument : positions.stream().map(PositionValue::instrumentId).distinct().sorted().toList()) {
      double[] series = new double[market.dates().size()];
      for (int t = 0; t < series.length; t++) {
        series[t] = market.value(t, instrument);
      }
      closes.put(instrument, series);
    }
    return PriceHistory.of(market.dates(), closes);
  }

  private void write(SparkSession spark, LocalDate date, List<StressResult> results, List<String> scenarios) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>();
    for (StressResult r : results) {
      rows.add(RowFactory.create(Date.valueOf(date), r.portfolioId(), r.scenarioName(), r.kind().label(), r.pnl(), r.pnlPct(),
          r.portfolioValue(), r.worstInstrument().map(StressResult.InstrumentPnl::instrumentId).orElse(null),
          r.worstInstrument().map(StressResult.InstrumentPnl::pnl).orElse(null),
          r.window().map(w -> Date.valueOf(w.from())).orElse(null), r.window().map(w -> Date.valueOf(w.to())).orElse(null),
          r.detail(), now));
    }
    new GatedWrite(catalog).replace(spark, TABLE, spark.createDataFrame(rows, SCHEMA),
        GatedWrite.onDate("stress_date", date).and(org.apache.spark.sql.functions.col("scenario").isin(scenarios.toArray())), date);
  }
}
