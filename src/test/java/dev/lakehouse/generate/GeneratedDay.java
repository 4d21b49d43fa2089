package dev.lakehouse.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** A generated day kept in memory, shared by the tests of one JVM so each day is generated once. */
final class GeneratedDay {
  static final LocalDate DAY = LocalDate.of(2026, 11, 21);
  static final long DAY_START_MS = DAY.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  static final long HOUR_MS = 3_600_000L;
  static final long MINUTE_MS = 60_000L;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<GeneratorSettings, Map<Long, GeneratedDay>> CACHE = new ConcurrentHashMap<>();

  final GeneratorSettings settings;
  final List<GeneratedRecord> records;
  final Map<String, Long> countsByTopic;
  final long malformedCount;
  private final Map<String, List<GeneratedRecord>> byTopic = new ConcurrentHashMap<>();
  private final Map<String, List<JsonNode>> jsonByTopic = new ConcurrentHashMap<>();
  private final Map<String, List<String>> linesByTopic = new ConcurrentHashMap<>();

  private GeneratedDay(GeneratorSettings settings, long total) {
    this.settings = settings;
    DataGenerator generator = new DataGenerator(settings, total);
    List<GeneratedRecord> all = new ArrayList<>();
    generator.forEachRemaining(all::add);
    this.records = List.copyOf(all);
    this.countsByTopic = generator.countsByTopic();
    this.malformedCount = generator.malformedCount();
  }

  /** 20,000 records of seed 7 with no anomalies and nothing malformed. */
  static GeneratedDay clean() {
    return of(new GeneratorSettings(7, DAY, 0, Set.of()), 20_000);
  }

  /** The same with 5% malformed records. */
  static GeneratedDay dirty() {
    return of(new GeneratorSettings(7, DAY, 0.05, Set.of()), 20_000);
  }

  /** 30,000 records of seed 7 with every anomaly switched on, enough orders to see a spike. */
  static GeneratedDay withAllAnomalies() {
    return of(new GeneratorSettings(7, DAY, 0, Set.of(Anomaly.values())), 30_000);
  }

  static GeneratedDay of(GeneratorSettings settings, long total) {
    return CACHE.computeIfAbsent(settings, s -> new ConcurrentHashMap<>())
        .computeIfAbsent(total, t -> new GeneratedDay(settings, t));
  }

  List<GeneratedRecord> of(String topic) {
    return byTopic.computeIfAbsent(topic,
        t -> records.stream().filter(r -> r.topic().equals(t)).collect(Collectors.toUnmodifiableList()));
  }

  /** The parsed values of a JSON topic, parsed once. */
  List<JsonNode> json(String topic) {
    return jsonByTopic.computeIfAbsent(topic,
        t -> of(t).stream().map(r -> parse(r.value())).collect(Collectors.toUnmodifiableList()));
  }

  List<String> lines(String topic) {
    return linesByTopic.computeIfAbsent(topic,
        t -> of(t).stream().map(r -> text(r.value())).collect(Collectors.toUnmodifiableList()));
  }

  /** Fails with the first item that does not pass the check; cheaper than an assertion per item. */
  static <T> void assertEvery(List<T> items, java.util.function.Predicate<T> check, String expectation) {
    org.assertj.core.api.Assertions.assertThat(items.stream().filter(check.negate()).findFirst())
        .as("every item %s, but this one does not", expectation).isEmpty();
  }

  static JsonNode parse(byte[] value) {
    try {
      return MAPPER.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot parse record " + text(value), e);
    }
  }

  static String text(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }

  /** Milliseconds since the start of the day of an ISO instant field. */
  static long offsetMs(JsonNode record, String field) {
    return java.time.Instant.parse(record.get(field).asText()).toEpochMilli() - DAY_START_MS;
  }

  static long offsetMs(GeneratedRecord record) {
    return record.timestampMs() - DAY_START_MS;
  }
}
