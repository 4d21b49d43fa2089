package dev.lakehouse.cli;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.refine.RefineJob;
import dev.lakehouse.spark.StreamingQueries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "refine", mixinStandardHelpOptions = true,
    description = {"Bronze -> silver: parse, validate, quarantine what cannot be used, deduplicate and MERGE.",
        "Runs until Ctrl-C, or with --available-now refines what bronze holds and exits."})
final class RefineCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--available-now", description = "Refine what bronze holds now, then exit.")
  boolean availableNow;

  @Option(names = "--table", split = ",", paramLabel = "TABLE", description = "Silver tables to refine (default: all refinable).")
  List<String> tables;

  @Override
  public Integer call() throws TimeoutException {
    Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-refine");
    run(lakehouse, tables != null ? tables : RefineJob.targets(lakehouse.catalog()), availableNow);
    return 0;
  }

  static void run(Lakehouse lakehouse, List<String> tables, boolean availableNow) throws TimeoutException {
    RefineJob job = new RefineJob(lakehouse.config(), lakehouse.catalog());
    List<String> refinable = RefineJob.targets(lakehouse.catalog());
    for (String table : tables) {
      if (!refinable.contains(table)) {
        throw new IllegalArgumentException(String.format(
            "Cannot refine %s: the generic refine step knows %s (a silver table whose DDL sets 'lakehouse.refine.source')",
            table, refinable));
      }
    }
    if (!availableNow) {
      Trigger trigger = Trigger.ProcessingTime(lakehouse.config().refine().triggerInterval().toMillis());
      List<StreamingQuery> queries = new ArrayList<>();
      for (String table : tables) {
        queries.add(job.start(lakehouse.spark(), table, trigger));
      }
      StreamingQueries.stopOnShutdown(queries, System.out);
      StreamingQueries.awaitAll(queries, System.out, Duration.ofSeconds(10));
      return;
    }
    // available now: tables refine in waves, each after the tables its lakehouse.refine.after names
    Map<String, List<String>> after = new LinkedHashMap<>();
    for (String table : tables) {
      after.put(table, job.spec(lakehouse.spark(), table).after());
    }
    for (List<String> wave : waves(after)) {
      List<StreamingQuery> queries = new ArrayList<>();
      for (String table : wave) {
        queries.add(job.start(lakehouse.spark(), table, Trigger.AvailableNow()));
      }
      StreamingQueries.awaitAll(queries, System.out, Duration.ofSeconds(10));
      if (StreamingQueries.shuttingDown()) {
        return;
      }
      for (int i = 0; i < wave.size(); i++) {
        System.out.printf("  %-34s %,10d bronze records read%n", wave.get(i), StreamingQueries.rowsRead(queries.get(i)));
      }
    }
  }

  /**
   * Tables grouped so that each comes after every table it names in {@code after} (names outside
   * the map are ignored: they are not being refined now). A cycle fails with the tables in it.
   */
  static List<List<String>> waves(Map<String, List<String>> after) {
    List<List<String>> waves = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> left = new LinkedHashSet<>(after.keySet());
    while (!left.isEmpty()) {
      List<String> wave = left.stream()
          .filter(t -> after.get(t).stream().allMatch(d -> done.contains(d) || !after.containsKey(d)))
          .toList();
      if (wave.isEmpty()) {
        throw new IllegalArgumentException("Cannot order refine of " + left
            + ": their lakehouse.refine.after properties form a cycle; fix the DDL in tables/silver/");
      }
      waves.add(wave);
      done.addAll(wave);
      wave.forEach(left::remove);
    }
    return waves;
  }
}
