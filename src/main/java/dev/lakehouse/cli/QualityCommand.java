package dev.lakehouse.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.amazon.deequ.profiles.ColumnProfile;
import com.amazon.deequ.profiles.ColumnProfilerRunner;
import com.amazon.deequ.profiles.NumericColumnProfile;
import com.amazon.deequ.suggestions.ConstraintSuggestion;
import com.amazon.deequ.suggestions.ConstraintSuggestionResult;
import com.amazon.deequ.suggestions.ConstraintSuggestionRunner;
import com.amazon.deequ.suggestions.Rules;
import dev.lakehouse.Lakehouse;
import dev.lakehouse.quality.CheckOutcome;
import dev.lakehouse.quality.QualityGate;
import dev.lakehouse.quality.RunKey;
import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import scala.collection.JavaConverters;

@Command(name = "quality", mixinStandardHelpOptions = true,
    description = "Run a table's quality suite on demand, suggest a starting suite, or profile a table's columns.",
    subcommands = {QualityCommand.RunSuite.class, QualityCommand.Suggest.class, QualityCommand.Profile.class})
final class QualityCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Run the suite of a table (quality/<layer>/<entity>.yaml) and print each rule's outcome; exits 1 on an error-level failure.")
  static final class RunSuite implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(paramLabel = "TABLE")
    String table;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Check only this date partition.")
    LocalDate date;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-quality");
      lakehouse.catalog().definition(table);
      QualityGate gate = new QualityGate(lakehouse.catalog());
      if (!gate.guards(table)) {
        throw new IllegalArgumentException(String.format(
            "Cannot run quality for %s: it has no suite; write quality/%s.yaml (start from `bin/lakehouse quality suggest %s`)",
            table, table.replace('.', '/'), table));
      }
      Dataset<Row> data = lakehouse.spark().table(table);
      Instant reference = Instant.now();
      if (date != null) {
        data = data.filter(col(datePartition(lakehouse, table)).equalTo(lit(Date.valueOf(date))));
        reference = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      QualityGate.SuiteRun run = gate.evaluate(lakehouse.spark(), data, new RunKey(table, RunKey.ON_DEMAND, null, date, reference));
      print(run.outcomes());
      System.out.printf("%s%s: %,d rows checked, run %s (in ops.quality_results)%n", table, date == null ? "" : " " + date,
          run.checkedRows(), run.runId());
      List<CheckOutcome> failures = run.outcomes().stream().filter(CheckOutcome::isErrorFailure).toList();
      if (!failures.isEmpty()) {
        throw new IllegalStateException(String.format("Quality suite of %s failed %d error check%s: %s; see ops.quality_results where run_id = '%s'",
            table, failures.size(), failures.size() == 1 ? "" : "s",
            String.join("; ", failures.stream().map(CheckOutcome::summary).toList()), run.runId()));
      }
      return 0;
    }

    private static String datePartition(Lakehouse lakehouse, String table) {
      Row detail = DeltaTable.forPath(lakehouse.spark(), lakehouse.catalog().location(table)).detail().select("partitionColumns").head();
      List<String> partitions = JavaConverters.seqAsJavaList(detail.getSeq(0));
      if (partitions.isEmpty()) {
        throw new IllegalArgumentException("Cannot check " + table + " by --date: it has no date partition; run it without --date");
      }
      return partitions.get(0);
    }

    private static void print(List<CheckOutcome> outcomes) {
      System.out.printf("%-28s %-8s %-10s %-8s %14s  %s%n", "rule", "level", "kind", "status", "metric", "message");
      for (CheckOutcome o : outcomes) {
        System.out.printf("%-28s %-8s %-10s %-8s %14s  %s%n", o.ruleId(), o.level(), o.kind(), o.passed() ? "pass" : "FAIL",
            o.metricValue() == null ? "" : String.format("%.4f", o.metricValue()), o.message() == null ? "" : o.message());
      }
    }
  }

  @Command(name = "suggest", mixinStandardHelpOptions = true,
      description = "Print a starting suite for a table from its data (Deequ constraint suggestion), in the suite YAML format.")
  static final class Suggest implements Callable<Integer> {
    private static final Pattern COMPLETE = Pattern.compile("\\.isComplete\\(\"([^\"]+)\"\\)");
    private static final Pattern UNIQUE = Pattern.compile("\\.isUnique\\(\"([^\"]+)\"\\)");
    private static final Pattern NON_NEGATIVE = Pattern.compile("\\.isNonNegative\\(\"([^\"]+)\"\\)");
    private static final Pattern CONTAINED = Pattern.compile("^\\.isContainedIn\\(\"([^\"]+)\", Array\\(([^)]*)\\)\\)$");
    private static final Pattern COMPLETENESS = Pattern.compile("\\.hasCompleteness\\(\"([^\"]+)\", _ >= ([0-9.]+)");

    @Mixin ConfigOptions options;

    @Parameters(paramLabel = "TABLE")
    String table;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-quality");
      lakehouse.catalog().definition(table);
      Dataset<Row> data = withoutLineage(lakehouse.spark().table(table));
      ConstraintSuggestionResult result = new ConstraintSuggestionRunner().onData(data).addConstraintRules(Rules.DEFAULT()).run();
      System.out.println("# Suggested by Deequ from " + result.numRecordsUsedForProfiling() + " rows of " + table + "; review before use.");
      System.out.println("table: " + table);
      System.out.println("rules:");
      for (Map.Entry<String, scala.collection.Seq<ConstraintSuggestion>> column
          : new java.util.TreeMap<>(JavaConverters.mapAsJavaMap(result.constraintSuggestions())).entrySet()) {
        for (ConstraintSuggestion suggestion : JavaConverters.seqAsJavaList(column.getValue())) {
          System.out.println(yaml(suggestion.codeForConstraint(), suggestion.description()));
        }
      }
      return 0;
    }

    static String yaml(String code, String description) {
      Matcher m;
      if ((m = COMPLETE.matcher(code)).find()) {
        return String.format("  - {id: %s_complete, check: complete, column: %s}", m.group(1), m.group(1));
      }
      if ((m = UNIQUE.matcher(code)).find()) {
        return String.format("  - {id: %s_unique, check: unique, columns: [%s]}", m.group(1), m.group(1));
      }
      if ((m = NON_NEGATIVE.matcher(code)).find()) {
        return String.format("  - {id: %s_non_negative, check: range, column: %s, min: 0}", m.group(1), m.group(1));
      }
      if ((m = CONTAINED.matcher(code)).find()) {
        return String.format("  - {id: %s_allowed, check: allowed_values, column: %s, values: [%s]}", m.group(1), m.group(1), m.group(2));
      }
      if ((m = COMPLETENESS.matcher(code)).find()) {
        return String.format("  - {id: %s_completeness, check: completeness, column: %s, min: %s}", m.group(1), m.group(1), m.group(2));
      }
      return "  # " + description + ": " + code;
    }
  }

  @Command(name = "profile", mixinStandardHelpOptions = true, description = "Column profiles of a table (Deequ column profiler).")
  static final class Profile implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(paramLabel = "TABLE")
    String table;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-quality");
      lakehouse.catalog().definition(table);
      Dataset<Row> data = withoutLineage(lakehouse.spark().table(table));
      Map<String, ColumnProfile> profiles = JavaConverters.mapAsJavaMap(new ColumnProfilerRunner().onData(data).run().profiles());
      System.out.printf("%-24s %-10s %12s %14s %16s %16s %16s%n", "column", "type", "completeness", "approx_distinct", "min", "max", "mean");
      for (String column : data.columns()) {
        ColumnProfile p = profiles.get(column);
        if (p == null) {
          continue;
        }
        String min = "", max = "", mean = "";
        if (p instanceof NumericColumnProfile n) {
          min = n.minimum().isDefined() ? String.format("%.4g", (double) n.minimum().get()) : "";
          max = n.maximum().isDefined() ? String.format("%.4g", (double) n.maximum().get()) : "";
          mean = n.mean().isDefined() ? String.format("%.4g", (double) n.mean().get()) : "";
        }
        System.out.printf("%-24s %-10s %12.4f %14d %16s %16s %16s%n", column, p.dataType(), p.completeness(),
            p.approximateNumDistinctValues(), min, max, mean);
      }
      return 0;
    }
  }

  /** The table's own columns: lineage ('_' columns) says where rows came from, not what they hold. */
  static Dataset<Row> withoutLineage(Dataset<Row> table) {
    return table.drop(java.util.Arrays.stream(table.columns()).filter(c -> c.startsWith("_")).toArray(String[]::new));
  }
}
