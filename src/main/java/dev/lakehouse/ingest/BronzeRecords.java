package dev.lakehouse.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;

import java.sql.Timestamp;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Kafka source rows -> bronze rows: every record kept exactly as received, plus where it came from. */
public final class BronzeRecords {
  private BronzeRecords() {}

  public static Dataset<Row> apply(Dataset<Row> kafkaRecords, Timestamp ingestedAt, long batchId) {
    Column ingested = lit(ingestedAt);
    return kafkaRecords.select(
        col("key"),
        col("value"),
        col("topic").as("_kafka_topic"),
        col("partition").as("_kafka_partition"),
        col("offset").as("_kafka_offset"),
        col("timestamp").as("_kafka_timestamp"),
        ingested.as("_ingested_at"),
        to_date(ingested).as("_ingested_date"),
        lit(batchId).as("_ingest_batch_id"));
  }

  /** The bronze table of a topic: {@code bronze.<topic>} with '.' and '-' as '_'. */
  public static String tableOf(String topic) {
    return "bronze." + topic.replace('.', '_').replace('-', '_').toLowerCase();
  }
}
