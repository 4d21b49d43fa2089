package dev.lakehouse.quality.suite;

/**
 * A quality suite file that cannot be used. The message names the file, the rule or anomaly and the
 * problem: {@code Invalid rule 'quantity_range' in quality/silver/commerce_orders.yaml: check 'range'
 * needs min or max}.
 */
public final class InvalidQualitySuiteException extends IllegalArgumentException {
  public InvalidQualitySuiteException(String message) {
    super(message);
  }

  static InvalidQualitySuiteException ofSuite(String source, String problem) {
    return new InvalidQualitySuiteException(String.format("Invalid quality suite %s: %s", source, problem));
  }

  /**
   * @param kind {@code rule} or {@code anomaly}
   * @param label the quoted id, or the position ({@code #3}) of an entry without a usable id
   */
  static InvalidQualitySuiteException ofEntry(String kind, String label, String source, String problem) {
    return new InvalidQualitySuiteException(String.format("Invalid %s %s in %s: %s", kind, label, source, problem));
  }
}
