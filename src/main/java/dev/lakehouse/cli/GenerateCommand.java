package dev.lakehouse.cli;

import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.generate.Anomaly;
import dev.lakehouse.generate.DataGenerator;
import dev.lakehouse.generate.GeneratorSettings;
import dev.lakehouse.generate.MarketHistory;
import dev.lakehouse.generate.RecordFiles;
import dev.lakehouse.generate.ReferenceFiles;
import dev.lakehouse.generate.Topics;
import dev.lakehouse.kafka.KafkaAdmin;
import dev.lakehouse.kafka.RecordPublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The synthetic generator at the edge: the only commands (with {@code demo}) that use it. It
 * produces what a user's systems would: events to Kafka, log lines and payments to files, and
 * reference data as the CSV files {@code load} reads.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Produce realistic synthetic events for all three domains to Kafka:",
        "commerce behaviour, orders and inventory; web access, syslog and JSON app logs; payments and prices.",
        "Subcommands write files instead: reference data for `load`, access log lines, payments."},
    subcommands = {GenerateCommand.Reference.class, GenerateCommand.AccessLog.class, GenerateCommand.Payments.class})
final class GenerateCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;
  @Mixin Options generate;

  @Option(names = "--rate", paramLabel = "R", description = "Records per second; 0 sends as fast as the broker takes them (default).")
  double rate;

  @Override
  public Integer call() {
    if (rate < 0) {
      throw new IllegalArgumentException("Invalid --rate " + rate + ": must be >= 0 records per second");
    }
    LakehouseConfig config = options.config();
    String bootstrap = config.kafka().bootstrapServers();
    KafkaAdmin.awaitReady(bootstrap, config.kafka().connectTimeout());
    publish(config, generate.settings(config), generate.count(config), rate);
    return 0;
  }

  /** Creates the topics and sends {@code count} records; prints progress and a per-topic summary. */
  static DataGenerator publish(LakehouseConfig config, GeneratorSettings settings, long count, double rate) {
    String bootstrap = config.kafka().bootstrapServers();
    KafkaAdmin.ensureTopics(bootstrap, Topics.all().stream().map(config.kafka()::topic).toList(), config.kafka().partitions());
    DataGenerator generator = new DataGenerator(settings, count);
    System.out.printf("Generating %,d records for %s (seed %d, malformed fraction %s, anomalies %s) to %s%n",
        count, settings.day(), settings.seed(), settings.malformedFraction(), settings.anomalies(), bootstrap);
    try (RecordPublisher publisher = new RecordPublisher(bootstrap, config.kafka().topicPrefix())) {
      publisher.publishAll(generator, count, rate, System.out);
    }
    generator.countsByTopic().forEach((topic, n) -> System.out.printf("  %-20s %,10d%n", topic, n));
    System.out.printf("  %-20s %,10d%n", "(malformed)", generator.malformedCount());
    return generator;
  }

  /** The last trading day (Monday to Friday) on or before {@code day}. */
  static LocalDate lastTradingDay(LocalDate day) {
    LocalDate d = day;
    while (!MarketHistory.isTradingDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  /** Writes the reference files of a seed: commerce catalogue and customers, then the market history. */
  static Map<String, Path> reference(Path dir, long seed, LocalDate marketFrom, LocalDate marketTo) {
    Map<String, Path> files = new LinkedHashMap<>(ReferenceFiles.commerce(dir, seed));
    files.putAll(ReferenceFiles.market(dir, seed, marketFrom, marketTo).byTable());
    return files;
  }

  @Command(name = "reference", mixinStandardHelpOptions = true,
      description = {"Write the generator's reference data as CSV files a user would bring, and print the `load`",
          "commands that load them: products.csv and customers.csv (the shop of the seed), instruments.csv,",
          "prices.csv (--from .. --to), positions.csv and market_windows.csv (a crash episode, when in range)."})
  static final class Reference implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the files to.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: generate.seed).")
    Long seed;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day of the market history (default: yesterday, UTC).")
    LocalDate to;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (default: three years before --to).")
    LocalDate from;

    @Override
    public Integer call() {
      LocalDate last = to != null ? to : LocalDate.now(ZoneOffset.UTC).minusDays(1);
      long chosen = seed != null ? seed : options.config().generate().seed();
      Map<String, Path> files = reference(out, chosen, from != null ? from : last.minusYears(3), last);
      System.out.println("Wrote " + files.size() + " files to " + out + "; load them, in this order, with:");
      files.forEach((table, file) -> System.out.println("  bin/lakehouse load " + table + " " + file
          + (table.startsWith("silver.commerce_") ? " --as-of " + last : "")));
      return 0;
    }
  }

  @Command(name = "access-log", mixinStandardHelpOptions = true,
      description = {"Write a day of generated web access log lines (Apache combined) to a file, for trying `logs analyze`,",
          "the watched directories of ingest.files.logs.access, and benchmarks. The lines are those `generate` sends",
          "to logs.access, in time order."})
  static final class AccessLog implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--lines", required = true, paramLabel = "N", description = "Lines to write (>= 1).")
    long lines;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write (replaced).")
    Path out;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: generate.seed).")
    Long seed;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day the lines describe (default: yesterday, UTC).")
    LocalDate date;

    @Option(names = "--malformed-fraction", paramLabel = "F", defaultValue = "0",
        description = "Fraction of lines replaced by malformed ones, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double malformedFraction;

    @Option(names = "--anomaly", paramLabel = "NAME", split = ",", converter = AnomalyConverter.class,
        description = "Inject: scanning-ip, error-burst, all (repeatable or comma-separated).")
    List<String> anomalies = List.of();

    @Override
    public Integer call() {
      if (lines < 1) {
        throw new ParameterException(new CommandLine(this), "Invalid value '" + lines + "' for option '--lines': must be at least 1");
      }
      GeneratorSettings settings = new GeneratorSettings(
          seed != null ? seed : options.config().generate().seed(),
          date != null ? date : LocalDate.now(ZoneOffset.UTC).minusDays(1), malformedFraction, anomalies(anomalies));
      long written = RecordFiles.write(out, settings, RecordFiles.recordsForAccessLines(lines), Topics.LOGS_ACCESS, lines);
      System.out.printf("Wrote %,d access log lines to %s%n", written, out);
      return 0;
    }
  }

  @Command(name = "payments", mixinStandardHelpOptions = true,
      description = {"Write the labelled card payments of a generated day as JSON lines (the columns of",
          "silver.finance_payments), e.g. another world for `finance train --other-payments`."})
  static final class Payments implements Callable<Integer> {
    @Mixin ConfigOptions options;
    @Mixin Options generate;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write (replaced).")
    Path out;

    @Override
    public Integer call() {
      LakehouseConfig config = options.config();
      GeneratorSettings settings = generate.settings(config);
      long written = payments(out, new GeneratorSettings(settings.seed(), settings.day(), 0.0, settings.anomalies(),
          settings.fraudRate()), generate.count(config));
      System.out.printf("Wrote %,d payments (seed %d, %s) to %s%n", written, settings.seed(), settings.day(), out);
      return 0;
    }

    static long payments(Path out, GeneratorSettings settings, long records) {
      return RecordFiles.write(out, settings, records, Topics.FINANCE_PAYMENTS, Long.MAX_VALUE);
    }
  }

  /** What to generate: shared by `generate`, its `payments` and `demo`. */
  static final class Options {
    @Option(names = "--count", paramLabel = "N", description = "Records to produce across all topics (default: generate.count).")
    Long count;

    @Option(names = "--seed", paramLabel = "S", description = "Seed; the same seed gives the same records (default: generate.seed).")
    Long seed;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day the records describe (default: yesterday, UTC).")
    LocalDate date;

    @Option(names = "--malformed-fraction", paramLabel = "F",
        description = "Fraction of records replaced by malformed ones, in [0, 1) (default: generate.malformed-fraction).")
    Double malformedFraction;

    @Option(names = "--fraud-rate", paramLabel = "R",
        description = "Base rate of fraudulent payments, in [0, 0.25] (default: generate.fraud-rate).")
    Double fraudRate;

    @Option(names = "--anomaly", paramLabel = "NAME", split = ",", converter = AnomalyConverter.class,
        description = "Inject an anomaly (repeatable or comma-separated): revenue-spike, error-burst, scanning-ip, card-testing, all.")
    List<String> anomalies = List.of();

    GeneratorSettings settings(LakehouseConfig config) {
      return new GeneratorSettings(
          seed != null ? seed : config.generate().seed(),
          date != null ? date : LocalDate.now(ZoneOffset.UTC).minusDays(1),
          malformedFraction != null ? malformedFraction : config.generate().malformedFraction(),
          anomalies(anomalies),
          fraudRate != null ? fraudRate : config.generate().fraudRate());
    }

    long count(LakehouseConfig config) {
      if (count != null && count < 1) {
        throw new IllegalArgumentException("Invalid --count " + count + ": must be at least 1");
      }
      return count != null ? count : config.generate().count();
    }
  }

  /** The anomalies named (already checked by {@link AnomalyConverter}). */
  static Set<Anomaly> anomalies(List<String> names) {
    Set<Anomaly> chosen = EnumSet.noneOf(Anomaly.class);
    for (String name : names) {
      if (name.equals("ALL")) {
        chosen.addAll(EnumSet.allOf(Anomaly.class));
      } else {
        chosen.add(Anomaly.valueOf(name));
      }
    }
    return chosen;
  }

  /** Accepts anomaly names in any case, with '-' or '_', and "all"; gives the enum name (or ALL). */
  static final class AnomalyConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      if (name.equals("ALL")) {
        return name;
      }
      try {
        return Anomaly.valueOf(name).name();
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(String.format(
            "Invalid anomaly '%s': must be one of revenue-spike, error-burst, scanning-ip, card-testing, all", value));
      }
    }
  }
}
