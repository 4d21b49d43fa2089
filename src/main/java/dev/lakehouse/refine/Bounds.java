package dev.lakehouse.refine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.Duration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The bounds of a plausible record, judged after parsing: every event time (TIMESTAMP column)
 * within [received - maxEventAge, received + maxEventLead] of the moment bronze received the record
 * ({@code _ingested_at}), and every id (STRING column named {@code *_id}) at most maxIdLength
 * characters. A record outside them gets {@code bounds.event_time.<column>} or
 * {@code bounds.id_length.<column>} unless an earlier rule already rejected it. Judging against the
 * receive time, not the clock, makes a replay of the same record judge it the same way.
 */
public record Bounds(Duration maxEventAge, Duration maxEventLead, int maxIdLength) {

  /** Adds the first broken bound to rows whose {@code _rule_id} is still null. */
  public Dataset<Row> apply(Dataset<Row> parsed, StructType payload) {
    Column rule = col(RecordParser.RULE);
    Column reason = col(RecordParser.REASON);
    for (int i = payload.fields().length - 1; i >= 0; i--) {
      StructField field = payload.fields()[i];
      Column broken = broken(field);
      if (broken == null) {
        continue;
      }
      rule = when(col(RecordParser.RULE).isNull().and(broken), lit(ruleId(field))).otherwise(rule);
      reason = when(col(RecordParser.RULE).isNull().and(broken), reason(field)).otherwise(reason);
    }
    return parsed.withColumn(RecordParser.REASON, reason).withColumn(RecordParser.RULE, rule);
  }

  private Column broken(StructField field) {
    Column value = col(field.name());
    if (field.dataType().equals(DataTypes.TimestampType)) {
      // as epoch seconds: years 1970 or 9999 compare without overflow
      Column seconds = value.cast(DataTypes.LongType);
      Column receivedSeconds = received().cast(DataTypes.LongType);
      return seconds.lt(receivedSeconds.minus(maxEventAge.toSeconds()))
          .or(seconds.gt(receivedSeconds.plus(maxEventLead.toSeconds())));
    }
    if (isId(field)) {
      return length(value).gt(maxIdLength);
    }
    return null;
  }

  private String ruleId(StructField field) {
    return (isId(field) ? "bounds.id_length." : "bounds.event_time.") + field.name();
  }

  private Column reason(StructField field) {
    if (isId(field)) {
      return format_string("field '%s' has %d characters; ids may have at most %d (refine.max-id-length)",
          lit(field.name()), length(col(field.name())), lit(maxIdLength));
    }
    return format_string("field '%s' = %s is outside [received - %s, received + %s] (received %s; "
            + "refine.max-event-age, refine.max-event-lead)",
        lit(field.name()), col(field.name()).cast(DataTypes.StringType), lit(maxEventAge.toString()),
        lit(maxEventLead.toString()), received().cast(DataTypes.StringType));
  }

  private static boolean isId(StructField field) {
    return field.dataType().equals(DataTypes.StringType) && field.name().endsWith("_id");
  }

  private static Column received() {
    return col("_ingested_at");
  }
}
