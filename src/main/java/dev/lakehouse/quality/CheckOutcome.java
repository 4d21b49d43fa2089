package dev.lakehouse.quality;

/** The outcome of one rule (a Deequ constraint or an anomaly check) in one suite run. */
public record CheckOutcome(
    String ruleId,
    String level,
    String action,
    String kind,
    String checkStatus,
    String constraint,
    boolean passed,
    String message,
    Double metricValue,
    long quarantinedRows) {

  public boolean isErrorFailure() {
    return !passed && level.equals("error");
  }

  /** "event_id_unique (Value: 0.98 does not meet the constraint requirement!)" */
  public String summary() {
    return ruleId + (message == null || message.isBlank() ? "" : " (" + message + ")");
  }
}
