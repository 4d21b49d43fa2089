package dev.lakehouse.cli;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.decode;
import static org.apache.spark.sql.functions.substring;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.ops.OpsTables;
import dev.lakehouse.refine.QuarantineReplay;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "quarantine", mixinStandardHelpOptions = true,
    description = "Inspect and replay records held in ops.quarantine.",
    subcommands = {QuarantineCommand.ListHeld.class, QuarantineCommand.Summary.class, QuarantineCommand.Show.class,
        QuarantineCommand.Replay.class})
final class QuarantineCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Counts of quarantined records by table, stage and rule; held and replayed.")
  static final class ListHeld implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-quarantine");
      Printing.table(lakehouse.spark().sql(
          "SELECT target_table, stage, rule_id, count_if(replayed_at IS NULL) AS held, count_if(replayed_at IS NOT NULL) AS replayed, "
              + "min(quarantined_at) AS first_at, max(quarantined_at) AS last_at "
              + "FROM ops.quarantine GROUP BY 1, 2, 3 ORDER BY 1, 4 DESC"), 500);
      return 0;
    }
  }

  @Command(name = "summary", mixinStandardHelpOptions = true,
      description = "Per target table: records held, replayed, quarantined in the last 24 hours, and the oldest held.")
  static final class Summary implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-quarantine");
      var rows = lakehouse.spark().sql(
          "SELECT target_table, count_if(replayed_at IS NULL) AS held, count_if(replayed_at IS NOT NULL) AS replayed, "
              + "count_if(quarantined_at >= current_timestamp() - INTERVAL 24 HOURS) AS last_24h, "
              + "count(DISTINCT rule_id) AS rules, min(CASE WHEN replayed_at IS NULL THEN quarantined_at END) AS oldest_held "
              + "FROM ops.quarantine GROUP BY 1 ORDER BY 2 DESC, 1");
      Printing.table(rows, 500);
      long held = lakehouse.spark().sql("SELECT count_if(replayed_at IS NULL) FROM ops.quarantine").head().getLong(0);
      System.out.printf("%,d record(s) held in quarantine%n", held);
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = {"Held records with their reason, source offset and the start of their value;",
          "with --id, one record whole: every field, the value as text, and as hex and base64 when it is not UTF-8."})
  static final class Show implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--table", description = "Target table, e.g. silver.commerce_events.")
    String table;

    @Option(names = "--rule", description = "Rule id, e.g. parse.json.")
    String rule;

    @Option(names = "--id", paramLabel = "QUARANTINE_ID", description = "Show this one record whole (held or replayed).")
    String id;

    @Option(names = "--limit", defaultValue = "20", description = "Rows to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-quarantine");
      Dataset<Row> quarantine = lakehouse.spark().table(OpsTables.QUARANTINE);
      if (id != null) {
        List<Row> found = quarantine.where(col("quarantine_id").equalTo(id)).takeAsList(1);
        if (found.isEmpty()) {
          throw new IllegalArgumentException("Cannot show quarantined record " + id + ": no such quarantine_id in ops.quarantine");
        }
        System.out.print(HeldRecord.describe(found.get(0)));
        return 0;
      }
      // filters are Columns: the values never become SQL text
      Column held = col("replayed_at").isNull();
      if (table != null) {
        held = held.and(col("target_table").equalTo(table));
      }
      if (rule != null) {
        held = held.and(col("rule_id").equalTo(rule));
      }
      Printing.table(quarantine.where(held)
          .orderBy(col("quarantined_at"), col("_kafka_offset"))
          .select(col("quarantine_id"), col("target_table"), col("rule_id"), col("reason"), col("_kafka_topic"),
              col("_kafka_partition"), col("_kafka_offset"), col("raw_size_bytes"),
              substring(decode(coalesce(col("edited_value"), col("raw_value")), "UTF-8"), 1, 80).as("value")), limit);
      return 0;
    }
  }

  @Command(name = "replay", mixinStandardHelpOptions = true,
      description = {"Replay held records of a table after a fix: a corrected parser, a relaxed rule, or an edited value.",
          "Records that now parse and pass the quality gate are merged and marked replayed; replaying again changes nothing."})
  static final class Replay implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--table", required = true, description = "Target table, e.g. silver.commerce_events.")
    String table;

    @Option(names = "--rule", description = "Replay only records that broke this rule.")
    String rule;

    @Option(names = "--set-value", paramLabel = "ID=VALUE",
        description = {"Replay record ID with this corrected value (repeatable).",
            "ID=@FILE reads the value from FILE, byte for byte (see quarantine show --id ID for the held value)."})
    java.util.Map<String, String> edits = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-quarantine");
      QuarantineReplay replay = new QuarantineReplay(lakehouse.config(), lakehouse.catalog());
      edits.forEach((id, value) -> replay.edit(lakehouse.spark(), id, HeldRecord.editedValue(id, value)));
      QuarantineReplay.Outcome outcome = replay.replay(lakehouse.spark(), table, rule);
      System.out.printf("Replay %s of %s: %,d held, %,d published, %,d still failing (see bin/lakehouse quarantine show --table %s)%n",
          outcome.runId(), table, outcome.held(), outcome.published(), outcome.stillFailing(), table);
      return 0;
    }
  }
}
