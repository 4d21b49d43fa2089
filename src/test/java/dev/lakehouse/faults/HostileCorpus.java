package dev.lakehouse.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lakehouse.generate.DataGenerator;
import dev.lakehouse.generate.GeneratedRecord;
import dev.lakehouse.generate.GeneratorSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generated day with every kind of hostile record a producer can send, across every refined JSON
 * and log topic: each generated record is sent as it is, or mutated one way, chosen in turn. The
 * kind of each sent record is kept, so a test can say which classes ended where.
 */
final class HostileCorpus {
  /** One record to send: its topic, key and bytes, and what was done to it. */
  record Sent(String topic, byte[] key, byte[] value, String kind) {}

  static final Set<String> JSON_TOPICS = Set.of("commerce.events", "commerce.orders", "commerce.inventory", "finance.payments");
  static final Set<String> LINE_TOPICS = Set.of("logs.access", "logs.syslog", "logs.app");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, List<String>> KEYS = Map.of(
      "commerce.events", List.of("event_id"), "commerce.orders", List.of("order_id", "line_no"),
      "commerce.inventory", List.of("change_id"), "finance.payments", List.of("payment_id"));
  private static final Map<String, String> TIME = Map.of(
      "commerce.events", "event_at", "commerce.orders", "ordered_at", "commerce.inventory", "changed_at",
      "finance.payments", "paid_at");
  private static final List<String> JSON_KINDS = List.of("truncated", "retyped", "nested", "oversized", "key_conflict",
      "duplicate_field", "invalid_utf8", "hostile_text", "far_future", "far_past", "long_id", "redelivery", "empty");
  private static final List<String> LINE_KINDS = List.of("truncated", "invalid_utf8", "oversized", "garbage",
      "hostile_text", "redelivery", "empty");
  static final String HOSTILE = "<script>alert('x')</script>' OR 1=1 -- \\ \u202e\u0000 \ud83d\ude00";

  private final int oversizeBytes;
  private final Random random;
  private final List<Sent> sent = new ArrayList<>();
  private final Map<String, List<ObjectNode>> keptJson = new LinkedHashMap<>();
  private final Map<String, Integer> turn = new LinkedHashMap<>();

  private HostileCorpus(int oversizeBytes, long seed) {
    this.oversizeBytes = oversizeBytes;
    this.random = new Random(seed);
  }

  /**
   * About {@code generated} generated records of the refined topics; two in five go as they are,
   * the others each get the next mutation of their topic's list. Values longer than
   * {@code oversizeBytes} are the oversized ones (refine.max-record-bytes of the test).
   */
  static List<Sent> of(LocalDate day, long seed, int generated, int oversizeBytes) {
    HostileCorpus corpus = new HostileCorpus(oversizeBytes, seed);
    Iterator<GeneratedRecord> records = new DataGenerator(
        new GeneratorSettings(seed, day, 0, Set.of()), generated * 2L);
    int taken = 0;
    while (records.hasNext() && taken < generated) {
      GeneratedRecord record = records.next();
      if (JSON_TOPICS.contains(record.topic()) || LINE_TOPICS.contains(record.topic())) {
        corpus.add(record);
        taken++;
      }
    }
    return List.copyOf(corpus.sent);
  }

  private void add(GeneratedRecord record) {
    int n = turn.merge(record.topic(), 1, Integer::sum);
    boolean json = JSON_TOPICS.contains(record.topic());
    List<String> kinds = json ? JSON_KINDS : LINE_KINDS;
    if (n % 5 < 2) {
      send(record, record.value(), "valid");
      if (json) {
        keptJson.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(parse(record.value()));
      }
      return;
    }
    String kind = kinds.get((n / 5 * 3 + n % 5 - 2) % kinds.size());
    byte[] value = json ? mutateJson(record, kind) : mutateLine(record.value(), kind);
    if (value == null) {
      send(record, record.value(), "valid");
      return;
    }
    send(record, value, kind);
  }

  private void send(GeneratedRecord record, byte[] value, String kind) {
    sent.add(new Sent(record.topic(), record.key(), value, kind));
    if (kind.equals("redelivery")) {
      sent.add(new Sent(record.topic(), record.key(), value, kind));
    }
  }

