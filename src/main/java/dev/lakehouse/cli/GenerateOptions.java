package dev.lakehouse.cli;

import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.generate.Anomaly;
import dev.lakehouse.generate.GeneratorSettings;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** What to generate: shared by `generate` and `demo`. */
final class GenerateOptions {
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

  long count(LakehouseConfig config) {
    if (count != null && count < 1) {
      throw new IllegalArgumentException("Invalid --count " + count + ": must be at least 1");
    }
    return count != null ? count : config.generate().count();
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
