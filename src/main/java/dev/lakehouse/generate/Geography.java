package dev.lakehouse.generate;

import java.util.SplittableRandom;

/**
 * Countries where customers live and merchants sit: their code, a city's coordinates and the
 * currency a card is charged in there. The first ten are home countries; the rest are far away.
 */
final class Geography {
  static final String[] CODES = {
      "DE", "FR", "NL", "ES", "IT", "AT", "PL", "GB", "IE", "US", "BR", "JP", "AU", "SG", "ZA"};
  private static final double[] LATITUDES = {52.52, 48.86, 52.37, 40.42, 41.90, 48.21, 52.23, 51.51, 53.35, 40.71,
      -23.55, 35.68, -33.87, 1.35, -26.20};
  private static final double[] LONGITUDES = {13.40, 2.35, 4.90, -3.70, 12.50, 16.37, 21.01, -0.13, -6.26, -74.01,
      -46.63, 139.69, 151.21, 103.82, 28.05};
  private static final WeightedChoice HOME =
      WeightedChoice.of(0.30, 0.15, 0.08, 0.10, 0.10, 0.04, 0.05, 0.10, 0.03, 0.05);
  private static final int US = 9;

  private Geography() {}

  static int countries() {
    return CODES.length;
  }

  static int homeCountry(SplittableRandom random) {
    return HOME.pick(random);
  }

  /** A European home country, for a trip or a cross-border purchase. */
  static int nearbyCountry(SplittableRandom random) {
    return random.nextInt(US);
  }

  /** A country on another continent than {@code home}: no one gets there within an hour. */
  static int farCountry(int home, SplittableRandom random) {
    int first = home == US ? US + 1 : US;
    return first + random.nextInt(CODES.length - first);
  }

  static String currency(int country) {
    return CODES[country].equals("GB") ? "GBP" : country >= US ? "USD" : "EUR";
  }

  /** A point near the country's city, within about 40 km. */
  static double latitudeNear(int country, SplittableRandom random) {
    return Sampling.roundTo(LATITUDES[country] + (random.nextDouble() - 0.5) * 0.7, 4);
  }

  static double longitudeNear(int country, SplittableRandom random) {
    return Sampling.roundTo(LONGITUDES[country] + (random.nextDouble() - 0.5) * 0.7, 4);
  }
}
