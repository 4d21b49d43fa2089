package dev.lakehouse.cli;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.finance.market.BacktestJob;
import dev.lakehouse.finance.market.RiskJob;
import dev.lakehouse.finance.market.StressJob;
import dev.lakehouse.finance.risk.BaselZone;
import dev.lakehouse.finance.risk.TailRisk;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "risk", mixinStandardHelpOptions = true,
    description = "Market risk of the portfolios in silver.finance_positions: VaR and ES, stress tests, VaR backtests.",
    subcommands = {RiskCommand.Var.class, RiskCommand.Stress.class, RiskCommand.Backtesting.class})
final class RiskCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "var", mixinStandardHelpOptions = true,
      description = {"VaR (95%, 99%) and Expected Shortfall (97.5%) of every portfolio for a date, 1 and 10 days, by",
          "historical simulation, parametric (sample and EWMA covariance) and Monte Carlo (normal and Student-t)",
          "into gold.finance_risk_daily (the date replaced)."})
  static final class Var implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "As-of trading date.")
    LocalDate date;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-risk-var");
      List<RiskJob.Figures> figures = new RiskJob(lakehouse.config(), lakehouse.catalog()).run(lakehouse.spark(), date);
      System.out.printf("%-16s %-20s %16s %14s %14s %14s%n", "portfolio", "method", "value", "VaR 95% 1d", "VaR 99% 1d",
          "ES 97.5% 1d");
      for (RiskJob.Figures f : figures) {
        TailRisk v95 = f.oneDay().get(0);
        TailRisk es975 = f.oneDay().get(1);
        TailRisk v99 = f.oneDay().get(2);
        System.out.printf("%-16s %-20s %,16.0f %,14.0f %,14.0f %,14.0f%n", f.portfolio(), f.method(), f.portfolioValue(),
            v95.valueAtRisk(), v99.valueAtRisk(), es975.expectedShortfall());
      }
      return 0;
    }
  }

  @Command(name = "stress", mixinStandardHelpOptions = true,
      description = {"Apply the stress scenarios (finance/stress-scenarios.yaml: equity, sector, FX, rates shocks, doubled",
          "volatility, the worst 10-day window and the crash) to every portfolio's positions of a date",
          "(gold.finance_stress_results)."})
  static final class Stress implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "As-of trading date.")
    LocalDate date;

    @Option(names = "--scenario", split = ",", paramLabel = "NAME", description = "Scenarios to run (default: all).")
    List<String> scenarios = List.of();

    @Override
    public Integer call() {
      dev.lakehouse.finance.stress.ScenarioLibrary library = dev.lakehouse.finance.stress.ScenarioLibrary.defaults();
      scenarios.forEach(library::get);   // an unknown name fails before Spark starts, listing the known ones
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-risk-stress");
      StressJob.Outcome outcome = new StressJob(lakehouse.catalog(), library).run(lakehouse.spark(), date, scenarios);
      System.out.printf("%-16s %-36s %16s %9s  %s%n", "portfolio", "scenario", "P&L", "P&L %", "worst instrument");
      for (var r : outcome.results()) {
        System.out.printf("%-16s %-36s %,16.0f %8.2f%%  %s%n", r.portfolioId(), r.scenarioName(), r.pnl(), r.pnlPct() * 100,
            r.worstInstrument().map(w -> String.format("%s %,.0f", w.instrumentId(), w.pnl())).orElse(""));
      }
      // a scenario that cannot apply (a rule hitting nothing, an fx position of unknown currency) says why
      outcome.results().stream()
          .filter(r -> r.detail().contains(" positions: ") || r.detail().contains("not moved by currency rules"))
          .forEach(r -> System.out.printf("note %s on %s: %s%n", r.scenarioName(), r.portfolioId(), r.detail()));
      outcome.skipped().forEach((name, why) -> System.out.println("skipped " + name + ": " + why));
      return 0;
    }
  }

  @Command(name = "backtest", mixinStandardHelpOptions = true,
      description = {"Backtest the 1-day 99% historical VaR over the last risk.backtest-days days up to a date: exceptions,",
          "Kupiec and Christoffersen tests, Basel zone (gold.finance_backtest, gold.finance_backtest_days).",
          "A red zone raises an alert; with --fail-on-red it also exits 1."})
  static final class Backtesting implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Last P&L date of the window.")
    LocalDate date;

    @Option(names = "--fail-on-red", description = "Exit 1 when a portfolio is in the red zone (for schedulers).")
    boolean failOnRed;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-risk-backtest");
      List<BacktestJob.Outcome> outcomes = new BacktestJob(lakehouse.config(), lakehouse.catalog()).run(lakehouse.spark(), date);
      System.out.printf("%-16s %6s %10s %10s %12s %16s %8s%n", "portfolio", "days", "exceptions", "Kupiec LR", "Kupiec p",
          "Christoffersen p", "zone");
      List<String> red = new java.util.ArrayList<>();
      for (BacktestJob.Outcome o : outcomes) {
        System.out.printf("%-16s %6d %10d %10.3f %12.4f %16.4f %8s%n", o.portfolio(), o.days(), o.exceptions(),
            o.backtest().kupiec().statistic(), o.backtest().kupiec().pValue(), o.backtest().independence().pValue(),
            o.zone() == null ? "n/a" : o.zone().name().toLowerCase(java.util.Locale.ROOT));
        if (o.zone() == BaselZone.RED) {
          red.add(o.portfolio() + " (" + o.exceptions() + " exceptions in " + o.days() + " days)");
        }
      }
      if (failOnRed && !red.isEmpty()) {
        throw new IllegalStateException("VaR backtest in the Basel red zone for " + String.join(", ", red)
            + ": the 1-day 99% VaR model underestimates losses; see gold.finance_backtest_days");
      }
      return 0;
    }
  }
}
