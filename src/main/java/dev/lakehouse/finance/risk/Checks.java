package dev.lakehouse.finance.risk;

/** Argument checks shared by the package; every message names the offending value. */
final class Checks {
  // relative difference allowed between a(i, j) and a(j, i)
  private static final double SYMMETRY_TOLERANCE = 1e-10;

  private Checks() {}

  static double confidence(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException(
          String.format("Invalid confidence %s: must be a fraction in (0, 1), e.g. 0.99", confidence));
    }
    return confidence;
  }

  static void finite(double[] values, String what) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(String.format("Invalid %s at index %d: %s is not finite", what, i, values[i]));
      }
    }
  }

  static void nonEmpty(double[] values, String what) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException(String.format("Invalid %s: need at least one value", what));
    }
  }

  /** A covariance matrix for the given number of instruments: square, finite and symmetric. */
  static void covariance(double[][] matrix, int instruments) {
    covariance(matrix);
    if (matrix.length != instruments) {
      throw new IllegalArgumentException(
          String.format("Invalid covariance matrix: %d rows for %d instruments", matrix.length, instruments));
    }
  }

  /** A square, finite, symmetric matrix. */
  static void covariance(double[][] matrix) {
    if (matrix == null || matrix.length == 0) {
      throw new IllegalArgumentException("Invalid covariance matrix: it is empty");
    }
    int n = matrix.length;
    for (int i = 0; i < n; i++) {
      if (matrix[i].length != n) {
        throw new IllegalArgumentException(
            String.format("Invalid covariance matrix: row %d has %d columns, expected %d (square)", i, matrix[i].length, n));
      }
      for (int j = 0; j < n; j++) {
        if (!Double.isFinite(matrix[i][j])) {
          throw new IllegalArgumentException(
              String.format("Invalid covariance matrix: entry (%d, %d) is %s", i, j, matrix[i][j]));
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double a = matrix[i][j];
        double b = matrix[j][i];
        // estimates computed in another order may differ in the last bits; anything more is a wrong input
        if (Math.abs(a - b) > SYMMETRY_TOLERANCE * (Math.abs(a) + Math.abs(b)) + Double.MIN_NORMAL) {
          throw new IllegalArgumentException(
              String.format("Invalid covariance matrix: not symmetric at (%d, %d): %s vs %s", i, j, a, b));
        }
      }
    }
  }
}
