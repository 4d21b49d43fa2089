package dev.lakehouse.quality;

import java.util.List;

/** An error-level quality failure: the data was not published. The message says what failed and where to look. */
public final class QualityGateException extends IllegalStateException {
  private final transient List<CheckOutcome> failures;

  QualityGateException(RunKey key, String runId, List<CheckOutcome> failures) {
    super(String.format(
        "Cannot publish %s (%s): quality suite failed %d error check%s: %s; see ops.quality_results where run_id = '%s'",
        key.table(), key.scope(), failures.size(), failures.size() == 1 ? "" : "s",
        String.join("; ", failures.stream().map(CheckOutcome::summary).toList()), runId));
    this.failures = List.copyOf(failures);
  }

  public List<CheckOutcome> failures() {
    return failures;
  }
}
