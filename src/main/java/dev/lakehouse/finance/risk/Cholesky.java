package dev.lakehouse.finance.risk;

/**
 * The Cholesky factor of a symmetric positive-definite matrix A: the lower-triangular L with A = L L'.
 * If z is a vector of independent unit-variance shocks, {@link #correlate(double[], double[]) L z} has
 * covariance A; this is how {@link MonteCarloVar} turns independent draws into correlated returns.
 *
 * <p>Computed row by row (Cholesky-Banachiewicz):
 * <pre>
 *   L(i, j) = (A(i, j) - sum over k &lt; j of L(i, k) L(j, k)) / L(j, j)    for j &lt; i
 *   L(i, i) = sqrt(A(i, i) - sum over k &lt; i of L(i, k)^2)
 * </pre>
 * A pivot (the argument of that square root) that is not above 1e-12 times A(i, i) means A is not
 * positive definite, up to rounding; the factorization then fails and says which pivot.
 */
public final class Cholesky implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  // a pivot at or below this fraction of its diagonal entry counts as zero (singular matrix)
  private static final double PIVOT_TOLERANCE = 1e-12;

  private final int size;
  // row-major lower triangle: row i starts at i * (i + 1) / 2
  private final double[] packed;

  private Cholesky(int size, double[] packed) {
    this.size = size;
    this.packed = packed;
  }

  /** Factors A; fails with an IllegalArgumentException naming the problem if A is not symmetric positive definite. */
  public static Cholesky decompose(double[][] matrix) {
    Checks.covariance(matrix);
    return factor(matrix, 0);
  }

  /**
   * Factors A + e I with e = relativeJitter times the mean diagonal entry of A: a positive
   * semi-definite estimate (collinear instruments, more instruments than days) becomes positive
   * definite at the cost of slightly overstating each variance. 1e-10 is usually enough.
   */
  public static Cholesky decomposeWithJitter(double[][] matrix, double relativeJitter) {
    Checks.covariance(matrix);
    if (!(relativeJitter >= 0 && relativeJitter < 1)) {
      throw new IllegalArgumentException(
          String.format("Invalid jitter %s: must be a small non-negative fraction of the mean variance, e.g. 1e-10", relativeJitter));
    }
    double trace = 0;
    for (int i = 0; i < matrix.length; i++) {
      trace += matrix[i][i];
    }
    return factor(matrix, relativeJitter * trace / matrix.length);
  }

  /** The dimension n of the n x n matrix. */
  public int size() {
    return size;
  }

  /** L as a full n x n array, zeros above the diagonal (a copy). */
  public double[][] lower() {
    double[][] result = new double[size][size];
    for (int i = 0; i < size; i++) {
      System.arraycopy(packed, rowStart(i), result[i], 0, i + 1);
    }
    return result;
  }

  /** out = L z: independent unit-variance shocks in, shocks with covariance A out. */
  public void correlate(double[] shocks, double[] out) {
    int at = 0;
    for (int i = 0; i < size; i++) {
      double sum = 0;
      for (int j = 0; j <= i; j++) {
        sum += packed[at++] * shocks[j];
      }
      out[i] = sum;
    }
  }

  private static Cholesky factor(double[][] a, double jitter) {
    int n = a.length;
    double[] l = new double[n * (n + 1) / 2];
    for (int i = 0; i < n; i++) {
      int rowI = rowStart(i);
      for (int j = 0; j <= i; j++) {
        int rowJ = rowStart(j);
        double sum = a[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[rowI + k] * l[rowJ + k];
        }
        if (i == j) {
          l[rowI + i] = Math.sqrt(checkPivot(i, sum + jitter, a[i][i] + jitter));
        } else {
          l[rowI + j] = sum / l[rowJ + j];
        }
      }
    }
    return new Cholesky(n, l);
  }

  private static double checkPivot(int i, double pivot, double diagonal) {
    if (!(pivot > PIVOT_TOLERANCE * Math.abs(diagonal)) || !(diagonal > 0)) {
      throw new IllegalArgumentException(String.format(
          "Cannot factor the covariance matrix: it is not positive definite (pivot %d is %s, diagonal entry %s). "
              + "Variable %d is (nearly) a linear combination of the ones before it, or the variances and "
              + "covariances contradict each other; remove duplicated or collinear instruments, or use "
              + "Cholesky.decomposeWithJitter for a semi-definite estimate",
          i, pivot, diagonal, i));
    }
    return pivot;
  }

  private static int rowStart(int i) {
    return i * (i + 1) / 2;
  }
}
