package dev.lakehouse.cli;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.commerce.stream.CommerceStreams;
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

@Command(name = "stream", mixinStandardHelpOptions = true,
    description = {"The streaming commerce gold tables: gold.commerce_behavior_5m and gold.commerce_sessions from",
        "silver.commerce_events, gold.commerce_sales_5m from order lines with revenue anomaly alerts",
        "(commerce.revenue_anomaly in ops.alerts). Records later than commerce.watermark go to ops.late_events.",
        "Runs until Ctrl-C, or with --available-now processes what the sources hold and exits."})
final class CommerceStreamCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--available-now", description = "Process what the sources hold now, then exit.")
  boolean availableNow;

  @Option(names = "--orders-table", paramLabel = "TABLE", defaultValue = CommerceStreams.ORDERS,
      description = "Delta table of order lines the sales query reads (default: ${DEFAULT-VALUE}); skipped while it does not exist.")
  String ordersTable;

  @Override
  public Integer call() throws TimeoutException {
    run(Lakehouse.open(options.config(), "lakehouse-commerce-stream"), availableNow, ordersTable);
    return 0;
  }

  /** Starts the streaming gold queries; with availableNow they process what the sources hold and stop. */
  static void run(Lakehouse lakehouse, boolean availableNow, String ordersTable) throws TimeoutException {
    Trigger trigger = availableNow
        ? Trigger.AvailableNow()
        : Trigger.ProcessingTime(lakehouse.config().commerceStream().triggerInterval().toMillis());
    CommerceStreams streams = new CommerceStreams(lakehouse.config(), lakehouse.catalog());
    List<StreamingQuery> queries = new ArrayList<>();
    queries.add(streams.startBehavior(lakehouse.spark(), trigger));
    try {
      queries.add(streams.startSales(lakehouse.spark(), trigger, ordersTable));
    } catch (IllegalArgumentException e) {
      System.out.println("Skipping gold.commerce_sales_5m: " + e.getMessage());
    }
    if (!availableNow) {
      StreamingQueries.stopOnShutdown(queries, System.out);
    }
    StreamingQueries.awaitAll(queries, System.out, Duration.ofSeconds(10));
    print(lakehouse);
  }

  private static void print(Lakehouse lakehouse) {
    lakehouse.spark().sql("SELECT 'gold.commerce_behavior_5m' AS t, count(*) AS n FROM gold.commerce_behavior_5m "
            + "UNION ALL SELECT 'gold.commerce_sessions', count(*) FROM gold.commerce_sessions "
            + "UNION ALL SELECT 'gold.commerce_sales_5m', count(*) FROM gold.commerce_sales_5m "
            + "UNION ALL SELECT 'ops.late_events', count(*) FROM ops.late_events WHERE query_name LIKE 'gold.commerce%' "
            + "UNION ALL SELECT 'ops.alerts (commerce.revenue_anomaly)', count(*) FROM ops.alerts WHERE rule = 'commerce.revenue_anomaly'")
        .collectAsList()
        .forEach(r -> System.out.printf("  %-40s %,d rows%n", r.getString(0), r.getLong(1)));
  }
}
