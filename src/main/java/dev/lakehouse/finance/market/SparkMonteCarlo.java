package dev.lakehouse.finance.market;

import dev.lakehouse.finance.risk.MonteCarloVar;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Monte Carlo scenarios computed by Spark tasks, one range of chunks per task. Each chunk draws
 * from its own split of the seed (see {@link MonteCarloVar}), so the scenarios are the same
 * numbers whatever the number of tasks or executors, and the same as a local run.
 */
public final class SparkMonteCarlo {
  private SparkMonteCarlo() {}

  public static double[] simulate(SparkSession spark, MonteCarloVar model, int trials, int tasks) {
    int chunks = MonteCarloVar.chunkCount(trials);
    int slices = Math.max(1, Math.min(tasks, chunks));
    List<int[]> ranges = new ArrayList<>();
    for (int s = 0; s < slices; s++) {
      ranges.add(new int[] {(int) ((long) chunks * s / slices), (int) ((long) chunks * (s + 1) / slices)});
    }
    List<double[]> parts = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(ranges, slices)
        .map(range -> model.simulateChunks(trials, range[0], range[1]))
        .collect();
    double[] pnl = new double[trials];
    int at = 0;
    for (double[] part : parts) {
      System.arraycopy(part, 0, pnl, at, part.length);
      at += part.length;
    }
    return pnl;
  }
}
