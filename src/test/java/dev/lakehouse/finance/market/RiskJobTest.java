package dev.lakehouse.finance.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.testing.TestLakehouse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * VaR, ES and the backtest on hand-made market data: one USD stock (AAA) and one EUR stock (BBB)
 * with EURUSD, whose returns are chosen so the expected figures can be computed by hand.
 */
class RiskJobTest {
  // 271 trading days: AAA moves +0.1% on even days and about -0.1% on odd days, the losses shrinking
  // a little over time (so the next day's loss is never exactly the worst of the 20 before it),
  // except -10% on every 22nd day from day 30
  private static final int DAYS = 271;
  private static Lakehouse lakehouse;
  private static List<LocalDate> dates;

  @BeforeAll
  static void market() {
    lakehouse = TestLakehouse.fresh("risk.lookback-days=20", "risk.backtest-days=250", "risk.monte-carlo-trials=50000");
    dates = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2025, 1, 1); dates.size() < DAYS; d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        dates.add(d);
      }
    }
    Timestamp now = new Timestamp(System.currentTimeMillis());
    List<Row> instruments = List.of(
        RowFactory.create("AAA", "AAA Corp", "equity", "technology", "USD", null, now),
        RowFactory.create("BBB", "BBB AG", "equity", "industrials", "EUR", null, now),
        RowFactory.create("EURUSD", "Euro", "fx", "currency", "USD", "EUR", now));
    List<Row> prices = new ArrayList<>();
    double aaa = 100;
    for (int t = 0; t < DAYS; t++) {
      if (t > 0) {
        aaa *= 1 + aaaReturn(t);
      }
      prices.add(RowFactory.create(Date.valueOf(dates.get(t)), "AAA", aaa, "USD", "test", now));
      prices.add(RowFactory.create(Date.valueOf(dates.get(t)), "BBB", 50.0, "EUR", "test", now));
      prices.add(RowFactory.create(Date.valueOf(dates.get(t)), "EURUSD", 1.10, "USD", "test", now));
    }
    List<Row> positions = List.of(
        RowFactory.create(Date.valueOf(dates.get(0)), "stock", "AAA", 1000.0, now),
        RowFactory.create(Date.valueOf(dates.get(0)), "euro", "BBB", 200.0, now));
    write("silver.finance_instruments", instruments);
    write("silver.finance_prices", prices);
    write("silver.finance_positions", positions);
  }

  static double aaaReturn(int t) {
    return t >= 30 && (t - 30) % 22 == 0 ? -0.10 : (t % 2 == 0 ? 0.001 : -0.001 * (1 - t / 10_000.0));
  }

  private static void write(String table, List<Row> rows) {
    lakehouse.spark().createDataFrame(rows, lakehouse.spark().table(table).schema()).write().format("delta").mode("append")
        .save(lakehouse.catalog().location(table));
  }

  private static double risk(String portfolio, String method, double confidence, int horizon, String column) {
    return lakehouse.spark().sql(String.format("SELECT %s FROM gold.finance_risk_daily WHERE portfolio_id = '%s' AND method = '%s' "
        + "AND confidence = %s AND horizon_days = %d", column, portfolio, method, confidence, horizon)).head().getDouble(0);
  }

  @Test
  void historicalAndParametricVarMatchTheHandComputation() {
    LocalDate date = dates.get(DAYS - 1);
    new RiskJob(lakehouse.config(), lakehouse.catalog()).run(lakehouse.spark(), date);

    // the last 20 returns (days 251..270) hold no drop: drops fall on days 30, 52, ..., 250, 272;
    // the worst is day 251's -0.1% x (1 - 0.0251), applied to the day-270 position value
    double value = 1000 * price(DAYS - 1);
    assertThat(risk("stock", "historical", 0.99, 1, "value_at_risk")).isCloseTo(value * 0.001 * (1 - 0.0251), within(1e-9 * value));
    assertThat(risk("stock", "historical", 0.99, 10, "value_at_risk"))
        .isCloseTo(risk("stock", "historical", 0.99, 1, "value_at_risk") * Math.sqrt(10), within(1e-9 * value));
    // parametric: z(99%) x sample sd of those 20 returns x value (zero mean assumed)
    double mean = 0;
    for (int t = 251; t <= 270; t++) {
      mean += aaaReturn(t) / 20;
    }
    double squares = 0;
    for (int t = 251; t <= 270; t++) {
      squares += (aaaReturn(t) - mean) * (aaaReturn(t) - mean);
    }
    double sd = Math.sqrt(squares / 19);
    assertThat(risk("stock", "parametric", 0.99, 1, "value_at_risk")).isCloseTo(2.3263478740 * sd * value, within(1e-6 * value));
    // a EUR position is valued at EURUSD: 200 x 50 x 1.10 = 11,000, with no moves and so no risk
    assertThat(risk("euro", "historical", 0.99, 1, "portfolio_value")).isCloseTo(11_000.0, within(1e-6));
    assertThat(risk("euro", "historical", 0.99, 1, "value_at_risk")).isZero();
    // Monte Carlo (normal) converges to the parametric figure
    assertThat(risk("stock", "monte_carlo_normal", 0.99, 1, "value_at_risk"))
        .isCloseTo(risk("stock", "parametric", 0.99, 1, "value_at_risk"), within(0.05 * risk("stock", "parametric", 0.99, 1, "value_at_risk")));
    assertThat(lakehouse.spark().sql("SELECT count(*) FROM gold.finance_risk_daily").head().getLong(0))
        .isEqualTo(2 * 5 * 3 * 2);
  }

  @Test
  void theBacktestCountsOneExceptionPerIsolatedDropAndRaisesRed() {
    LocalDate date = dates.get(DAYS - 1);
    List<BacktestJob.Outcome> outcomes = new BacktestJob(lakehouse.config(), lakehouse.catalog()).run(lakehouse.spark(), date);

    // forecasts on days 20..269, P&L on days 21..270: drops on days 30, 52, ..., 250 (11 of them), each
    // with no other drop in the 20 days before, so each exceeds the VaR: 11 exceptions, red
    BacktestJob.Outcome stock = outcomes.stream().filter(o -> o.portfolio().equals("stock")).findFirst().orElseThrow();
    assertThat(stock.days()).isEqualTo(250);
    assertThat(stock.exceptions()).isEqualTo(11);
    assertThat(stock.zone().name()).isEqualTo("RED");
    assertThat(lakehouse.spark().sql("SELECT count_if(is_exception), count(*) FROM gold.finance_backtest_days "
        + "WHERE portfolio_id = 'stock'").head().toString()).isEqualTo("[11,250]");
    assertThat(lakehouse.spark().sql("SELECT zone FROM gold.finance_backtest WHERE portfolio_id = 'euro'").head().getString(0))
        .isEqualTo("green");
    assertThat(lakehouse.spark().sql("SELECT subject, severity FROM ops.alerts WHERE rule = 'finance.var_backtest_red'")
        .collectAsList()).extracting(Row::toString).containsExactly("[stock,critical]");
  }

  @Test
  void stressScenariosApplyToTheDatesPositionsAndAMissingWindowIsSkipped() {
    LocalDate date = dates.get(DAYS - 1);
    StressJob.Outcome outcome = new StressJob(lakehouse.catalog()).run(lakehouse.spark(), date,
        List.of("equity_minus_20", "eur_down_15", "historical_crash"));

    double stock = 1000 * price(DAYS - 1);
    // equity -20%: every position here is an equity; EUR -15% hits only the EUR stock (11,000 USD)
    assertThat(lakehouse.spark().sql("SELECT portfolio_id, scenario, round(pnl, 6) FROM gold.finance_stress_results "
            + "ORDER BY 1, 2").collectAsList()).extracting(Row::toString).containsExactly(
        "[euro,equity_minus_20,-2200.0]",
        "[euro,eur_down_15,-1650.0]",
        "[stock,equity_minus_20," + Math.round(-0.2 * stock * 1e6) / 1e6 + "]",
        "[stock,eur_down_15,0.0]");
    assertThat(outcome.skipped()).containsOnlyKeys("historical_crash");
  }

  private static double price(int t) {
    double p = 100;
    for (int i = 1; i <= t; i++) {
      p *= 1 + aaaReturn(i);
    }
    return p;
  }
}