  /** The mutated bytes of a JSON record, or null when the mutation does not apply to it. */
  private byte[] mutateJson(GeneratedRecord record, String kind) {
    byte[] bytes = record.value();
    ObjectNode object = parse(bytes);
    String topic = record.topic();
    switch (kind) {
      case "truncated":
        return Arrays.copyOf(bytes, bytes.length / 2);
      case "retyped":
        object.put(KEYS.get(topic).get(0), random.nextBoolean() ? 12345 : 3.5);
        object.set(TIME.get(topic), JSON.getNodeFactory().numberNode(1_700_000_000L));
        return write(object);
      case "nested": {
        String field = KEYS.get(topic).get(0);
        ObjectNode nested = JSON.createObjectNode();
        nested.set("nested", JSON.createArrayNode().add(object.get(field)));
        object.set(field, nested);
        return write(object);
      }
      case "oversized":
        object.put("padding", "x".repeat(oversizeBytes));
        return write(object);
      case "key_conflict": {
        // another record (this one's content) under the key of an earlier valid record
        List<ObjectNode> earlier = keptJson.getOrDefault(topic, List.of());
        if (earlier.isEmpty()) {
          return null;
        }
        ObjectNode holder = earlier.get(random.nextInt(earlier.size()));
        for (String key : KEYS.get(topic)) {
          object.set(key, holder.get(key));
        }
        return write(object);
      }
      case "duplicate_field": {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String key = KEYS.get(topic).get(0);
        return ("{\"" + key + "\":\"shadow-" + random.nextInt(1_000_000) + "\"," + text.substring(1)).getBytes(StandardCharsets.UTF_8);
      }
      case "invalid_utf8": {
        byte[] broken = Arrays.copyOf(bytes, bytes.length + 2);
        System.arraycopy(bytes, bytes.length - 2, broken, bytes.length, 2);
        broken[bytes.length - 2] = (byte) 0xC3;
        broken[bytes.length - 1] = (byte) 0x28;
        return broken;
      }
      case "hostile_text": {
        // still a valid record: every string field that is not an id carries the hostile text
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
          if (object.get(field).isTextual() && !field.endsWith("_id") && !field.endsWith("_at") && !isEnumLike(topic, field)) {
            object.put(field, object.get(field).asText() + HOSTILE);
          }
        }
        return write(object);
      }
      case "far_future":
        return write(withTime(object, topic, "9999-12-31T23:59:59Z"));
      case "far_past":
        return write(withTime(object, topic, "1970-01-01T00:00:00Z"));
      case "long_id":
        object.put(KEYS.get(topic).get(0), "id-" + "9".repeat(300));
        return write(object);
      case "redelivery":
        return bytes;
      case "empty":
        return new byte[0];
      default:
        throw new IllegalArgumentException(kind);
    }
  }

  private static boolean isEnumLike(String topic, String field) {
    return Set.of("event_type", "currency", "payment_method", "reason", "channel", "status", "country",
        "merchant_country", "customer_country", "category", "card_type").contains(field);
  }

  private static ObjectNode withTime(ObjectNode object, String topic, String at) {
    object.set(TIME.get(topic), new TextNode(at));
    return object;
  }

  private byte[] mutateLine(byte[] line, String kind) {
    String text = new String(line, StandardCharsets.UTF_8);
    switch (kind) {
      case "truncated":
        return Arrays.copyOf(line, Math.max(1, line.length * 3 / 5));
      case "invalid_utf8": {
        byte[] broken = Arrays.copyOf(line, line.length + 2);
        broken[line.length] = (byte) 0xC3;
        broken[line.length + 1] = (byte) 0x28;
        return broken;
      }
      case "oversized":
        return (text + " " + "x".repeat(oversizeBytes)).getBytes(StandardCharsets.UTF_8);
      case "garbage": {
        byte[] noise = new byte[40 + random.nextInt(80)];
        random.nextBytes(noise);
        return noise;
      }
      case "hostile_text":
        return text.replaceFirst("\"([A-Z]+) /", "\"$1 /<script>alert(1)</script>/")
            .replace("Mozilla", "Mozilla<script>alert(2)</script>").getBytes(StandardCharsets.UTF_8);
      case "redelivery":
        return line;
      case "empty":
        return new byte[0];
      default:
        throw new IllegalArgumentException(kind);
    }
  }

  private static ObjectNode parse(byte[] json) {
    try {
      JsonNode node = JSON.readTree(json);
      return (ObjectNode) node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] write(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
