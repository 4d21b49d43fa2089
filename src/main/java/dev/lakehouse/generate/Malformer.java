package dev.lakehouse.generate;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Replaces a chosen fraction of records by malformed ones of the same topic and key. JSON topics
 * get, evenly, truncated JSON, a wrong type, a missing id, invalid UTF-8 or an empty value; raw-line
 * topics get a garbage line or invalid UTF-8. It draws once per record whatever the fraction, so
 * the valid records of a run do not depend on it.
 */
final class Malformer {
  private static final char[] GARBAGE = "0123456789abcdefghijklmnopqrstuvwxyz#%&*~^|".toCharArray();

  private final double fraction;
  private final SplittableRandom random;

  Malformer(double fraction, SplittableRandom random) {
    this.fraction = fraction;
    this.random = random;
  }

  /** The record itself, or a malformed replacement (a different instance). */
  GeneratedRecord apply(GeneratedRecord record, Topic topic) {
    if (random.nextDouble() >= fraction) {
      return record;
    }
    byte[] value = topic.isJson() ? malformedJson(record.value(), topic) : malformedLine(record.value());
    return new GeneratedRecord(record.topic(), record.key(), value, record.timestampMs());
  }

  private byte[] malformedJson(byte[] json, Topic topic) {
    switch (random.nextInt(5)) {
      case 0:
        return MalformedRecords.truncatedAt(json, 1 + random.nextInt(json.length - 1));
      case 1:
        return utf8(wrongType(new String(json, StandardCharsets.UTF_8), topic));
      case 2:
        return utf8(MalformedRecords.withoutField(new String(json, StandardCharsets.UTF_8), topic.idField));
      case 3:
        return MalformedRecords.invalidUtf8(json);
      default:
        return MalformedRecords.empty();
    }
  }

  // a field producers really get wrong: numbers as words, timestamps as epoch numbers
  private String wrongType(String json, Topic topic) {
    switch (topic) {
      case COMMERCE_EVENTS:
        return MalformedRecords.withWrongType(json, "event_at", 12345);
      case COMMERCE_ORDERS:
        return MalformedRecords.withWrongType(json, "quantity", "two");
      case COMMERCE_INVENTORY:
        return MalformedRecords.withWrongType(json, "quantity_delta", "minus two");
      case LOGS_APP:
        return MalformedRecords.withWrongType(json, "latency_ms", "slow");
      case FINANCE_PAYMENTS:
        return MalformedRecords.withWrongType(json, "amount_cents", "abc");
      default:
        return MalformedRecords.withWrongType(json, "price", "n/a");
    }
  }

  private byte[] malformedLine(byte[] line) {
    return random.nextBoolean() ? MalformedRecords.invalidUtf8(line) : utf8(garbageLine());
  }

  // starts with neither an address nor "<": matches no log format
  private String garbageLine() {
    StringBuilder garbage = new StringBuilder("~~");
    int length = Sampling.between(random, 10, 80);
    for (int i = 0; i < length; i++) {
      garbage.append(GARBAGE[random.nextInt(GARBAGE.length)]);
    }
    return garbage.toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
