package dev.lakehouse.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * Notices offsets skipped between consecutive batches of one query (possible only when
 * kafka.fail-on-data-loss=false lets the source jump over records lost to retention) and inside a
 * batch, so the gap is recorded in the lineage instead of passing silently.
 */
final class OffsetGaps {
  private final Map<String, Long> lastOffsets = new HashMap<>();
  private boolean seeded;

  /** Whether the offsets a previous run ended at are known yet. */
  boolean seeded() {
    return seeded;
  }

  /** Starts from the ranges a previous run recorded last ({"topic":{"0":[first,last]}}), if any. */
  void seed(String sourceOffsetsJson) {
    seeded = true;
    if (sourceOffsetsJson == null) {
      return;
    }
    try {
      com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sourceOffsetsJson);
      root.fields().forEachRemaining(topic -> topic.getValue().fields().forEachRemaining(partition ->
          lastOffsets.put(topic.getKey() + "/" + partition.getKey(), partition.getValue().get(1).asLong())));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot read source_offsets " + sourceOffsetsJson + " from ops.pipeline_events", e);
    }
  }

  /** A JSON description of gaps in these ranges, or null when there is none. */
  String describe(OffsetRanges ranges) {
    StringBuilder gaps = new StringBuilder();
    ranges.ranges().forEach((topic, partitions) -> partitions.forEach((partition, range) -> {
      String key = topic + "/" + partition;
      Long previous = lastOffsets.get(key);
      if (previous != null && range[0] > previous + 1) {
        append(gaps, topic, partition, previous + 1, range[0] - 1);
      }
      lastOffsets.put(key, range[1]);
    }));
    if (ranges.span() != ranges.records()) {
      append(gaps, "*", -1, ranges.span() - ranges.records(), 0);
    }
    return gaps.length() == 0 ? null : "{\"offset_gaps\":[" + gaps + "]}";
  }

  private static void append(StringBuilder gaps, String topic, int partition, long from, long to) {
    if (gaps.length() > 0) {
      gaps.append(',');
    }
    if (partition < 0) {
      gaps.append(String.format("{\"missing_inside_batch\":%d}", from));
    } else {
      gaps.append(String.format("{\"topic\":\"%s\",\"partition\":%d,\"from\":%d,\"to\":%d}", topic, partition, from, to));
    }
  }
}
