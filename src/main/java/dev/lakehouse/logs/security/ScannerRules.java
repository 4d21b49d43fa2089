package dev.lakehouse.logs.security;

/**
 * The batch analyzer's rules for calling an IP a scanner or a password guesser from its counts over a day, with
 * the defaults of {@code logs.scanner-distinct-404} and {@code logs.brute-force-failed-logins}. The overloads take
 * the configured thresholds. Pure functions, safe in any thread and in a Spark UDF.
 */
public final class ScannerRules {
  /**
   * Distinct paths answered 404 in a day that make an IP a scanner: 20. A person who mistypes, follows stale
   * links or has old bookmarks misses a handful of distinct pages a day; at the shop's 2% rate of 404s even a
   * busy client with 500 requests misses about 10, mostly the same few. A scanner works through a word list of
   * hundreds to thousands of paths (the generated one asks for about 300), so 20 sits above the busiest person
   * and far below any scan.
   */
  public static final long MIN_DISTINCT_404 = 20;

  /**
   * Failed logins in a day that make an IP a password guesser: 10. A person who forgot a password tries three to
   * five times before resetting it or being locked out; guessing tools try hundreds. Counted per IP, so an office
   * behind one address needs several people failing at once to reach it.
   */
  public static final long MIN_FAILED_LOGINS = 10;

  private ScannerRules() {}

  /** Whether an IP is a scanner by the default threshold, {@link #MIN_DISTINCT_404}. */
  public static boolean isScanner(long distinct404Paths, long requests) {
    return isScanner(distinct404Paths, requests, MIN_DISTINCT_404);
  }

  /**
   * Whether an IP with {@code distinct404Paths} distinct paths answered 404 among {@code requests} requests is a
   * scanner: at least {@code minDistinct404} such paths. How much else it requested does not matter (a scanner
   * that also browses is still a scanner); {@code requests} only guards against counts of different things:
   * every distinct path is at least one request, so fewer requests than paths is no scanner but a bad join.
   */
  public static boolean isScanner(long distinct404Paths, long requests, long minDistinct404) {
    return distinct404Paths >= minDistinct404 && requests >= distinct404Paths;
  }

  /** Whether an IP is a password guesser by the default threshold, {@link #MIN_FAILED_LOGINS}. */
  public static boolean isBruteForce(long failedLogins) {
    return isBruteForce(failedLogins, MIN_FAILED_LOGINS);
  }

  /** Whether an IP that failed {@code failedLogins} logins in a day is a password guesser: at least the minimum. */
  public static boolean isBruteForce(long failedLogins, long minFailedLogins) {
    return failedLogins >= minFailedLogins;
  }
}
