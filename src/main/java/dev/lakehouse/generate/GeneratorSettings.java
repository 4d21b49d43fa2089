package dev.lakehouse.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * What to generate: the seed that makes a run reproducible, the UTC day the records fill, the
 * fraction of records replaced by malformed ones, the anomalies to inject, and the base rate of
 * payments labelled fraud (0.9 x rate by day, 3 x rate at night, about 1.14 x rate over a day).
 *
 * <p>The seed alone fixes the world (catalogue, users, IPs, customers, instruments), so it stays the
 * same from day to day; the seed and the day together fix the activity of that day.
 */
public record GeneratorSettings(long seed, LocalDate day, double malformedFraction, Set<Anomaly> anomalies,
    double fraudRate) {
  /** The default base fraud rate: 0.45% of payments by day, 1.5% at night. */
  public static final double DEFAULT_FRAUD_RATE = 0.005;

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
    if (!(fraudRate >= 0 && fraudRate <= 0.25)) {
      throw new IllegalArgumentException("Invalid fraud rate " + fraudRate + ": must be in [0, 0.25]");
    }
  }

  /** Settings with the default fraud rate. */
  public GeneratorSettings(long seed, LocalDate day, double malformedFraction, Set<Anomaly> anomalies) {
    this(seed, day, malformedFraction, anomalies, DEFAULT_FRAUD_RATE);
  }

  /** The same settings with another fraud rate. */
  public GeneratorSettings withFraudRate(double rate) {
    return new GeneratorSettings(seed, day, malformedFraction, anomalies, rate);
  }

  /**
   * When the revenue spike of the day starts (it lasts until {@link #revenueSpikeUntil()}), whether
   * or not it is switched on; for tests and demos that check a detector found it.
   */
  public Instant revenueSpikeFrom() {
    return dayStart().plusMillis(AnomalyPlan.REVENUE_SPIKE_FROM_MS);
  }

  /** When the revenue spike of the day ends (exclusive). */
  public Instant revenueSpikeUntil() {
    return dayStart().plusMillis(AnomalyPlan.REVENUE_SPIKE_UNTIL_MS);
  }

  private Instant dayStart() {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Whether the given anomaly is switched on. */
  public boolean injects(Anomaly anomaly) {
    return anomalies.contains(anomaly);
  }
}
