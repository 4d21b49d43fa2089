package dev.lakehouse.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds the kinds of bad records real producers send, so tests can feed ingestion a chosen mix:
 * truncated JSON, a field of the wrong type, a missing id, invalid UTF-8, an empty value, and a
 * record padded up to a size limit.
 */
public final class MalformedRecords {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final byte[] INVALID_UTF8 = {(byte) 0xC3, (byte) 0x28};
  private static final String PADDING_FIELD = "padding";

  private MalformedRecords() {}

  /** The first half of a JSON value: it can no longer parse, since only the last byte closes it. */
  public static byte[] truncated(byte[] json) {
    return truncatedAt(json, json.length / 2);
  }

  /** The same JSON with {@code field} set to {@code badValue}, e.g. "quantity":"two". */
  public static String withWrongType(String json, String field, Object badValue) {
    ObjectNode record = objectWith(json, field, "set field " + field + " to a wrong type");
    record.set(field, MAPPER.valueToTree(badValue));
    return write(record);
  }

  /** The same JSON without {@code field}, e.g. an event with no event_id. */
  public static String withoutField(String json, String field) {
    ObjectNode record = objectWith(json, field, "remove field " + field);
    record.remove(field);
    return write(record);
  }

  /** The bytes with 0xC3 0x28 (a lead byte without its continuation) inside the first string value. */
  public static byte[] invalidUtf8(byte[] json) {
    return insert(json, firstStringValue(json), INVALID_UTF8);
  }

  /** A record with no value bytes at all. */
  public static byte[] empty() {
    return new byte[0];
  }

  /**
   * The same JSON with a string field {@code "padding":"xxx..."} sized so that the record is exactly
   * {@code targetBytes} long in UTF-8 (compact, as Jackson writes it).
   */
  public static String nearSizeLimit(String json, int targetBytes) {
    ObjectNode record = object(json, "pad to " + targetBytes + " bytes");
    record.put(PADDING_FIELD, "");
    int shortBy = targetBytes - utf8Length(write(record));
    if (shortBy < 0) {
      throw new IllegalArgumentException("Invalid target size " + targetBytes
          + " bytes: the record is already " + (targetBytes - shortBy) + " bytes with an empty padding field");
    }
    record.put(PADDING_FIELD, "x".repeat(shortBy));
    return write(record);
  }

  /** The first {@code length} bytes, which must leave at least one byte off and keep at least one. */
  static byte[] truncatedAt(byte[] json, int length) {
    if (json.length < 2) {
      throw new IllegalArgumentException("Cannot truncate a record of " + json.length + " bytes: it needs at least 2");
    }
    return Arrays.copyOf(json, Math.max(1, Math.min(length, json.length - 1)));
  }

  private static ObjectNode objectWith(String json, String field, String intent) {
    ObjectNode record = object(json, intent);
    if (!record.has(field)) {
      throw new IllegalArgumentException("Cannot " + intent + ": the record has no field " + field);
    }
    return record;
  }

  private static ObjectNode object(String json, String intent) {
    JsonNode node = parse(json, intent);
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          "Cannot " + intent + ": the record is not a JSON object: " + abbreviated(json));
    }
    return (ObjectNode) node;
  }

  private static JsonNode parse(String json, String intent) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Cannot " + intent + ": the record is not valid JSON: " + abbreviated(json), e);
    }
  }

  private static String write(ObjectNode record) {
    try {
      return MAPPER.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a JSON tree back to text", e);
    }
  }

  // just after the opening quote of the first string value, or the middle if there is none
  private static int firstStringValue(byte[] json) {
    for (int i = 0; i + 1 < json.length; i++) {
      if (json[i] == ':' && json[i + 1] == '"') {
        return i + 2;
      }
    }
    return json.length / 2;
  }

  private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
    byte[] result = new byte[bytes.length + inserted.length];
    System.arraycopy(bytes, 0, result, 0, at);
    System.arraycopy(inserted, 0, result, at, inserted.length);
    System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
    return result;
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String abbreviated(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
