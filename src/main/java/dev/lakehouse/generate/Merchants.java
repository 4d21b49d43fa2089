package dev.lakehouse.generate;

import java.util.SplittableRandom;

/** Card acceptors: three per country and category, each at a fixed place. */
final class Merchants {
  static final String[] CATEGORIES = {
      "grocery", "electronics", "travel", "restaurants", "fuel", "online_services", "jewelry"};
  static final int ONLINE_SERVICES = 5;
  private static final int PER_COUNTRY_AND_CATEGORY = 3;

  private final String[] ids;
  private final int[] countries;
  private final int[] categories;
  private final double[] latitudes;
  private final double[] longitudes;

  Merchants(SplittableRandom world) {
    int count = Geography.countries() * CATEGORIES.length * PER_COUNTRY_AND_CATEGORY;
    ids = new String[count];
    countries = new int[count];
    categories = new int[count];
    latitudes = new double[count];
    longitudes = new double[count];
    for (int m = 0; m < count; m++) {
      place(m, world);
    }
  }

  private void place(int merchant, SplittableRandom world) {
    ids[merchant] = Ids.numbered("m-", merchant, 5);
    countries[merchant] = merchant / (CATEGORIES.length * PER_COUNTRY_AND_CATEGORY);
    categories[merchant] = merchant / PER_COUNTRY_AND_CATEGORY % CATEGORIES.length;
    latitudes[merchant] = Geography.latitudeNear(countries[merchant], world);
    longitudes[merchant] = Geography.longitudeNear(countries[merchant], world);
  }

  /** One of the merchants of a category in a country. */
  int merchantIn(int country, int category, SplittableRandom random) {
    int first = (country * CATEGORIES.length + category) * PER_COUNTRY_AND_CATEGORY;
    return first + random.nextInt(PER_COUNTRY_AND_CATEGORY);
  }

  String id(int merchant) {
    return ids[merchant];
  }

  int country(int merchant) {
    return countries[merchant];
  }

  String category(int merchant) {
    return CATEGORIES[categories[merchant]];
  }

  double latitude(int merchant) {
    return latitudes[merchant];
  }

  double longitude(int merchant) {
    return longitudes[merchant];
  }
}
