package dev.lakehouse.finance.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.InProcessCli;
import dev.lakehouse.testing.TestLakehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * VaR, stress and the backtest on market data a user loaded from CSV files with {@code load} (no
 * generator): a USD stock, a EUR stock converted with loaded FX rates, and a euro cash position held
 * through an fx instrument called EUR-CASH, whose currency comes from its fx_currency, not its name.
 */
class LoadedMarketRiskTest {
  private static final int DAYS = 50;
  private static Lakehouse lakehouse;
  private static List<LocalDate> dates;

  @BeforeAll
  static void loadTheFiles() throws IOException {
    lakehouse = TestLakehouse.fresh("risk.lookback-days=20", "risk.backtest-days=20", "risk.monte-carlo-trials=2000");
    dates = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2025, 1, 1); dates.size() < DAYS; d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        dates.add(d);
      }
    }
    StringBuilder prices = new StringBuilder("price_date,instrument_id,close\n");
    StringBuilder rates = new StringBuilder("date,usd_per_eur\n");
    double aaa = 100;
    for (int t = 0; t < DAYS; t++) {
      aaa *= t == 0 ? 1 : 1 + (t % 7 == 0 ? -0.04 : t % 2 == 0 ? 0.01 : -0.008);
      prices.append(String.format(Locale.ROOT, "%s,AAA,%s%n%s,BBB,50%n%s,EUR-CASH,%s%n", dates.get(t), aaa, dates.get(t),
          dates.get(t), eurUsd(t)));
      rates.append(String.format(Locale.ROOT, "%s,%s%n", dates.get(t), eurUsd(t)));
    }
    load("silver.finance_instruments", write("instruments.csv", """
        instrument_id,name,asset_class,sector,currency,fx_currency
        AAA,AAA Corp,equity,technology,USD,
        BBB,"BBB AG, Frankfurt",equity,industrials,EUR,
        EUR-CASH,Euro cash account,fx,currency,USD,EUR
        """));
    load("silver.finance_prices", write("prices.csv", prices.toString()));
    load("silver.finance_fx_rates", write("eur.csv", rates.toString()), "--map", "date=rate_date", "--map", "usd_per_eur=rate",
        "--set", "currency=EUR");
    load("silver.finance_positions", write("positions.csv", """
        portfolio_id,instrument_id,quantity
        global,AAA,1000
        global,BBB,200
        global,EUR-CASH,100000
        dollars,AAA,500
        """), "--as-of", dates.get(0).toString());
  }

  private static double eurUsd(int t) {
    return 1.10 * (1 + 0.004 * Math.sin(t));
  }

  private static Path write(String name, String text) {
    try {
      Path file = Path.of(lakehouse.config().path("files/" + name));
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String run(String... args) {
    ChildJvm.Result result = InProcessCli.execute(lakehouse.config(), args);
    assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.output()).isZero();
    return result.output();
  }

  private static void load(String table, Path file, String... more) {
    List<String> args = new ArrayList<>(List.of("load", table, file.toString()));
    args.addAll(List.of(more));
    assertThat(run(args.toArray(String[]::new))).contains("0 held");
  }

  private static double pnl(String portfolio, String scenario) {
    return lakehouse.spark().sql(String.format("SELECT pnl FROM gold.finance_stress_results WHERE portfolio_id = '%s' "
        + "AND scenario = '%s'", portfolio, scenario)).head().getDouble(0);
  }

  @Test
  void currencyScenariosMoveTheFxPositionWhateverItIsCalled() {
    LocalDate last = dates.get(DAYS - 1);
    String output = run("risk", "stress", "--date", last.toString(), "--scenario", "eur_down_15,usd_up_10,equity_minus_20");

    double rate = eurUsd(DAYS - 1);
    double euros = 200 * 50 * rate + 100_000 * rate;   // BBB and the euro cash, in USD
    assertThat(pnl("global", "eur_down_15")).isCloseTo(-0.15 * euros, within(1e-6));
    assertThat(pnl("global", "usd_up_10")).isCloseTo(-0.10 * euros, within(1e-6));
    assertThat(pnl("global", "equity_minus_20")).isLessThan(0);
    // a scenario that cannot apply says why
    assertThat(pnl("dollars", "eur_down_15")).isZero();
    assertThat(output).contains("note eur_down_15 on dollars: currency EUR -15% vs USD (0 positions: no position is "
        + "exposed to EUR (every position is worth a fixed amount of USD))");
  }

  @Test
  void varAndTheBacktestRunOnTheLoadedHistory() {
    LocalDate last = dates.get(DAYS - 1);
    run("risk", "var", "--date", last.toString());
    String backtest = run("risk", "backtest", "--date", last.toString());

    double value = lakehouse.spark().sql("SELECT portfolio_value FROM gold.finance_risk_daily WHERE portfolio_id = 'global' "
        + "AND method = 'historical' AND confidence = 0.99 AND horizon_days = 1").head().getDouble(0);
    double aaa = lakehouse.spark().sql("SELECT close FROM silver.finance_prices WHERE instrument_id = 'AAA' AND price_date = "
        + "DATE'" + last + "'").head().getDouble(0);
    assertThat(value).isCloseTo(1000 * aaa + 200 * 50 * eurUsd(DAYS - 1) + 100_000 * eurUsd(DAYS - 1), within(1e-6));
    List<Row> var = lakehouse.spark().sql("SELECT method, value_at_risk FROM gold.finance_risk_daily WHERE portfolio_id = "
        + "'global' AND confidence = 0.99 AND horizon_days = 1 ORDER BY 1").collectAsList();
    assertThat(var).extracting(r -> r.getString(0))
        .containsExactly("historical", "monte_carlo_normal", "monte_carlo_t", "parametric", "parametric_ewma");
    assertThat(var).allSatisfy(r -> assertThat(r.getDouble(1)).isPositive());
    assertThat(backtest).contains("global", "dollars");
    assertThat(lakehouse.spark().sql("SELECT count(*) FROM gold.finance_backtest_days WHERE portfolio_id = 'global'")
        .head().getLong(0)).isEqualTo(20);
  }
}
