package dev.lakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MalformedInjectionTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  // the field each topic's wrong-type records get wrong, and whether it should be a number
  private static final Map<String, String> NUMERIC_FIELD = Map.of(
      Topics.COMMERCE_ORDERS, "quantity", Topics.COMMERCE_INVENTORY, "quantity_delta", Topics.LOGS_APP, "latency_ms",
      Topics.FINANCE_PAYMENTS, "amount_cents", Topics.FINANCE_PRICES, "price");

  @Test
  void aboutTheConfiguredFractionIsMalformed() {
    GeneratedDay day = GeneratedDay.dirty();
    assertThat(day.malformedCount / (double) day.records.size()).isCloseTo(0.05, within(0.006));
    assertThat(day.records.stream().filter(r -> !isReadable(r)).count()).isEqualTo(day.malformedCount);
    assertThat(GeneratedDay.clean().malformedCount).isZero();
  }

  @Test
  void malformedRecordsReplaceValidOnesWithoutShiftingTheRest() {
    List<GeneratedRecord> clean = GeneratedDay.clean().records;
    List<GeneratedRecord> dirty = GeneratedDay.dirty().records;
    long changed = 0;
    long moved = 0;
    for (int i = 0; i < clean.size(); i++) {
      changed += Arrays.equals(dirty.get(i).value(), clean.get(i).value()) ? 0 : 1;
      moved += dirty.get(i).topic().equals(clean.get(i).topic()) && Arrays.equals(dirty.get(i).key(), clean.get(i).key())
          && dirty.get(i).timestampMs() == clean.get(i).timestampMs() ? 0 : 1;
    }
    assertThat(moved).isZero();
    assertThat(changed).isEqualTo(GeneratedDay.dirty().malformedCount);
  }

  @Test
  void everyKindOfMalformedJsonShowsUp() {
    List<GeneratedRecord> records = GeneratedDay.dirty().of(Topics.COMMERCE_ORDERS);
    assertThat(records).anyMatch(r -> r.value().length == 0);
    assertThat(records).anyMatch(r -> !isUtf8(r.value()));
    assertThat(records).anyMatch(r -> GeneratedDay.text(r.value()).contains("\"quantity\":\"two\""));
    assertThat(records).anyMatch(r -> parsed(r.value()) != null && !GeneratedDay.text(r.value()).contains("order_id"));
    assertThat(records).anyMatch(r -> isUtf8(r.value()) && r.value().length > 0 && parsed(r.value()) == null);
  }

  @Test
  void malformedLogLinesMatchNoFormat() {
    List<GeneratedRecord> lines = GeneratedDay.dirty().of(Topics.LOGS_ACCESS);
    long unreadable = lines.stream().filter(r -> !isReadable(r)).count();
    assertThat(unreadable).isBetween(lines.size() / 40L, lines.size() / 10L);
    assertThat(lines).anyMatch(r -> !isUtf8(r.value()));
  }

  // what an ingestion job would quarantine: a raw line in no log format, or JSON it cannot use
  private static boolean isReadable(GeneratedRecord record) {
    if (!isUtf8(record.value())) {
      return false;
    }
    String text = GeneratedDay.text(record.value());
    switch (record.topic()) {
      case Topics.LOGS_ACCESS:
        return LogRecordsTest.APACHE_COMBINED.matcher(text).matches();
      case Topics.LOGS_SYSLOG:
        return LogRecordsTest.RFC_3164.matcher(text).matches() || LogRecordsTest.RFC_5424.matcher(text).matches();
      default:
        return isUsableJson(record.topic(), parsed(record.value()));
    }
  }

  private static boolean isUsableJson(String topic, JsonNode json) {
    if (json == null || !json.has(Topic.of(topic).idField)) {
      return false;
    }
    return topic.equals(Topics.COMMERCE_EVENTS) ? json.get("event_at").isTextual() : json.get(NUMERIC_FIELD.get(topic)).isNumber();
  }

  private static JsonNode parsed(byte[] value) {
    try {
      JsonNode json = MAPPER.readTree(value);
      return json == null || json.isMissingNode() ? null : json;
    } catch (IOException e) {
      return null;
    }
  }

  static boolean isUtf8(byte[] value) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
