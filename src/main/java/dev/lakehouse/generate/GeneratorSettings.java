package dev.lakehouse.generate;

import java.time.LocalDate;
import java.util.Set;

/**
 * What to generate: the seed that makes a run reproducible, the UTC day the records fill, the
 * fraction of records replaced by malformed ones, and the anomalies to inject.
 *
 * <p>The seed alone fixes the world (catalogue, users, IPs, customers, instruments), so it stays the
 * same from day to day; the seed and the day together fix the activity of that day.
 */
public record GeneratorSettings(long seed, LocalDate day, double malformedFraction, Set<Anomaly> anomalies) {

  public GeneratorSettings {
    if (day == null) {
      throw new IllegalArgumentException("Invalid day null: the generator needs the UTC day to fill");
    }
    if (!(malformedFraction >= 0 && malformedFraction < 1)) {
      throw new IllegalArgumentException(
          "Invalid malformed fraction " + malformedFraction + ": must be in [0, 1)");
    }
    if (anomalies == null) {
      throw new IllegalArgumentException("Invalid anomalies null: pass Set.of() for none");
    }
    anomalies = Set.copyOf(anomalies);
  }

  /** Whether the given anomaly is switched on. */
  public boolean injects(Anomaly anomaly) {
    return anomalies.contains(anomaly);
  }
}
