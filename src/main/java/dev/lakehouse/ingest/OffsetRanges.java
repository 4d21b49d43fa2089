package dev.lakehouse.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The Kafka offsets a batch of records covers, per topic and partition, and the newest record time
 * among them ({@code _kafka_timestamp}; null when the rows carry none).
 */
public record OffsetRanges(Map<String, Map<Integer, long[]>> ranges, long records, Instant newestAt) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TIMESTAMP = "_kafka_timestamp";

  /** Summarises rows carrying _kafka_topic, _kafka_partition and _kafka_offset (and _kafka_timestamp, if they have it). */
  public static OffsetRanges of(Dataset<Row> rows) {
    boolean timed = List.of(rows.columns()).contains(TIMESTAMP);
    List<Row> summary = rows
        .groupBy(col("_kafka_topic"), col("_kafka_partition"))
        .agg(min("_kafka_offset"), max("_kafka_offset"), count("*"),
            timed ? max(TIMESTAMP) : lit(null).cast(DataTypes.TimestampType))
        .collectAsList();
    Map<String, Map<Integer, long[]>> ranges = new TreeMap<>();
    long records = 0;
    Instant newest = null;
    for (Row row : summary) {
      ranges.computeIfAbsent(row.getString(0), t -> new TreeMap<>())
          .put(row.getInt(1), new long[] {row.getLong(2), row.getLong(3)});
      records += row.getLong(4);
      if (!row.isNullAt(5) && (newest == null || row.getTimestamp(5).toInstant().isAfter(newest))) {
        newest = row.getTimestamp(5).toInstant();
      }
    }
    return new OffsetRanges(ranges, records, newest);
  }

  /** {"topic":{"0":[first,last],...}} */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    ranges.forEach((topic, partitions) -> {
      ObjectNode node = root.putObject(topic);
      partitions.forEach((partition, range) -> node.putArray(partition.toString()).add(range[0]).add(range[1]));
    });
    return root.toString();
  }

  /** Records the ranges should hold if no offset is missing (last - first + 1 per partition). */
  public long span() {
    return ranges.values().stream()
        .flatMap(p -> p.values().stream())
        .mapToLong(r -> r[1] - r[0] + 1)
        .sum();
  }
}
