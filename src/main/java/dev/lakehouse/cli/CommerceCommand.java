package dev.lakehouse.cli;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.commerce.CommercePublish;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "commerce", mixinStandardHelpOptions = true,
    description = {"Commerce: daily gold tables, and the streaming gold (behaviour, sessions, sales, anomalies).",
        "The products and customers dimensions are loaded from files with `load` (silver.commerce_products, _customers)."},
    subcommands = {CommerceCommand.Publish.class, CommerceStreamCommand.class})
final class CommerceCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
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
