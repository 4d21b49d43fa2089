package dev.lakehouse.quality;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** What a passed gate lets through: the rows to publish (quarantined ones removed) and the outcome of every rule. */
public record GateOutcome(Dataset<Row> publishable, List<CheckOutcome> outcomes, long quarantinedRows, String runId) {

  static GateOutcome unchecked(Dataset<Row> data) {
    return new GateOutcome(data, List.of(), 0, null);
  }

  public boolean wasChecked() {
    return runId != null;
  }

  public List<CheckOutcome> warnings() {
    return outcomes.stream().filter(o -> !o.passed() && !o.level().equals("error")).toList();
  }
}
