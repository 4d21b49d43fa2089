package dev.lakehouse.cli;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.catalog.TableDefinition;
import dev.lakehouse.ops.OpsTables;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "tables", mixinStandardHelpOptions = true,
    description = "Create, list and describe the tables declared in tables/<layer>/<domain>_<entity>.sql.",
    subcommands = {TablesCommand.ListTables.class, TablesCommand.CreateTables.class, TablesCommand.DescribeTable.class})
final class TablesCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    return new ListTables().list(options);
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List declared tables with rows, Delta version and grain.")
  static final class ListTables implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Override
    public Integer call() {
      return list(options);
    }

    Integer list(ConfigOptions options) {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-tables");
      System.out.printf("%-30s %12s %8s  %s%n", "table", "rows", "version", "grain");
      for (TableDefinition table : lakehouse.catalog().definitions()) {
        String location = lakehouse.catalog().location(table.name());
        long rows = lakehouse.spark().table(table.name()).count();
        long version = OpsTables.latestVersion(lakehouse.spark(), location);
        System.out.printf("%-30s %,12d %8d  %s%n", table.name(), rows, version, table.grain());
      }
      return 0;
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create every declared table that does not exist yet (existing ones are left as they are).")
  static final class CreateTables implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-tables");
      lakehouse.catalog().registerAll(lakehouse.spark());
      lakehouse.catalog().definitions().forEach(t ->
          System.out.printf("  %-30s %s%n", t.name(), lakehouse.catalog().location(t.name())));
      System.out.println(lakehouse.catalog().definitions().size() + " tables ready under " + lakehouse.config().path("tables"));
      return 0;
    }
  }

  @Command(name = "describe", mixinStandardHelpOptions = true, description = "Columns, comments, location, version and grain of a table.")
  static final class DescribeTable implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(paramLabel = "TABLE", description = "e.g. silver.commerce_events")
    String name;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-tables");
      TableDefinition table = lakehouse.catalog().definition(name);
      SparkSession spark = lakehouse.spark();
      String location = lakehouse.catalog().location(table.name());
      System.out.println(table.name() + " — " + table.grain());
      System.out.println("location: " + location);
      System.out.println("version:  " + OpsTables.latestVersion(spark, location));
      Printing.table(spark.sql("DESCRIBE TABLE " + table.name()), 500);
      return 0;
    }
  }
}
