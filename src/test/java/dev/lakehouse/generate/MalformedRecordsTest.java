package dev.lakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MalformedRecordsTest {
  private static final String ORDER = "{\"order_id\":\"o-1\",\"line_no\":1,\"quantity\":2,\"note\":\"grüße\"}";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void truncatedJsonNoLongerParses() {
    byte[] truncated = MalformedRecords.truncated(ORDER.getBytes(StandardCharsets.UTF_8));
    assertThat(truncated.length).isBetween(1, ORDER.length() - 1);
    assertThatThrownBy(() -> MAPPER.readTree(truncated)).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void aWrongTypeReplacesTheValueInPlace() throws Exception {
    String wrong = MalformedRecords.withWrongType(ORDER, "quantity", "two");
    assertThat(wrong).isEqualTo("{\"order_id\":\"o-1\",\"line_no\":1,\"quantity\":\"two\",\"note\":\"grüße\"}");
    assertThat(MalformedRecords.withWrongType(ORDER, "order_id", 12345)).contains("\"order_id\":12345");
    assertThatThrownBy(() -> MalformedRecords.withWrongType(ORDER, "price", "x"))
        .hasMessage("Cannot set field price to a wrong type: the record has no field price");
  }

  @Test
  void aMissingFieldIsRemoved() throws Exception {
    JsonNode record = MAPPER.readTree(MalformedRecords.withoutField(ORDER, "order_id"));
    assertThat(record.has("order_id")).isFalse();
    assertThat(record.get("quantity").asInt()).isEqualTo(2);
  }

  @Test
  void invalidUtf8FailsStrictDecoding() {
    byte[] valid = ORDER.getBytes(StandardCharsets.UTF_8);
    assertThat(MalformedInjectionTest.isUtf8(valid)).isTrue();
    assertThat(MalformedInjectionTest.isUtf8(MalformedRecords.invalidUtf8(valid))).isFalse();
    assertThat(MalformedRecords.invalidUtf8(valid)).hasSize(valid.length + 2);
  }

  @Test
  void emptyHasNoBytes() {
    assertThat(MalformedRecords.empty()).isEmpty();
  }

  @Test
  void nearSizeLimitPadsToExactlyTheTarget() throws Exception {
    for (int target : new int[] {100, 1_000, 999_999, 1_048_576}) {
      String padded = MalformedRecords.nearSizeLimit(ORDER, target);
      assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(target);
      assertThat(MAPPER.readTree(padded).get("order_id").asText()).isEqualTo("o-1");
    }
  }

  @Test
  void nearSizeLimitRejectsATargetBelowTheRecord() {
    assertThatThrownBy(() -> MalformedRecords.nearSizeLimit(ORDER, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid target size 10 bytes: the record is already");
  }

  @Test
  void helpersRejectInputThatIsNotAJsonObject() {
    assertThatThrownBy(() -> MalformedRecords.withoutField("[1,2]", "a"))
        .hasMessageStartingWith("Cannot remove field a: the record is not a JSON object");
    assertThatThrownBy(() -> MalformedRecords.withoutField("{\"a\":", "a"))
        .hasMessageStartingWith("Cannot remove field a: the record is not valid JSON");
  }
}
