package dev.lakehouse.cli;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.commerce.CommerceLoad;
import dev.lakehouse.commerce.CommercePublish;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "commerce", mixinStandardHelpOptions = true,
    description = "Commerce: dimensions, daily gold tables, and the streaming gold (behaviour, sessions, sales, anomalies).",
    subcommands = {CommerceCommand.Load.class, CommerceCommand.Publish.class, CommerceStreamCommand.class})
final class CommerceCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  @Command(name = "load", mixinStandardHelpOptions = true,
      description = {"Load the generator's product catalogue and customers as of the start of --date into the type 2",
          "dimensions silver.commerce_products and silver.commerce_customers: a changed list price (or category, brand,",
          "user agent) closes the current version and opens a new one. Run it before refine, so events and orders find",
          "their products; loading the same date again changes nothing."})
  static final class Load implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "UTC date the versions start.")
    LocalDate date;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the generated catalogue (default: generate.seed).")
    Long seed;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-commerce-load");
      load(lakehouse, seed != null ? seed : lakehouse.config().generate().seed(), date);
      return 0;
    }

    static CommerceLoad.Loaded load(Lakehouse lakehouse, long seed, LocalDate date) {
      CommerceLoad.Loaded loaded = new CommerceLoad(lakehouse.catalog()).load(lakehouse.spark(), seed, date);
      System.out.printf("Loaded %s as of %s: %,d versions opened, %,d closed, %,d corrected%n", CommerceLoad.PRODUCTS, date,
          loaded.products().opened(), loaded.products().closed(), loaded.products().replaced());
      System.out.printf("Loaded %s as of %s: %,d versions opened, %,d closed, %,d corrected%n", CommerceLoad.CUSTOMERS, date,
          loaded.customers().opened(), loaded.customers().closed(), loaded.customers().replaced());
      return loaded;
    }
  }

  @Command(name = "publish", mixinStandardHelpOptions = true,
      description = {"Write the day's gold.commerce_sales_daily, gold.commerce_funnel_daily and gold.commerce_stock_daily",
          "behind their quality gates (quality/gold/). Publishing a date again replaces that date only."})
  static final class Publish implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "UTC date to publish.")
    LocalDate date;

    @Override
    public Integer call() {
      publish(Lakehouse.open(options.config(), "lakehouse-commerce-publish"), date);
      return 0;
    }

    static CommercePublish.Published publish(Lakehouse lakehouse, LocalDate date) {
      CommercePublish.Published published = new CommercePublish(lakehouse.catalog())
          .publish(lakehouse.spark(), date, lakehouse.config().commerce().lowStockUnits());
      System.out.printf("Published %s: %s %,d row, %s %,d rows, %s %,d rows; %d new stock alert(s)%n", date,
          CommercePublish.SALES, published.salesRows(), CommercePublish.FUNNEL, published.funnelRows(),
          CommercePublish.STOCK, published.stockRows(), published.stockAlerts());
      return published;
    }
  }
}
