package dev.lakehouse.cli;

import static org.apache.spark.sql.functions.col;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.alerts.AlertStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "alerts", mixinStandardHelpOptions = true,
    description = "Alerts in ops.alerts (raised by quality gates, detectors and the stream monitor): list and acknowledge.",
    subcommands = {AlertsCommand.ListAlerts.class, AlertsCommand.Acknowledge.class})
final class AlertsCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List alerts, newest first.")
  static final class ListAlerts implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "Only this domain: commerce, logs, finance, platform.")
    String domain;

    @Option(names = "--severity", paramLabel = "SEVERITY", description = "Only this severity: critical, warning, info.")
    String severity;

    @Option(names = "--open", description = "Only alerts nobody acknowledged yet.")
    boolean open;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N alerts (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-alerts");
      Dataset<Row> alerts = lakehouse.spark().read().format("delta").load(lakehouse.catalog().location(AlertStore.TABLE));
      if (domain != null) {
        alerts = alerts.filter(col("domain").equalTo(domain));
      }
      if (severity != null) {
        alerts = alerts.filter(col("severity").equalTo(severity));
      }
      if (open) {
        alerts = alerts.filter(col("status").equalTo("open"));
      }
      Printing.table(alerts.orderBy(col("first_seen_at").desc(), col("alert_id"))
          .select("alert_id", "first_seen_at", "domain", "severity", "rule", "subject", "value", "expected_range",
              "status", "acknowledged_by", "message"), limit);
      return 0;
    }
  }

  @Command(name = "ack", mixinStandardHelpOptions = true,
      description = "Acknowledge open alerts by id (as `alerts list` prints them); exits 1 if an id is not an open alert.")
  static final class Acknowledge implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(arity = "1..*", paramLabel = "ALERT_ID", description = "Ids of the alerts to acknowledge.")
    List<String> ids;

    @Option(names = "--by", paramLabel = "NAME", description = "Who acknowledges (default: the user name, ${DEFAULT-VALUE}).",
        defaultValue = "${sys:user.name}")
    String by;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-alerts");
      List<String> acknowledged = new AlertStore(lakehouse.catalog())
          .acknowledge(lakehouse.spark(), ids, by, Instant.now());
      if (!acknowledged.isEmpty()) {
        System.out.printf("Acknowledged %d alert%s by %s: %s%n", acknowledged.size(), acknowledged.size() == 1 ? "" : "s", by,
            String.join(", ", acknowledged));
      }
      List<String> missed = new ArrayList<>(ids);
      missed.removeAll(acknowledged);
      if (missed.isEmpty()) {
        return 0;
      }
      System.err.printf("lakehouse alerts ack: Cannot acknowledge %s: no open alert with %s (see `lakehouse alerts list --open`)%n",
          String.join(", ", missed), missed.size() == 1 ? "that id" : "those ids");
      return 1;
    }
  }
}
