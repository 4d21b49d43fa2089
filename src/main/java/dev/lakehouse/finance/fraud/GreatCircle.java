package dev.lakehouse.finance.fraud;

/** Distances on the Earth taken as a sphere, accurate to about 0.5% (enough to tell a flight from a walk). */
final class GreatCircle {
  /** Mean Earth radius (IUGG). */
  static final double EARTH_RADIUS_KM = 6371.0088;

  private GreatCircle() {}

  /** Haversine distance between two points given in degrees. */
  static double distanceKm(double fromLatitude, double fromLongitude, double toLatitude, double toLongitude) {
    double latitudeDelta = Math.toRadians(toLatitude - fromLatitude);
    double longitudeDelta = Math.toRadians(toLongitude - fromLongitude);
    double h = square(Math.sin(latitudeDelta / 2))
        + Math.cos(Math.toRadians(fromLatitude)) * Math.cos(Math.toRadians(toLatitude))
        * square(Math.sin(longitudeDelta / 2));
    // rounding can push h a hair above 1 for antipodal points
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
  }

  private static double square(double x) {
    return x * x;
  }
}
