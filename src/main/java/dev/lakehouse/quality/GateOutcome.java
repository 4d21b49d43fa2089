package dev.lakehouse.quality;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a passed gate lets through: the rows to publish (quarantined ones removed), the outcome of
 * every rule, and the cached data to release once the rows are written.
 */
public record GateOutcome(Dataset<Row> publishable, List<CheckOutcome> outcomes, long quarantinedRows, String runId,
    Dataset<Row> cached) implements AutoCloseable {

  static GateOutcome unchecked(Dataset<Row> data) {
    return new GateOutcome(data, List.of(), 0, null, null);
  }

  public boolean wasChecked() {
    return runId != null;
  }

  public List<CheckOutcome> warnings() {
    return outcomes.stream().filter(o -> !o.passed() && !o.level().equals("error")).toList();
  }

  @Override
  public void close() {
    if (cached != null) {
      cached.unpersist();
    }
  }
}
