import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.finance.market.SparkMonteCarlo;
import dev.lakehouse.finance.risk.Cholesky;
import dev.lakehouse.finance.risk.HistoricalVar;
import dev.lakehouse.finance.risk.MonteCarloVar;
import dev.lakehouse.finance.risk.ParametricVar;
import dev.lakehouse.finance.risk.ReturnDistribution;
import dev.lakehouse.spark.Sessions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;

/**
 * bench/risk: Monte Carlo VaR of one portfolio (N instruments, a one-factor covariance, seeded)
 * computed (a) by the plain multithreaded Java loop (MonteCarloVar.simulate, one thread per core)
 * and (b) by Spark tasks (SparkMonteCarlo, local[cores]), same seed and trials; median of 3 runs
 * after a warm-up. Both must give the same VaR to the last bit (else it fails).
 * {@code --smoke}: 20,000 trials of 5 instruments, in a running JVM (the session is left running).
 */
public class RiskBenchmark {
  public static void main(String[] args) {
    boolean smoke = args.length > 0 && args[0].equals("--smoke");
    int trials = smoke ? 20_000 : args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int instruments = smoke ? 5 : args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int cores = Runtime.getRuntime().availableProcessors();
    // one market factor (vol 1%) plus idiosyncratic vol 1-3%; 1,000,000 in each instrument
    SplittableRandom random = new SplittableRandom(7);
    double[] beta = new double[instruments];
    double[] idio = new double[instruments];
    for (int i = 0; i < instruments; i++) {
      beta[i] = 0.5 + random.nextDouble();
      idio[i] = 0.01 + 0.02 * random.nextDouble();
    }
    double[][] covariance = new double[instruments][instruments];
    for (int i = 0; i < instruments; i++) {
      for (int j = 0; j < instruments; j++) {
        covariance[i][j] = beta[i] * beta[j] * 1e-4 + (i == j ? idio[i] * idio[i] : 0);
      }
    }
    double[] exposures = new double[instruments];
    Arrays.fill(exposures, 1_000_000);
    MonteCarloVar model = MonteCarloVar.of(exposures, Cholesky.decompose(covariance), ReturnDistribution.studentT(4), 42);
    SparkSession spark = Sessions.session(LakehouseConfig.load(Map.of(), List.of("spark.master=local[" + cores + "]",
        "home=/tmp/lakehouse-bench-risk")), "bench-risk");

    System.out.printf("Monte Carlo VaR, %d instruments, %,d trials (Student-t, 4 df), %d cores; median of 3 after a warm-up%n",
        instruments, trials, cores);
    double[] local = null;
    double[] distributed = null;
    long[] localNs = new long[3];
    long[] sparkNs = new long[3];
    model.simulate(trials / 10, cores);
    SparkMonteCarlo.simulate(spark, model, trials / 10, cores);
    for (int run = 0; run < 3; run++) {
      long t0 = System.nanoTime();
      local = model.simulate(trials, cores);
      localNs[run] = System.nanoTime() - t0;
      t0 = System.nanoTime();
      distributed = SparkMonteCarlo.simulate(spark, model, trials, cores);
      sparkNs[run] = System.nanoTime() - t0;
    }
    double a = median(localNs) / 1e9;
    double b = median(sparkNs) / 1e9;
    double varLocal = HistoricalVar.valueAtRisk(local, 0.99);
    double varSpark = HistoricalVar.valueAtRisk(distributed, 0.99);
    double parametric = ParametricVar.of(exposures, covariance).tailRisk(0.99).valueAtRisk();
    System.out.printf("%-44s %10s %16s %18s%n", "", "seconds", "trials/s", "VaR 99% 1d");
    System.out.printf("%-44s %10.3f %,16.0f %,18.2f%n", "(a) Java loop, " + cores + " threads", a, trials / a, varLocal);
    System.out.printf("%-44s %10.3f %,16.0f %,18.2f%n", "(b) Spark, local[" + cores + "], " + cores + " tasks", b, trials / b, varSpark);
    System.out.printf("ratio b/a (Spark trials/s over Java loop trials/s): %.2f%n", a / b);
    System.out.printf("same scenarios: %s; parametric (normal) VaR 99%% for reference: %,.2f%n",
        Arrays.equals(local, distributed), parametric);
    if (!Arrays.equals(local, distributed) || !(varLocal > 0)) {
      throw new IllegalStateException("the Java loop and Spark disagree, or VaR is not positive: " + varLocal + " vs " + varSpark);
    }
    if (!smoke) {
      spark.stop();
    }
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
