package dev.lakehouse.cli;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.refine.RefineJob;
import dev.lakehouse.spark.StreamingQueries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    Trigger trigger = availableNow
        ? Trigger.AvailableNow()
        : Trigger.ProcessingTime(lakehouse.config().refine().triggerInterval().toMillis());
    List<StreamingQuery> queries = new ArrayList<>();
    for (String table : tables) {
      queries.add(job.start(lakehouse.spark(), table, trigger));
    }
    if (!availableNow) {
      StreamingQueries.stopOnShutdown(queries, System.out);
    }
    StreamingQueries.awaitAll(queries, System.out, Duration.ofSeconds(10));
    if (StreamingQueries.shuttingDown()) {
      return;
    }
    for (int i = 0; i < tables.size(); i++) {
      System.out.printf("  %-28s %,10d bronze records read%n", tables.get(i), StreamingQueries.rowsRead(queries.get(i)));
    }
  }
}
