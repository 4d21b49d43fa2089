package dev.lakehouse.alerts;

import dev.lakehouse.catalog.TableCatalog;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** ops.alerts: raising is idempotent (merged on alert_id); acknowledging marks an alert as seen. */
public final class AlertStore {
  public static final String TABLE = "ops.alerts";

  private static final StructType SCHEMA = new StructType()
      .add("alert_id", DataTypes.StringType, false)
      .add("domain", DataTypes.StringType, false)
      .add("rule", DataTypes.StringType, false)
      .add("severity", DataTypes.StringType, false)
      .add("subject", DataTypes.StringType, false)
      .add("message", DataTypes.StringType, false)
      .add("value", DataTypes.DoubleType)
      .add("expected_range", DataTypes.StringType)
      .add("window_start", DataTypes.TimestampType)
      .add("window_end", DataTypes.TimestampType)
      .add("first_seen_at", DataTypes.TimestampType, false)
      .add("status", DataTypes.StringType, false)
      .add("acknowledged_at", DataTypes.TimestampType)
      .add("acknowledged_by", DataTypes.StringType);

  private final TableCatalog catalog;

  public AlertStore(TableCatalog catalog) {
    this.catalog = catalog;
  }

  /** Adds the alerts not raised before; one already in the table is left as it is. */
  public void raise(SparkSession spark, List<Alert> alerts) {
    if (alerts.isEmpty()) {
      return;
    }
    List<Row> rows = new ArrayList<>();
    for (Alert a : alerts) {
      rows.add(RowFactory.create(a.alertId(), a.domain(), a.rule(), a.severity(), a.subject(), a.message(), a.value(),
          a.expectedRange(), timestamp(a.windowStart()), timestamp(a.windowEnd()), timestamp(a.firstSeenAt()),
          "open", null, null));
    }
    Dataset<Row> incoming = spark.createDataFrame(rows, SCHEMA).dropDuplicates("alert_id");
    DeltaTable table = DeltaTable.forPath(spark, catalog.location(TABLE));
    dev.lakehouse.ops.DeltaRetries.onConflict(() -> table.as("a")
        .merge(incoming.as("n"), "a.alert_id = n.alert_id")
        .whenNotMatched()
        .insertAll()
        .execute());
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
