package dev.lakehouse.cli;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.catalog.TableDefinition;
import dev.lakehouse.commerce.stream.CommerceStreams;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.finance.market.BacktestJob;
import dev.lakehouse.finance.market.RiskJob;
import dev.lakehouse.finance.market.StressJob;
import dev.lakehouse.finance.scoring.FraudModel;
import dev.lakehouse.finance.scoring.FraudTraining;
import dev.lakehouse.generate.Anomaly;
import dev.lakehouse.generate.GeneratorSettings;
import dev.lakehouse.generate.ReferenceFiles;
import dev.lakehouse.kafka.KafkaAdmin;
import dev.lakehouse.kafka.LocalKafkaBroker;
import dev.lakehouse.load.LoadRequest;
import dev.lakehouse.refine.RefineJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"The main job on embedded defaults: start a local Kafka broker, generate a compressed day of",
        "traffic for all domains (with anomalies and malformed records), ingest it into bronze, write the generator's",
        "catalogue, customers and market history to CSV files and `load` them as a user loads theirs, refine silver,",
        "and print what was built and how to query it."})
final class DemoCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;
  @Mixin GenerateCommand.Options generate;

  @Option(names = "--external-kafka", description = "Use the brokers in kafka.bootstrap-servers instead of starting one.")
  boolean externalKafka;

  @Option(names = "--load-only",
      description = {"Only load the day: generate, ingest, refine it into silver and load the market history up to its last",
          "trading day; build no gold table, model or report. Leaves the day's jobs (the Airflow DAGs) to run on it."})
  boolean loadOnly;

  @Option(names = "--serve",
      description = {"After the demo, keep the web dashboard up (serve.host, serve.http-port) with a slow live trickle of",
          "the next day's generated events through the pipeline, until Ctrl-C."})
  boolean serve;

  private long started;

  @Override
  public Integer call() throws Exception {
    started = System.nanoTime();
    if (serve && loadOnly) {
      throw new IllegalArgumentException("Invalid --serve with --load-only: the dashboard shows gold tables, which --load-only "
          + "does not build");
    }
    LakehouseConfig config = options.config();
    step(1, "Kafka");
    LocalKafkaBroker broker = externalKafka ? null : startBroker(config);
    if (broker != null) {
      config = config.withBootstrapServers(broker.bootstrapServers());
    }
    try {
      if (externalKafka) {
        KafkaAdmin.awaitReady(config.kafka().bootstrapServers(), config.kafka().connectTimeout());
      }
      step(2, "generate");
      GeneratorSettings settings = generate.settings(config);
      if (generate.anomalies.isEmpty()) {
        settings = new GeneratorSettings(settings.seed(), settings.day(), settings.malformedFraction(), EnumSet.allOf(Anomaly.class));
      }
      GenerateCommand.publish(config, settings, generate.count(config), 0);
      step(3, "Spark session and tables");
      Lakehouse lakehouse = Lakehouse.open(config, "lakehouse-demo");
      step(4, "ingest Kafka -> bronze (available now)");
      IngestCommand.run(lakehouse, config.ingest().topics(), true);
      Path files = filesDirectory(config, settings.day());
      step(5, "commerce dimensions: the generator's products and customers written to " + files
          + " and loaded with `load`, then refine bronze -> silver (available now)");
      LocalDate day = settings.day();
      ReferenceFiles.commerce(files, settings.seed()).forEach((table, file) -> load(lakehouse, table, file, day));
      RefineCommand.run(lakehouse, RefineJob.targets(lakehouse.catalog()), true);
      LocalDate riskDate = GenerateCommand.lastTradingDay(settings.day());
      if (loadOnly) {
        step(6, "market history up to " + riskDate + " written to files and loaded (--load-only: no gold tables, models or report)");
        loadMarket(lakehouse, files, settings.seed(), riskDate);
        summarizeLoad(lakehouse, settings.day());
        return 0;
      }
      step(6, "commerce: streaming gold (behaviour, sessions, 5-minute sales, revenue anomalies; available now), "
          + "then the day's sales, funnel and stock gold tables (quality gated)");
      CommerceStreamCommand.run(lakehouse, true, CommerceStreams.ORDERS);
      CommerceCommand.Publish.publish(lakehouse, settings.day());
      step(7, "logs: streaming detectors (available now), then the day's gold tables and report");
      LogsCommand.Detect.run(lakehouse, true);
      LogsCommand.Publish.publish(lakehouse, settings.day());
      step(8, "finance: fraud model, fraud scoring (available now), market history (files, `load`), VaR, stress tests "
          + "and backtest");
      // the model learns from today's labelled payments and is checked on a day of another world too
      Path otherWorld = files.resolve("payments-seed-" + (settings.seed() + 1) + ".jsonl");
      GenerateCommand.Payments.payments(otherWorld, new GeneratorSettings(settings.seed() + 1, settings.day(), 0.0,
          settings.anomalies(), settings.fraudRate()), 150_000);
      FinanceCommand.Train.run(lakehouse, new FraudTraining.Options(FraudModel.Params.defaults(), 0.2, 50, 0.01,
          Optional.of(otherWorld.toString()), Optional.empty()));
      FinanceCommand.ScorePayments.run(lakehouse, true);
      loadMarket(lakehouse, files, settings.seed(), riskDate);
      new RiskJob(config, lakehouse.catalog()).run(lakehouse.spark(), riskDate);
      new StressJob(lakehouse.catalog()).run(lakehouse.spark(), riskDate, List.of());
      new BacktestJob(config, lakehouse.catalog()).run(lakehouse.spark(), riskDate);
      ReportCommand.write(lakehouse, settings.day(), null);
      step(9, "summary");
      summarize(lakehouse);
      if (serve) {
        DemoTrickle.run(lakehouse, settings);
      }
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
    return 0;
  }

  private static LocalKafkaBroker startBroker(LakehouseConfig config) {
    Path data = Path.of(config.path("kafka"));
    LocalKafkaBroker broker = LocalKafkaBroker.start(data, config.kafka().port(), config.kafka().port() + 1);
    System.out.println("  broker at " + broker.bootstrapServers() + ", data in " + data);
    return broker;
  }

  // the generator's end-of-day history as a vendor's files, loaded as a user loads theirs
  private static void loadMarket(Lakehouse lakehouse, Path files, long seed, LocalDate last) {
    ReferenceFiles.market(files, seed, last.minusYears(3), last).byTable()
        .forEach((table, file) -> load(lakehouse, table, file, null));
  }

  private static void load(Lakehouse lakehouse, String table, Path file, LocalDate asOf) {
    LoadCommand.run(lakehouse, LoadRequest.of(table, List.of(file.toString()), Optional.ofNullable(asOf), Instant.now()));
  }

  // the generated files live with the data (a local home), or in a temporary directory
  private static Path filesDirectory(LakehouseConfig config, LocalDate day) throws IOException {
    return config.home().contains("://") ? Files.createTempDirectory("lakehouse-demo-files")
        : Path.of(config.path("demo/files/" + day));
  }

  private void summarizeLoad(Lakehouse lakehouse, LocalDate day) {
    System.out.printf("%-30s %12s%n", "table", "rows");
    for (TableDefinition table : lakehouse.catalog().definitions()) {
      if (table.name().startsWith("silver.")) {
        System.out.printf("%-30s %,12d%n", table.name(), lakehouse.spark().table(table.name()).count());
      }
    }
    System.out.printf("%nLoaded in %.1fs. Publish the day with: commerce publish, logs publish and finance compliance"
        + " --date %s, then report --date %s (the daily_report DAG runs them).%n", (System.nanoTime() - started) / 1e9, day, day);
  }

  private void step(int number, String what) {
    System.out.printf("%n[%d/9 %5.1fs] %s%n", number, (System.nanoTime() - started) / 1e9, what);
  }

  private void summarize(Lakehouse lakehouse) {
    System.out.printf("%-30s %12s%n", "table", "rows");
    for (TableDefinition table : lakehouse.catalog().definitions()) {
      System.out.printf("%-30s %,12d%n", table.name(), lakehouse.spark().table(table.name()).count());
    }
    System.out.println();
    System.out.println("Quarantined records by table and rule:");
    Printing.table(lakehouse.spark().sql(
        "SELECT target_table, rule_id, count(*) AS records FROM ops.quarantine GROUP BY 1, 2 ORDER BY 1, 3 DESC"), 50);
    System.out.println();
    System.out.println("Quality gate (quality/silver/*.yaml, quality/gold/*.yaml) outcomes over all runs:");
    Printing.table(lakehouse.spark().sql(
        "SELECT table_name, rule_id, rule_level, count_if(constraint_status = 'Success') AS passed, "
            + "count_if(constraint_status = 'Failure') AS failed, sum(quarantined_rows) AS quarantined "
            + "FROM ops.quality_results GROUP BY 1, 2, 3 ORDER BY 1, 2"), 50);
    System.out.println();
    System.out.println("Commerce gold quality gates (quality/gold/commerce_*.yaml) of the day:");
    Printing.table(lakehouse.spark().sql(
        "SELECT table_name, rule_id, rule_level, constraint_status, constraint_message FROM ops.quality_results "
            + "WHERE table_name LIKE 'gold.commerce_%' ORDER BY 1, 2"), 30);
    System.out.println();
    System.out.println("Commerce sales of the day, and order lines flagged:");
    Printing.table(lakehouse.spark().sql(
        "SELECT sales_date, round(revenue_cents / 100, 2) AS revenue_eur, orders, round(average_order_value_cents / 100, 2) AS aov_eur, "
            + "flagged_lines, top_categories[0].category AS top_category FROM gold.commerce_sales_daily ORDER BY 1"), 5);
    Printing.table(lakehouse.spark().sql(
        "SELECT flag, count(*) AS lines FROM silver.commerce_orders LATERAL VIEW explode(flags) f AS flag GROUP BY 1 ORDER BY 2 DESC"), 5);
    System.out.println();
    System.out.println("Commerce funnel by category and stock at the end of the day:");
    Printing.table(lakehouse.spark().sql(
        "SELECT category, viewing_sessions, carting_sessions, purchasing_sessions, round(view_to_purchase_rate, 3) AS conversion "
            + "FROM gold.commerce_funnel_daily ORDER BY viewing_sessions DESC"), 10);
    Printing.table(lakehouse.spark().sql(
        "SELECT stock_date, count(*) AS products, count_if(is_out_of_stock) AS out_of_stock, count_if(is_low_stock) AS low_stock, "
            + "sum(stock_outs) AS stock_outs FROM gold.commerce_stock_daily GROUP BY 1 ORDER BY 1"), 5);
    System.out.println();
    System.out.println("Security findings and blacklist (logs):");
    Printing.table(lakehouse.spark().sql(
        "SELECT f.kind, f.ip, f.detector, f.events, f.detail, b.entry IS NOT NULL AS blacklisted FROM gold.logs_security_findings f "
            + "LEFT JOIN gold.logs_ip_blacklist b ON f.ip = b.entry ORDER BY f.events DESC"), 10);
    System.out.println();
    System.out.println("Market risk of the portfolios (historical simulation, 1 day) and the worst stress scenario:");
    Printing.table(lakehouse.spark().sql(
        "SELECT r.risk_date, r.portfolio_id, round(r.portfolio_value) AS value, round(v95.value_at_risk) AS var_95, "
            + "round(r.value_at_risk) AS var_99, round(es.expected_shortfall) AS es_975, b.zone AS backtest, "
            + "s.scenario AS worst_scenario, round(s.pnl) AS worst_pnl "
            + "FROM gold.finance_risk_daily r "
            + "JOIN gold.finance_risk_daily v95 ON v95.risk_date = r.risk_date AND v95.portfolio_id = r.portfolio_id "
            + "AND v95.method = r.method AND v95.horizon_days = 1 AND v95.confidence = 0.95 "
            + "JOIN gold.finance_risk_daily es ON es.risk_date = r.risk_date AND es.portfolio_id = r.portfolio_id "
            + "AND es.method = r.method AND es.horizon_days = 1 AND es.confidence = 0.975 "
            + "LEFT JOIN gold.finance_backtest b ON b.backtest_date = r.risk_date AND b.portfolio_id = r.portfolio_id "
            + "LEFT JOIN (SELECT *, row_number() OVER (PARTITION BY stress_date, portfolio_id ORDER BY pnl) AS n "
            + "FROM gold.finance_stress_results) s ON s.stress_date = r.risk_date AND s.portfolio_id = r.portfolio_id AND s.n = 1 "
            + "WHERE r.method = 'historical' AND r.horizon_days = 1 AND r.confidence = 0.99 ORDER BY 2"), 10);
    System.out.println();
    System.out.println("Fraud scoring: payments by reason code and alerts raised:");
    Printing.table(lakehouse.spark().sql(
        "SELECT reason, count(*) AS payments, count_if(is_alert) AS alerted, count_if(is_fraud) AS labelled_fraud "
            + "FROM gold.finance_payment_scores LATERAL VIEW explode(reason_codes) r AS reason GROUP BY 1 ORDER BY 2 DESC"), 12);
    System.out.println();
    System.out.println("Fraud models (ops.model_registry):");
    Printing.table(lakehouse.spark().sql(
        "SELECT name, version, status, round(metrics['holdout.model.auc_pr'], 4) AS model_auc_pr, "
            + "round(metrics['holdout.rules.auc_pr'], 4) AS rules_auc_pr, "
            + "round(metrics['other_data.model.auc_pr'], 4) AS other_world_model, "
            + "round(metrics['other_data.rules.auc_pr'], 4) AS other_world_rules FROM ops.model_registry ORDER BY name, version"), 10);
    System.out.println();
    System.out.println("Alerts:");
    Printing.table(lakehouse.spark().sql(
        "SELECT domain, rule, severity, subject, window_start, message FROM ops.alerts ORDER BY domain, first_seen_at"), 20);
    System.out.println();
    System.out.println("Top event types in silver.commerce_events:");
    Printing.table(lakehouse.spark().sql(
        "SELECT event_type, count(*) AS events, count(DISTINCT user_id) AS users FROM silver.commerce_events GROUP BY 1 ORDER BY 2 DESC"), 10);
    Map<String, String> env = Map.of("home", lakehouse.config().home());
    System.out.printf("%nDone in %.1fs. Data is under %s. Query it with:%n", (System.nanoTime() - started) / 1e9,
        lakehouse.config().path(""));
    System.out.println("  bin/lakehouse sql -e \"select event_type, count(*) from silver.commerce_events group by 1\"");
    System.out.println("  bin/lakehouse sql -e \"select rule_id, reason, _kafka_offset from ops.quarantine limit 20\"");
    System.out.println("  bin/lakehouse tables list");
    System.out.println("  bin/lakehouse quality run silver.commerce_events");
    System.out.println("  bin/lakehouse quarantine list");
    System.out.println("  bin/lakehouse logs blacklist list");
    System.out.println("  open " + lakehouse.config().path("reports/logs") + "/<date>/report.html");
    System.out.println("  bin/lakehouse sql          (an interactive prompt; end statements with ';')");
    if (!env.get("home").equals("./lakehouse-data")) {
      System.out.println("  (with the same LAKEHOUSE_HOME / --conf home=" + env.get("home") + ")");
    }
    LakehouseConfig.Serve web = lakehouse.config().serve();
    System.out.printf("%nThe live dashboard: bin/lakehouse serve, then open http://%s:%d/ (commerce, logs, finance, operations);%n"
        + "  bin/lakehouse demo --serve runs the demo and keeps the dashboard up with a live trickle of events.%n",
        web.host().contains(":") ? "[" + web.host() + "]" : web.host(), web.httpPort());
  }
}
