package dev.lakehouse.cli;

import dev.lakehouse.Timings;
import dev.lakehouse.Lakehouse;
import dev.lakehouse.quality.GatedWrite;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.logs.analyze.LogAnalyzer;
import dev.lakehouse.logs.analyze.LogInputs;
import dev.lakehouse.logs.analyze.LogReports;
import dev.lakehouse.logs.analyze.LogsGold;
import dev.lakehouse.logs.analyze.WebLogAnalysis;
import dev.lakehouse.logs.analyze.WebLogReport;
import dev.lakehouse.logs.blacklist.IpBlacklist;
import dev.lakehouse.logs.blacklist.IpRange;
import dev.lakehouse.logs.detect.LogDetectors;
import dev.lakehouse.logs.parse.LogFormat;
import dev.lakehouse.spark.Sessions;
import dev.lakehouse.spark.StreamingQueries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

@Command(name = "logs", mixinStandardHelpOptions = true,
    description = "Log analysis: analyze files, publish the daily gold tables, run the streaming detectors, keep the IP blacklist.",
    subcommands = {LogsCommand.Analyze.class, LogsCommand.Publish.class, LogsCommand.Detect.class, LogsCommand.Blacklist.class})
final class LogsCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  static WebLogAnalysis.Thresholds thresholds(LakehouseConfig config) {
    return new WebLogAnalysis.Thresholds(config.logs().scannerDistinct404(), config.logs().bruteForceFailedLogins());
  }

  @Command(name = "analyze", mixinStandardHelpOptions = true,
      description = {"Analyze web access log files: data quality, traffic, errors, performance and security.",
          "Writes report.json and report.html (self-contained, charts included) to --out.",
          "With --publish, also writes the gold tables of every date found and quarantines rejected lines."})
  static final class Analyze implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, directories or globs (quote globs: 'logs/*.log').")
    List<String> inputs;

    @Option(names = "--format", defaultValue = LogInputs.AUTO,
        description = "auto (detect per file) or a format: apache-common, apache-combined, apache-combined-vhost, "
            + "apache-common-vhost, nginx (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the report goes (default: <home>/reports/logs-analyze).")
    Path out;

    @Option(names = "--publish", description = "Also publish gold.logs_traffic_hourly, logs_errors_daily and logs_security_findings.")
    boolean publish;

    @Option(names = "--date", split = ",", paramLabel = "YYYY-MM-DD",
        description = "With --publish: the dates to publish, which the files must hold completely (publishing replaces the "
            + "whole day in gold).")
    List<LocalDate> dates;

    @Override
    public Integer call() {
      LakehouseConfig config = options.config();
      if (!LogInputs.AUTO.equalsIgnoreCase(format)) {
        LogFormat.fromName(format);
      }
      if (publish && (dates == null || dates.isEmpty())) {
        throw new ParameterException(new CommandLine(this), "--publish needs --date D[,D...]: publishing replaces whole days "
            + "in gold, so name the days the files hold completely");
      }
      if (!publish && dates != null) {
        throw new ParameterException(new CommandLine(this), "--date is only for --publish");
      }
      Instant started = Instant.now();
      LogAnalyzer analyzer = new LogAnalyzer(thresholds(config));
      Lakehouse lakehouse = publish ? Lakehouse.open(config, "lakehouse-logs-analyze") : null;
      SparkSession spark = publish ? lakehouse.spark() : Sessions.session(config, "lakehouse-logs-analyze");
      Instant ready = Instant.now();
      LogAnalyzer.Outcome outcome = analyzer.analyzeFiles(spark, inputs, format, publish ? lakehouse.catalog() : null, dates);
      Path dir = out != null ? out : Path.of(config.path("reports/logs-analyze"));
      LogReports.Written written = LogReports.write(outcome.report(), dir, "Access log analysis");
      Instant done = Instant.now();
      print(outcome.report());
      // one line a script can read: the session start-up and the analysis proper (parse, figures, report files)
      System.out.printf(java.util.Locale.ROOT, "Timing: session start %.3f s, analysis %.3f s%n",
          Duration.between(started, ready).toMillis() / 1000.0, Duration.between(ready, done).toMillis() / 1000.0);
      if (outcome.published() != null) {
        LogsGold.Published p = outcome.published();
        System.out.printf("Published %d date(s) %s: %,d hours, %,d error rows, %,d findings%n", p.dates().size(), p.dates(),
            p.trafficHours(), p.errorRows(), p.findings());
      }
      System.out.println("Report: " + written.html());
      System.out.println("JSON:   " + written.json());
      return 0;
    }
  }

  @Command(name = "publish", mixinStandardHelpOptions = true,
      description = {"Publish the daily gold tables of a date from silver.logs_web_requests, through their quality gates,",
          "and write the day's report to <home>/reports/logs/<date>/. Re-publishing a date replaces that date only."})
  static final class Publish implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "UTC date to publish.")
    LocalDate date;

    @Override
    public Integer call() {
      publish(Lakehouse.open(options.config(), "lakehouse-logs-publish"), date);
      return 0;
    }

    static void publish(Lakehouse lakehouse, LocalDate date) {
      SparkSession spark = lakehouse.spark();
      String view = "lakehouse_logs_day";
      Dataset<Row> day = Timings.time("plan and cache the day's requests", () ->
          spark.table("silver.logs_web_requests").where(GatedWrite.onDate("request_date", date)).cache());
      try {
        day.createOrReplaceTempView(view);
        WebLogAnalysis.Thresholds thresholds = thresholds(lakehouse.config());
        LogsGold.Published published = new LogsGold(lakehouse.catalog())
            .publish(spark, view, List.of(date), "silver.logs_web_requests", thresholds);
        WebLogReport report = Timings.time("report figures", () ->
            new LogAnalyzer(thresholds).report(day, List.of("silver.logs_web_requests")));
        LogReports.Written written = Timings.time("report files", () -> LogReports.write(report,
            Path.of(lakehouse.config().path("reports/logs/" + date)), "Web traffic " + date));
        System.out.printf("Published %s: %,d requests, %,d hours, %,d error rows, %,d findings%n", date,
            report.traffic().requests(), published.trafficHours(), published.errorRows(), published.findings());
        System.out.println("Report: " + written.html());
      } finally {
        spark.catalog().dropTempView(view);
        day.unpersist();
      }
    }
  }

  @Command(name = "detect", mixinStandardHelpOptions = true,
      description = {"Streaming detectors over silver: per-IP 1-minute activity (gold.logs_ip_activity, alerts, blacklist)",
          "and per-service error rate and latency (gold.logs_service_health, alerts).",
          "Runs until Ctrl-C, or with --available-now processes what silver holds and exits."})
  static final class Detect implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--available-now", description = "Process what silver holds now, then exit.")
    boolean availableNow;

    @Override
    public Integer call() throws TimeoutException {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-logs-detect");
      run(lakehouse, availableNow);
      return 0;
    }

    static void run(Lakehouse lakehouse, boolean availableNow) throws TimeoutException {
      Trigger trigger = availableNow
          ? Trigger.AvailableNow()
          : Trigger.ProcessingTime(lakehouse.config().logs().detectTriggerInterval().toMillis());
      List<StreamingQuery> queries = new LogDetectors(lakehouse.config(), lakehouse.catalog()).start(lakehouse.spark(), trigger);
      if (!availableNow) {
        StreamingQueries.stopOnShutdown(queries, System.out);
      }
      StreamingQueries.awaitAll(queries, System.out, Duration.ofSeconds(10));
    }
  }

  @Command(name = "blacklist", mixinStandardHelpOptions = true,
      description = "The IP blacklist (gold.logs_ip_blacklist): requests from listed addresses are flagged in silver.",
      subcommands = {Blacklist.Add.class, Blacklist.Remove.class, Blacklist.ListEntries.class})
  static final class Blacklist implements Runnable {
    @Override
    public void run() {
      new CommandLine(this).usage(System.out);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "List an address or CIDR block.")
    static final class Add implements Callable<Integer> {
      @Mixin ConfigOptions options;

      @Parameters(paramLabel = "IP_OR_CIDR", converter = RangeConverter.class,
          description = "e.g. 203.0.113.7, 203.0.113.0/24, 2001:db8::/32")
      IpRange range;

      @Option(names = "--reason", required = true, description = "Why it is listed.")
      String reason;

      @Option(names = "--ttl", paramLabel = "DURATION", converter = DurationConverter.class,
          description = "How long it lasts, e.g. 1h, 7d (default: for good).")
      Duration ttl;

      @Override
      public Integer call() {
        Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-logs-blacklist");
        new IpBlacklist(lakehouse.catalog()).add(lakehouse.spark(),
            List.of(new IpBlacklist.Listing(range.entry(), reason, IpBlacklist.MANUAL, Instant.now(), ttl)));
        System.out.println("Listed " + range.entry() + (ttl == null ? " for good" : " for " + text(ttl)));
        return 0;
      }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an address or CIDR block.")
    static final class Remove implements Callable<Integer> {
      @Mixin ConfigOptions options;

      @Parameters(paramLabel = "IP_OR_CIDR", converter = RangeConverter.class)
      IpRange range;

      @Override
      public Integer call() {
        Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-logs-blacklist");
        boolean removed = new IpBlacklist(lakehouse.catalog()).remove(lakehouse.spark(), range.entry());
        System.out.println(removed ? "Removed " + range.entry() : range.entry() + " was not listed");
        return removed ? 0 : 1;
      }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Entries, newest first, with whether each is active.")
    static final class ListEntries implements Callable<Integer> {
      @Mixin ConfigOptions options;

      @Override
      public Integer call() {
        Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-logs-blacklist");
        Printing.table(new IpBlacklist(lakehouse.catalog()).list(lakehouse.spark()), 1000);
        return 0;
      }
    }
  }

  /** A duration as people write it: 7d, 36h, 90m, 45s. */
  static String text(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  /** An address or CIDR block; a bad one is a usage error naming the value. */
  static final class RangeConverter implements ITypeConverter<IpRange> {
    @Override
    public IpRange convert(String text) {
      try {
        return IpRange.parse(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Durations as the configuration writes them: 30m, 24h, 7d. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      try {
        Duration value = com.typesafe.config.ConfigFactory.parseString("d = \"" + text.replace("\"", "") + "\"").getDuration("d");
        if (value.isZero() || value.isNegative()) {
          throw new TypeConversionException("'" + text + "' must be a duration greater than zero");
        }
        return value;
      } catch (com.typesafe.config.ConfigException e) {
        throw new TypeConversionException("'" + text + "' must be a duration such as 30m, 24h or 7d");
      }
    }
  }

  private static void print(WebLogReport report) {
    WebLogReport.Source s = report.source();
    WebLogReport.Traffic t = report.traffic();
    System.out.printf("Lines %,d: parsed %,d (%.2f%%), rejected %,d, duplicates %,d%n", s.lines(), s.parsed(),
        s.parseRate() * 100, s.rejected(), s.duplicates());
    System.out.printf("Requests %,d, unique visitors %,d, bandwidth %,d bytes%n", t.requests(), t.uniqueVisitors(),
        t.bandwidthBytes());
    System.out.printf("Status classes %s; 4xx %.2f%%, 5xx %.2f%%%n", t.statusClasses(), report.errors().rate4xx() * 100,
        report.errors().rate5xx() * 100);
    if (report.performance().timedRequests() > 0) {
      System.out.printf("Response time p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", report.performance().p50Ms(),
          report.performance().p95Ms(), report.performance().p99Ms());
    }
    System.out.printf("Security findings: %d%n", report.findings().size());
    report.findings().stream().limit(10).forEach(f -> System.out.printf("  %-15s %-40s %,8d events  %s%n", f.kind(), f.ip(),
        f.events(), f.detail()));
  }
}
