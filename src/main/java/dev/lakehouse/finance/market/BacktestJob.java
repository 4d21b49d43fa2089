package dev.lakehouse.finance.market;

import dev.lakehouse.alerts.Alert;
import dev.lakehouse.alerts.AlertStore;
import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.finance.risk.Backtest;
import dev.lakehouse.finance.risk.BaselZone;
import dev.lakehouse.finance.risk.HistoricalVar;
import dev.lakehouse.ops.DeltaRetries;
import dev.lakehouse.quality.GatedWrite;
import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The VaR backtest of a date: for each of the last {@code risk.backtest-days} trading days d up to
 * the date, the 1-day 99% historical VaR (history up to d) of the portfolio's positions as of the
 * backtest date, valued at d's prices, against the P&L those positions made on the next trading
 * day. (Positions are held constant over the window; the generated portfolios do not trade.) The
 * Basel zone is given only for a 250-day window, where it is defined. Exceptions, Kupiec, Christoffersen and the Basel zone go
 * to gold.finance_backtest; the day-by-day series to gold.finance_backtest_days. A red zone raises
 * {@code finance.var_backtest_red}.
 */
public final class BacktestJob {
  public static final String SUMMARY = "gold.finance_backtest";
  public static final String DAYS = "gold.finance_backtest_days";
  public static final String RED_RULE = "finance.var_backtest_red";
  public static final double CONFIDENCE = 0.99;
  public static final int BASEL_DAYS = 250;

  private static final StructType DAY_SCHEMA = new StructType()
      .add("forecast_date", DataTypes.DateType, false)
      .add("pnl_date", DataTypes.DateType, false)
      .add("portfolio_id", DataTypes.StringType, false)
      .add("value_at_risk", DataTypes.DoubleType, false)
      .add("realised_pnl", DataTypes.DoubleType, false)
      .add("is_exception", DataTypes.BooleanType, false)
      .add("computed_at", DataTypes.TimestampType, false);
  private static final StructType SUMMARY_SCHEMA = new StructType()
      .add("backtest_date", DataTypes.DateType, false)
      .add("portfolio_id", DataTypes.StringType, false)
      .add("days", DataTypes.IntegerType, false)
      .add("exceptions", DataTypes.IntegerType, false)
      .add("expected_exceptions", DataTypes.DoubleType, false)
      .add("kupiec_lr", DataTypes.DoubleType, false)
      .add("kupiec_p_value", DataTypes.DoubleType, false)
      .add("christoffersen_lr", DataTypes.DoubleType, false)
      .add("christoffersen_p_value", DataTypes.DoubleType, false)
      .add("zone", DataTypes.StringType, false)
      .add("computed_at", DataTypes.TimestampType, false);

  /** One portfolio's backtest. */
  public record Outcome(String portfolio, int days, int exceptions, Backtest backtest, BaselZone zone) {}

  private final LakehouseConfig.Risk settings;
  private final TableCatalog catalog;

  public BacktestJob(LakehouseConfig config, TableCatalog catalog) {
    this.settings = config.risk();
    this.catalog = catalog;
  }

  public List<Outcome> run(SparkSession spark, LocalDate date) {
    MarketSnapshot market = MarketSnapshot.load(spark, date);
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> days = new ArrayList<>();
    List<Row> summaries = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    List<Alert> alerts = new ArrayList<>();
    int last = market.last();
    for (String portfolio : market.portfolios()) {
      // forecast days d = last - n .. last - 1, each compared with day d + 1; each needs 20 days of history
      int n = Math.min(settings.backtestDays(), last - 20);
      if (n < 1) {
        throw new IllegalStateException(String.format("Cannot backtest %s on %s: %d trading days of prices, at least 22 needed "
            + "(20 of history for the first forecast, then one forecast and its next day)", portfolio, date, last + 1));
      }
      double[] var = new double[n];
      double[] pnl = new double[n];
      for (int k = 0; k < n; k++) {
        int d = last - n + k;
        double[] w = market.exposures(portfolio, d);
        var[k] = HistoricalVar.valueAtRisk(MarketSnapshot.pnl(w, market.returns(portfolio, d, settings.lookbackDays())), CONFIDENCE);
        pnl[k] = MarketSnapshot.pnl(w, market.returns(portfolio, d + 1, 1))[0];
        days.add(RowFactory.create(Date.valueOf(market.dates().get(d)), Date.valueOf(market.dates().get(d + 1)), portfolio,
            var[k], pnl[k], -pnl[k] > var[k], now));
      }
      Backtest backtest = Backtest.of(var, pnl, CONFIDENCE);
      // the traffic light is defined for 250 days at 99%; a shorter window gets no zone
      BaselZone zone = n == BASEL_DAYS ? backtest.baselZone() : null;
      outcomes.add(new Outcome(portfolio, n, backtest.exceptionCount(), backtest, zone));
      summaries.add(RowFactory.create(Date.valueOf(date), portfolio, n, backtest.exceptionCount(), n * (1 - CONFIDENCE),
          backtest.kupiec().statistic(), backtest.kupiec().pValue(), backtest.independence().statistic(),
          backtest.independence().pValue(), zone == null ? "n/a" : zone.name().toLowerCase(Locale.ROOT), now));
      if (zone == BaselZone.RED) {
        Instant from = market.dates().get(last - n).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        alerts.add(new Alert("finance", RED_RULE, "critical", portfolio, String.format(
            "%s: %d exceptions of the 1-day 99%% VaR in the last %d days (Basel red zone, 10 or more); Kupiec p = %.4f",
            portfolio, backtest.exceptionCount(), n, backtest.kupiec().pValue()), (double) backtest.exceptionCount(),
            "0-4 (green)", from, to, Instant.now()));
      }
    }
    DeltaRetries.onConflict(() -> DeltaTable.forPath(spark, catalog.location(DAYS)).as("t")
        .merge(spark.createDataFrame(days, DAY_SCHEMA).as("n"),
            "t.forecast_date = n.forecast_date AND t.portfolio_id = n.portfolio_id")
        .whenMatched().updateAll()
        .whenNotMatched().insertAll()
        .execute());
    new GatedWrite(catalog).replace(spark, SUMMARY, spark.createDataFrame(summaries, SUMMARY_SCHEMA),
        GatedWrite.onDate("backtest_date", date), date);
    new AlertStore(catalog).raise(spark, alerts);
    return outcomes;
  }
}
