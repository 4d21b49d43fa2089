package dev.lakehouse.alerts;

import dev.lakehouse.Timings;
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
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * ops.alerts: raising is idempotent (merged on alert_id) and pushes what is new to the configured
 * channels (Redis pub/sub, webhook); acknowledging marks an alert as seen.
 */
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
  private final AlertChannels channels;

  public AlertStore(TableCatalog catalog) {
    this(catalog, AlertChannels.from(catalog.config().alerts()));
  }

  public AlertStore(TableCatalog catalog, AlertChannels channels) {
    this.catalog = catalog;
    this.channels = channels;
  }

  /**
   * Adds the alerts not raised before and pushes those to the channels; one already in the table
   * is left as it is and not pushed again. Returns the alerts that were new.
   *
   * <p>Two processes raising the same new alert at the same moment both see it as new: the table
   * still holds it once, and it may be pushed twice.
   */
  public List<Alert> raise(SparkSession spark, List<Alert> alerts) {
    if (alerts.isEmpty()) {
      return List.of();
    }
    List<Alert> fresh = Timings.time("read " + TABLE, () -> unseen(spark, alerts));
    if (fresh.isEmpty()) {
      return fresh;
    }
    List<Row> rows = new ArrayList<>();
    for (Alert a : alerts) {
      rows.add(RowFactory.create(a.alertId(), a.domain(), a.rule(), a.severity(), a.subject(), a.message(), a.value(),
          a.expectedRange(), timestamp(a.windowStart()), timestamp(a.windowEnd()), timestamp(a.firstSeenAt()),
          "open", null, null));
    }
    Dataset<Row> incoming = spark.createDataFrame(rows, SCHEMA).dropDuplicates("alert_id");
    DeltaTable table = DeltaTable.forPath(spark, catalog.location(TABLE));
    Timings.time("merge " + TABLE, () -> dev.lakehouse.ops.DeltaRetries.onConflict(() -> table.as("a")
        .merge(incoming.as("n"), "a.alert_id = n.alert_id")
        .whenNotMatched()
        .insertAll()
        .execute()));
    channels.publish(fresh);
    return fresh;
  }

  /** The alerts whose id is not in the table yet, the first of each id. */
  private List<Alert> unseen(SparkSession spark, List<Alert> alerts) {
    java.util.Map<String, Alert> byId = new java.util.LinkedHashMap<>();
    alerts.forEach(a -> byId.putIfAbsent(a.alertId(), a));
    List<Row> known = spark.read().format("delta").load(catalog.location(TABLE))
        .filter(functions.col("alert_id").isin(byId.keySet().toArray()))
        .select("alert_id")
        .collectAsList();
    known.forEach(row -> byId.remove(row.getString(0)));
    return List.copyOf(byId.values());
  }

  /**
   * Marks open alerts as acknowledged by {@code by}; returns the ids that were open (an unknown or
   * already acknowledged id is left out).
   */
  public List<String> acknowledge(SparkSession spark, List<String> alertIds, String by, Instant at) {
    List<String> open = spark.read().format("delta").load(catalog.location(TABLE))
        .filter(functions.col("alert_id").isin(alertIds.toArray()).and(functions.col("status").equalTo("open")))
        .select("alert_id")
        .collectAsList().stream().map(row -> row.getString(0)).toList();
    if (open.isEmpty()) {
      return open;
    }
    java.util.Map<String, org.apache.spark.sql.Column> set = java.util.Map.of(
        "status", functions.lit("acknowledged"),
        "acknowledged_at", functions.lit(timestamp(at)),
        "acknowledged_by", functions.lit(by));
    DeltaTable table = DeltaTable.forPath(spark, catalog.location(TABLE));
    dev.lakehouse.ops.DeltaRetries.onConflict(() -> table.update(
        functions.col("alert_id").isin(open.toArray()).and(functions.col("status").equalTo("open")), set));
    return open;
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
