package dev.lakehouse.cli;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.finance.compliance.ComplianceRules;
import dev.lakehouse.finance.scoring.ComplianceJob;
import dev.lakehouse.finance.scoring.FraudModel;
import dev.lakehouse.finance.scoring.FraudTraining;
import dev.lakehouse.ml.ModelRegistry;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "finance", mixinStandardHelpOptions = true,
    description = {"Finance: fraud scoring and training, compliance checks. The market data the risk jobs read",
        "(instruments, prices, FX rates, positions, market windows) is loaded from files with `load`."},
    subcommands = {FinanceCommand.ScorePayments.class, FinanceCommand.Train.class,
        FinanceCommand.Compliance.class})
final class FinanceCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
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

  @Command(name = "train", mixinStandardHelpOptions = true,
      description = {"Train the fraud model (gradient-boosted trees, class-weighted) on the labelled payments of",
          "silver.finance_payments, evaluate it on a time-based holdout (AUC-PR, precision@k, recall at a false-positive",
          "rate) against the rules and the promoted model, and promote it only if it ranks the holdout better.",
          "Every version is kept in ops.model_registry and under LAKEHOUSE_HOME/models/fraud/<version>.",
          "With --date, trains on the payments up to that day once: a date already trained with the same",
          "parameters names its version and trains nothing."})
  static final class Train implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
        description = "Train on the payments up to and including this UTC date (default: all).")
    LocalDate date;

    @Option(names = "--holdout-fraction", paramLabel = "F", defaultValue = "0.2",
        description = "Latest share of the payments held out for evaluation, in (0, 1) (default: ${DEFAULT-VALUE}).")
    double holdoutFraction;

    @Option(names = "--other-payments", paramLabel = "FILE",
        description = {"Also evaluate on these labelled payments (JSON lines with the columns of silver.finance_payments;",
            "files, a directory or a glob), e.g. another world: `generate payments --seed 4 --out FILE`."})
    String otherPayments;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "50",
        description = "k of precision@k (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--max-fpr", paramLabel = "R", defaultValue = "0.01",
        description = "False-positive rate at which recall is reported, in (0, 1) (default: ${DEFAULT-VALUE}).")
    double maxFpr;

    @Option(names = "--max-iter", paramLabel = "N", defaultValue = "60", description = "Boosting rounds (default: ${DEFAULT-VALUE}).")
    int maxIter;

    @Option(names = "--max-depth", paramLabel = "D", defaultValue = "5", description = "Tree depth (default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--step-size", paramLabel = "S", defaultValue = "0.1",
        description = "Learning rate, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double stepSize;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "7", description = "Training seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
      FraudTraining.Options training = new FraudTraining.Options(
          new FraudModel.Params(maxIter, maxDepth, stepSize, 0.8, seed), holdoutFraction, topK, maxFpr,
          Optional.ofNullable(otherPayments), Optional.ofNullable(date));
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-finance-train");
      Optional<ModelRegistry.Version> trained = new FraudTraining(lakehouse.config(), lakehouse.catalog())
          .trainedFor(lakehouse.spark(), training);
      if (trained.isPresent()) {
        System.out.printf("Fraud model v%d is already trained on the payments up to %s with these parameters (%s);"
            + " nothing to do%n", trained.get().version(), date, trained.get().status());
        return 0;
      }
      run(lakehouse, training);
      return 0;
    }

    /** Trains, evaluates and registers a model, and prints the figures; the demo calls this too. */
    static FraudTraining.Result run(Lakehouse lakehouse, FraudTraining.Options training) {
      FraudTraining.Result result = new FraudTraining(lakehouse.config(), lakehouse.catalog())
          .train(lakehouse.spark(), training);
      print(result, training.topK(), training.maxFpr());
      return result;
    }

    static void print(FraudTraining.Result result, int topK, double maxFpr) {
      var version = result.version();
      System.out.printf("Fraud model v%d trained on %,.0f payments (%,.0f fraud, weight %.1f each)%n", version.version(),
          version.metrics().get("train.payments"), version.metrics().get("train.frauds"),
          version.metrics().get("train.fraud_weight"));
      printEvaluation(result.holdout(), topK, maxFpr);
      result.otherData().ifPresent(e -> printEvaluation(e, topK, maxFpr));
      System.out.printf("Decision: %s%n", version.note());
      System.out.println("Saved to " + version.path());
    }

    private static void printEvaluation(FraudTraining.Evaluation e, int topK, double maxFpr) {
      System.out.printf("  %s: %,d payments, %,d fraud%s%n", e.data(), e.payments(), e.frauds(),
          e.leftOut() > 0 ? String.format(" (%,d lines without a payment id, time or label left out)", e.leftOut()) : "");
      System.out.printf("    %-20s %8s %14s %16s%n", "scorer", "AUC-PR", "precision@" + topK,
          String.format("recall@FPR %.3g", maxFpr));
      e.byScorer().forEach((scorer, f) -> System.out.printf("    %-20s %8.4f %14.4f %16.4f%n", scorer, f.aucPr(),
          f.precisionAtK(), f.recallAtFpr()));
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
      var findings = new ComplianceJob(lakehouse.catalog(), ComplianceRules.defaults()).run(lakehouse.spark(), date);
      System.out.printf("%d finding(s) on %s%n", findings.size(), date);
      findings.forEach(r -> System.out.printf("  %-18s %-10s %s%n", r.getString(2), r.getString(3), r.getString(10)));
      return 0;
    }
  }
}
