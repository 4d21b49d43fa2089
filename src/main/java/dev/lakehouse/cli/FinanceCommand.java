package dev.lakehouse.cli;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.finance.market.MarketLoad;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "finance", mixinStandardHelpOptions = true,
    description = "Finance data: the market history and portfolios the risk jobs read.",
    subcommands = {FinanceCommand.Market.class, FinanceCommand.ScorePayments.class, FinanceCommand.Compliance.class})
final class FinanceCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "market", mixinStandardHelpOptions = true,
      description = {"Load a generated end-of-day market history (21 instruments: equities, bonds, FX; correlated,",
          "fat-tailed, volatility clustering, one crash episode) and 3 portfolios into silver.finance_instruments,",
          "finance_prices, finance_positions and finance_market_windows. Loading a range again replaces it."})
  static final class Market implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (default: three years before --to).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (default: yesterday, UTC).")
    LocalDate to;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: generate.seed).")
    Long seed;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-finance-market");
      LocalDate last = to != null ? to : LocalDate.now(ZoneOffset.UTC).minusDays(1);
      LocalDate first = from != null ? from : last.minusYears(3);
      MarketLoad.Loaded loaded = new MarketLoad(lakehouse.catalog()).load(lakehouse.spark(),
          seed != null ? seed : lakehouse.config().generate().seed(), first, last);
      System.out.printf("Loaded %d instruments x %d trading days (%,d closes) from %s to %s, %d positions%s%n",
          loaded.instruments(), loaded.tradingDays(), loaded.prices(), first, last, loaded.positions(),
          loaded.crash() == null ? "" : "; crash window " + loaded.crash().first() + " to " + loaded.crash().last());
      return 0;
    }
  }

  @Command(name = "score", mixinStandardHelpOptions = true,
      description = {"Score payments for fraud as they arrive in silver.finance_payments: rules with reason codes over",
          "per-card state, into gold.finance_payment_scores; high scores to gold.finance_fraud_alerts and ops.alerts.",
          "Runs until Ctrl-C, or with --available-now scores what silver holds and exits."})
  static final class ScorePayments implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--available-now", description = "Score what silver holds now, then exit.")
    boolean availableNow;

    @Override
    public Integer call() throws java.util.concurrent.TimeoutException {
      run(Lakehouse.open(options.config(), "lakehouse-finance-score"), availableNow);
      return 0;
    }

    static void run(Lakehouse lakehouse, boolean availableNow) throws java.util.concurrent.TimeoutException {
      org.apache.spark.sql.streaming.Trigger trigger = availableNow
          ? org.apache.spark.sql.streaming.Trigger.AvailableNow()
          : org.apache.spark.sql.streaming.Trigger.ProcessingTime(lakehouse.config().fraud().triggerInterval().toMillis());
      var query = new dev.lakehouse.finance.scoring.FraudScoring(lakehouse.config(), lakehouse.catalog())
          .start(lakehouse.spark(), trigger);
      if (!availableNow) {
        dev.lakehouse.spark.StreamingQueries.stopOnShutdown(java.util.List.of(query), System.out);
      }
      dev.lakehouse.spark.StreamingQueries.awaitAll(java.util.List.of(query), System.out, java.time.Duration.ofSeconds(10));
    }
  }

  @Command(name = "compliance", mixinStandardHelpOptions = true,
      description = {"Compliance checks of a date: payments at or above the reporting threshold (10,000), structuring",
          "(3 or more payments of 80-100% of it within 24 hours summing above it) and sanctions-list name matches",
          "(silver.finance_customers against silver.finance_sanctions) into gold.finance_compliance_findings."})
  static final class Compliance implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "UTC date to check.")
    LocalDate date;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-finance-compliance");
      var findings = new dev.lakehouse.finance.scoring.ComplianceJob(lakehouse.catalog(),
          dev.lakehouse.finance.compliance.ComplianceRules.defaults()).run(lakehouse.spark(), date);
      System.out.printf("%d finding(s) on %s%n", findings.size(), date);
      findings.forEach(r -> System.out.printf("  %-18s %-10s %s%n", r.getString(2), r.getString(3), r.getString(10)));
      return 0;
    }
  }
}
