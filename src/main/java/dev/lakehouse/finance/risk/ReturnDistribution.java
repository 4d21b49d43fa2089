package dev.lakehouse.finance.risk;

/**
 * The joint distribution {@link MonteCarloVar} draws daily returns from; both have mean zero and the
 * covariance matrix S given to the simulation.
 */
public sealed interface ReturnDistribution extends java.io.Serializable {

  /** Multivariate normal: r = L z, z independent standard normals, L L' = S. */
  static ReturnDistribution normal() {
    return new Normal();
  }

  /**
   * Multivariate Student-t with the given degrees of freedom (> 2, so the variance exists), scaled so
   * its covariance is S: r = L z * sqrt((nu - 2) / nu) / sqrt(w / nu), w chi-square(nu), one w per day
   * shared by all instruments (fat tails that hit every instrument at once).
   */
  static ReturnDistribution studentT(double degreesOfFreedom) {
    return new StudentT(degreesOfFreedom);
  }

  /** See {@link #normal()}. */
  record Normal() implements ReturnDistribution {}

  /** See {@link #studentT(double)}. */
  record StudentT(double degreesOfFreedom) implements ReturnDistribution {
    public StudentT {
      if (!(degreesOfFreedom > 2) || Double.isInfinite(degreesOfFreedom)) {
        throw new IllegalArgumentException(String.format(
            "Invalid degrees of freedom %s: must be finite and above 2 so the variance can match the covariance; "
                + "use ReturnDistribution.normal() for the infinite limit", degreesOfFreedom));
      }
    }
  }
}
