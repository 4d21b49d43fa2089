package dev.lakehouse;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a command's time goes: the fixed costs (launcher, JVM start, SparkSession, table
 * registration, quality suites, Deequ, each commit to an ops table) and the work between them.
 * When {@code LAKEHOUSE_PROFILE_TIMINGS=1} is set or {@code --timings} is given, steps are recorded
 * (the first {@value #MAX_STEPS}) and printed to stderr at the end of the command, followed by the
 * Spark jobs the command ran, summed by where they were started; otherwise {@link #time} only runs
 * the work. Nested steps are indented under the step they ran in; steps of other threads
 * (streaming batches) are listed with their thread.
 */
public final class Timings {
  /** The environment variable that turns the report on. */
  public static final String ENVIRONMENT = "LAKEHOUSE_PROFILE_TIMINGS";
  /** Set by bin/lakehouse: the launcher's start, epoch milliseconds. */
  static final String LAUNCHED_AT = "LAKEHOUSE_LAUNCHED_AT_MS";
  /** The depth of a Spark job: not a step of the code, listed in its own section. */
  private static final int JOB = -1;
  /** The depth of a Spark SQL execution (an action and the jobs it ran), listed in its own section. */
  private static final int QUERY = -2;
  private static final int MAX_STEPS = 10_000;

  private static final List<Step> STEPS = new ArrayList<>();
  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);
  private static final long ORIGIN_NANOS = System.nanoTime();
  private static final long ORIGIN_MILLIS = System.currentTimeMillis();
  private static volatile boolean requested = "1".equals(System.getenv(ENVIRONMENT))
      || "true".equalsIgnoreCase(System.getenv(ENVIRONMENT));

  private Timings() {}

  /** One timed step: when it started (seconds after main() began), how long it took, how deep it was nested. */
  public record Step(String name, double startSeconds, double seconds, int depth, String thread) {}

  /** Turns the report on for this process (the --timings flag). */
  public static void request() {
    requested = true;
  }

  /** Whether the report is printed at the end of the command. */
  public static boolean requested() {
    return requested;
  }

  /** Marks the start of main(): the origin of the report's times. */
  public static void markMain() {
    // the origin is taken when this class is initialised
  }

  /** Runs {@code work} as a named step and returns its result; recorded only when the report was requested. */
  public static <T> T time(String name, Supplier<T> work) {
    if (!requested) {
      return work.get();
    }
    long start = System.nanoTime();
    int depth = DEPTH.get();
    DEPTH.set(depth + 1);
    try {
      return work.get();
    } finally {
      DEPTH.set(depth);
      add(new Step(name, seconds(start - ORIGIN_NANOS), seconds(System.nanoTime() - start), depth,
          Thread.currentThread().getName()));
    }
  }

  /** Runs {@code work} as a named step. */
  public static void time(String name, Runnable work) {
    time(name, () -> {
      work.run();
      return null;
    });
  }

  /** Records a Spark job started at {@code startMillis} (epoch) that took {@code millis}, named by where it started. */
  public static void job(String callSite, long startMillis, long millis) {
    if (requested) {
      add(new Step(callSite, (startMillis - ORIGIN_MILLIS) / 1e3, millis / 1e3, JOB, "spark"));
    }
  }

  /** Records a Spark SQL execution (its planning excluded) started at {@code startMillis} (epoch) that took {@code millis}. */
  public static void query(String description, long startMillis, long millis) {
    if (requested) {
      add(new Step(description, (startMillis - ORIGIN_MILLIS) / 1e3, millis / 1e3, QUERY, "spark"));
    }
  }

  /** Forgets the steps recorded so far. */
  static void clear() {
    synchronized (STEPS) {
      STEPS.clear();
    }
  }

  /** The steps recorded so far (Spark jobs included), in the order they finished. */
  public static List<Step> steps() {
    synchronized (STEPS) {
      return List.copyOf(STEPS);
    }
  }

  /** Prints the report when it was requested. */
  public static void printIfRequested(PrintStream out) {
    if (requested) {
      print(out);
    }
  }

  /**
   * Prints the launcher's and the JVM's start, the steps by start time (nested steps indented),
   * the total since the launcher (or the JVM) started, then the Spark jobs summed by call site.
   */
  public static void print(PrintStream out) {
    List<Step> steps = new ArrayList<>(startup());
    List<Step> jobs = new ArrayList<>();
    List<Step> queries = new ArrayList<>();
    for (Step step : steps()) {
      (step.depth() == JOB ? jobs : step.depth() == QUERY ? queries : steps).add(step);
    }
    steps.sort((a, b) -> a.startSeconds() != b.startSeconds() ? Double.compare(a.startSeconds(), b.startSeconds())
        : Integer.compare(a.depth(), b.depth()));
    double first = steps.stream().mapToDouble(Step::startSeconds).min().orElse(0);
    out.printf("%ntimings (%s=1 or --timings), seconds from the start:%n", ENVIRONMENT);
    out.printf("  %7s %7s  %s%n", "at", "took", "step");
    for (Step step : steps) {
      String thread = step.thread().equals("main") ? "" : "  [" + step.thread() + "]";
      out.printf("  %7.2f %7.2f  %s%s%s%n", step.startSeconds() - first, step.seconds(), "  ".repeat(step.depth()),
          step.name(), thread);
    }
    out.printf("  %7s %7.2f  total (until this report; the JVM's shutdown follows)%n", "",
        seconds(System.nanoTime() - ORIGIN_NANOS) - first);
    if (!jobs.isEmpty()) {
      Map<String, double[]> bySite = new LinkedHashMap<>();
      jobs.forEach(job -> {
        double[] sum = bySite.computeIfAbsent(job.name(), site -> new double[2]);
        sum[0]++;
        sum[1] += job.seconds();
      });
      out.printf("  spark jobs: %d, %.2f s in all, by where they started:%n", jobs.size(),
          jobs.stream().mapToDouble(Step::seconds).sum());
      bySite.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1]))
          .forEach(e -> out.printf("  %7.0f %7.2f  %s%n", e.getValue()[0], e.getValue()[1], e.getKey()));
    }
    if (!queries.isEmpty()) {
      out.printf("  spark queries: %d, %.2f s in all (planning not included); the longest, at and took:%n", queries.size(),
          queries.stream().mapToDouble(Step::seconds).sum());
      queries.stream().sorted((a, b) -> Double.compare(b.seconds(), a.seconds())).limit(15)
          .forEach(q -> out.printf("  %7.2f %7.2f  %s%n", q.startSeconds() - first, q.seconds(), q.name()));
    }
    out.flush();
  }

  // the launcher (from bin/lakehouse's start, when it passed it) and the JVM's start, up to main()
  private static List<Step> startup() {
    List<Step> startup = new ArrayList<>();
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    String launched = System.getenv(LAUNCHED_AT);
    if (launched != null && launched.matches("\\d{10,}") && Long.parseLong(launched) <= jvmStart) {
      long launchedAt = Long.parseLong(launched);
      startup.add(new Step("launcher (bin/lakehouse), up to the JVM's start", (launchedAt - ORIGIN_MILLIS) / 1e3,
          (jvmStart - launchedAt) / 1e3, 0, "main"));
    }
    startup.add(new Step("JVM start, up to main()", (jvmStart - ORIGIN_MILLIS) / 1e3, (ORIGIN_MILLIS - jvmStart) / 1e3,
        0, "main"));
    return startup;
  }

  private static void add(Step step) {
    synchronized (STEPS) {
      if (STEPS.size() < MAX_STEPS) {
        STEPS.add(step);
      }
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
