package dev.lakehouse.finance.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Monte Carlo VaR of a linear portfolio, in plain multithreaded Java: each trial draws one day of
 * correlated returns r from a {@link ReturnDistribution} with covariance S (via the {@link Cholesky}
 * factor L of S) and revalues the portfolio, PnL = w'r. VaR and ES are then read off the simulated
 * PnL with {@link HistoricalVar}'s convention.
 *
 * <p>Deterministic: trials are cut into a fixed layout of chunks of {@value #CHUNK_TRIALS}, and chunk i
 * draws from the i-th {@link SplittableRandom#split() split} of {@code new SplittableRandom(seed)}. The
 * threads only decide who fills which chunk, so the same seed and trial count give the same scenarios,
 * element for element, with 1 thread or 16.
 */
public final class MonteCarloVar implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** Trials per chunk, the unit of work and of random streams; part of what a seed means. */
  public static final int CHUNK_TRIALS = 8192;

  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  private final double[] exposures;
  private final Cholesky factor;
  private final ReturnDistribution distribution;
  private final long seed;

  private MonteCarloVar(double[] exposures, Cholesky factor, ReturnDistribution distribution, long seed) {
    this.exposures = exposures;
    this.factor = factor;
    this.distribution = distribution;
    this.seed = seed;
  }

  /** Factors the covariance; fails like {@link Cholesky#decompose(double[][])} if it is not positive definite. */
  public static MonteCarloVar of(double[] exposures, double[][] covariance, ReturnDistribution distribution, long seed) {
    Checks.nonEmpty(exposures, "exposures");
    Checks.covariance(covariance, exposures.length);
    return of(exposures, Cholesky.decompose(covariance), distribution, seed);
  }

  /** With a factor computed once, e.g. {@link Cholesky#decomposeWithJitter(double[][], double)}. */
  public static MonteCarloVar of(double[] exposures, Cholesky factor, ReturnDistribution distribution, long seed) {
    Checks.nonEmpty(exposures, "exposures");
    Checks.finite(exposures, "exposure");
    if (factor.size() != exposures.length) {
      throw new IllegalArgumentException(String.format(
          "Invalid Cholesky factor: %d x %d for %d exposures", factor.size(), factor.size(), exposures.length));
    }
    if (distribution == null) {
      throw new IllegalArgumentException("Invalid distribution: null; use ReturnDistribution.normal()");
    }
    return new MonteCarloVar(exposures.clone(), factor, distribution, seed);
  }

  /** The same portfolio and distribution with another seed. */
  public MonteCarloVar withSeed(long newSeed) {
    return new MonteCarloVar(exposures, factor, distribution, newSeed);
  }

  /**
   * Simulated 1-day PnL scenarios (gains positive), one per trial, on up to {@code threads} threads.
   * The result depends on the seed and the trial count only.
   */
  public double[] simulate(int trials, int threads) {
    if (trials < 1) {
      throw new IllegalArgumentException(String.format("Invalid trial count %d: must be at least 1", trials));
    }
    if (threads < 1) {
      throw new IllegalArgumentException(String.format("Invalid thread count %d: must be at least 1", threads));
    }
    double[] pnl = new double[trials];
    SplittableRandom[] streams = chunkStreams(chunkCount(trials));
    AtomicInteger nextChunk = new AtomicInteger();
    int workers = Math.min(threads, streams.length);
    if (workers == 1) {
      fillChunks(pnl, streams, nextChunk);
    } else {
      runOnThreads(workers, () -> fillChunks(pnl, streams, nextChunk));
    }
    return pnl;
  }

  /** How many chunks a run of {@code trials} has; chunk i holds trials [i * CHUNK_TRIALS, ...). */
  public static int chunkCount(int trials) {
    return (int) (((long) trials + CHUNK_TRIALS - 1) / CHUNK_TRIALS);
  }

  /**
   * The scenarios of chunks {@code [firstChunk, lastChunk)} of a run of {@code trials}, exactly the
   * elements {@link #simulate} puts there: how a distributed run (one task per chunk range) gets
   * the same scenarios as this process.
   */
  public double[] simulateChunks(int trials, int firstChunk, int lastChunk) {
    int chunks = chunkCount(trials);
    if (firstChunk < 0 || lastChunk > chunks || firstChunk > lastChunk) {
      throw new IllegalArgumentException(String.format(
          "Invalid chunk range [%d, %d): a run of %d trials has chunks [0, %d)", firstChunk, lastChunk, trials, chunks));
    }
    SplittableRandom root = new SplittableRandom(seed);
    for (int i = 0; i < firstChunk; i++) {
      root.split();
    }
    int from = firstChunk * CHUNK_TRIALS;
    int to = (int) Math.min((long) lastChunk * CHUNK_TRIALS, trials);
    double[] pnl = new double[to - from];
    double[] shocks = new double[exposures.length];
    double[] returns = new double[exposures.length];
    for (int chunk = firstChunk; chunk < lastChunk; chunk++) {
      int start = chunk * CHUNK_TRIALS - from;
      int end = (int) Math.min((long) start + CHUNK_TRIALS, pnl.length);
      fillChunk(pnl, start, end, root.split(), shocks, returns);
    }
    return pnl;
  }

  /** VaR and ES at confidence c from {@code trials} simulated scenarios. */
  public TailRisk tailRisk(double confidence, int trials, int threads) {
    Checks.confidence(confidence);
    return HistoricalVar.tailRisk(simulate(trials, threads), confidence);
  }

  // split in chunk order on the calling thread, so stream i is the same whoever uses it
  private SplittableRandom[] chunkStreams(int chunks) {
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom[] streams = new SplittableRandom[chunks];
    for (int i = 0; i < chunks; i++) {
      streams[i] = root.split();
    }
    return streams;
  }

  // one worker: takes chunks until none are left, with its own scratch arrays
  private void fillChunks(double[] pnl, SplittableRandom[] streams, AtomicInteger nextChunk) {
    double[] shocks = new double[exposures.length];
    double[] returns = new double[exposures.length];
    for (int chunk = nextChunk.getAndIncrement(); chunk < streams.length; chunk = nextChunk.getAndIncrement()) {
      int from = chunk * CHUNK_TRIALS;
      int to = (int) Math.min((long) from + CHUNK_TRIALS, pnl.length);
      fillChunk(pnl, from, to, streams[chunk], shocks, returns);
    }
  }

  private void fillChunk(double[] pnl, int from, int to, SplittableRandom random, double[] shocks, double[] returns) {
    double nu = distribution instanceof ReturnDistribution.StudentT t ? t.degreesOfFreedom() : 0;
    double varianceMatch = nu > 0 ? Math.sqrt((nu - 2) / nu) : 1;
    for (int trial = from; trial < to; trial++) {
      for (int i = 0; i < shocks.length; i++) {
        shocks[i] = random.nextGaussian();
      }
      // Student-t: one chi-square per day, drawn after the normals, scales every instrument alike
      double scale = nu > 0 ? varianceMatch / Math.sqrt(Sampling.chiSquare(random, nu) / nu) : 1;
      factor.correlate(shocks, returns);
      pnl[trial] = scale * dot(exposures, returns);
    }
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static void runOnThreads(int workers, Runnable worker) {
    ExecutorService pool = Executors.newFixedThreadPool(workers, daemonThreads());
    try {
      List<Future<?>> running = new ArrayList<>(workers);
      for (int i = 0; i < workers; i++) {
        running.add(pool.submit(worker));
      }
      for (Future<?> future : running) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Cannot finish the Monte Carlo simulation: interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException("Cannot finish the Monte Carlo simulation: a worker failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static ThreadFactory daemonThreads() {
    int pool = POOL_NUMBER.incrementAndGet();
    AtomicInteger thread = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, "risk-monte-carlo-" + pool + "-" + thread.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
