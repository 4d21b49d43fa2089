package dev.lakehouse.cli;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.ops.TableMaintenance;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "maintain", mixinStandardHelpOptions = true,
    description = "Delta table maintenance: OPTIMIZE (compaction, Z-ordering) and VACUUM with a safe retention.",
    subcommands = {MaintainCommand.Optimize.class, MaintainCommand.Vacuum.class})
final class MaintainCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "optimize", mixinStandardHelpOptions = true,
      description = "Compact a table's small files; with --zorder-by, cluster the data by the columns filters use.")
  static final class Optimize implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--table", required = true, paramLabel = "TABLE", description = "e.g. silver.finance_payments.")
    String table;

    @Option(names = "--zorder-by", split = ",", paramLabel = "COLUMN", description = "Columns to Z-order by (not partition columns).")
    List<String> zOrderBy = List.of();

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-maintain");
      TableMaintenance.Optimized done = new TableMaintenance(lakehouse.catalog()).optimize(lakehouse.spark(), table, zOrderBy);
      System.out.printf("Optimized %s%s: %,d files removed, %,d added%n", done.table(),
          done.zOrderBy().isEmpty() ? "" : " (Z-ordered by " + String.join(", ", done.zOrderBy()) + ")",
          done.filesRemoved(), done.filesAdded());
      return 0;
    }
  }

  @Command(name = "vacuum", mixinStandardHelpOptions = true,
      description = "Delete the files no table version younger than the retention needs (every table, or --table).")
  static final class Vacuum implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--table", paramLabel = "TABLE", description = "One table (default: every table in tables/).")
    String table;

    @Option(names = "--retain", defaultValue = "168h", paramLabel = "DURATION",
        description = "Keep files younger than this, e.g. 168h or 30d; at least 168h (default: ${DEFAULT-VALUE}).")
    String retain;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Duration retention;
      try {
        retention = parse(retain);
        if (retention.compareTo(TableMaintenance.MIN_RETENTION) < 0) {
          throw new IllegalArgumentException("Invalid --retain " + retain + ": must be at least "
              + TableMaintenance.MIN_RETENTION.toHours() + "h so running streams and time-travel readers keep their files");
        }
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-maintain");
      TableMaintenance maintenance = new TableMaintenance(lakehouse.catalog());
      List<String> tables = table == null ? maintenance.tables() : List.of(table);
      for (String t : tables) {
        maintenance.vacuum(lakehouse.spark(), t, retention);
        System.out.printf("Vacuumed %s (retaining %dh)%n", t, retention.toHours());
      }
      return 0;
    }

    static Duration parse(String text) {
      String t = text.trim().toLowerCase(Locale.ROOT);
      try {
        if (t.endsWith("h")) {
          return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        if (t.endsWith("d")) {
          return Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
        }
      } catch (NumberFormatException e) {
        // falls through to the message below
      }
      throw new IllegalArgumentException("Invalid --retain " + text + ": give hours or days, e.g. 168h or 7d");
    }
  }
}
