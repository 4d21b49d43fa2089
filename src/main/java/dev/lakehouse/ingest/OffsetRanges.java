package dev.lakehouse.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The Kafka offsets a batch of records covers, per topic and partition. */
public record OffsetRanges(Map<String, Map<Integer, long[]>> ranges, long records) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Summarises rows carrying _kafka_topic, _kafka_partition and _kafka_offset. */
  public static OffsetRanges of(Dataset<Row> rows) {
    List<Row> summary = rows
        .groupBy(col("_kafka_topic"), col("_kafka_partition"))
        .agg(min("_kafka_offset"), max("_kafka_offset"), count("*"))
        .collectAsList();
    Map<String, Map<Integer, long[]>> ranges = new TreeMap<>();
    long records = 0;
    for (Row row : summary) {
      ranges.computeIfAbsent(row.getString(0), t -> new TreeMap<>())
          .put(row.getInt(1), new long[] {row.getLong(2), row.getLong(3)});
      records += row.getLong(4);
    }
    return new OffsetRanges(ranges, records);
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
