package dev.lakehouse.refine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.testing.TestLakehouse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecordParserTest {
  private static final StructType BRONZE = new StructType()
      .add("key", DataTypes.BinaryType)
      .add("value", DataTypes.BinaryType)
      .add("_kafka_topic", DataTypes.StringType)
      .add("_kafka_partition", DataTypes.IntegerType)
      .add("_kafka_offset", DataTypes.LongType);
  private static final StructType PAYLOAD = new StructType()
      .add("order_id", DataTypes.StringType)
      .add("quantity", DataTypes.IntegerType)
      .add("price", DataTypes.DoubleType)
      .add("ordered_at", DataTypes.TimestampType);
  private static final List<String> REQUIRED = List.of("order_id", "ordered_at");
  private static final String GOOD = "{\"order_id\":\"o-1\",\"quantity\":2,\"price\":9.5,\"ordered_at\":\"2026-11-21T10:15:30.123Z\"}";

  private static SparkSession spark;

  @BeforeAll
  static void session() {
    Lakehouse lakehouse = TestLakehouse.fresh();
    spark = lakehouse.spark();
  }

  private static Row parse(byte[] value) {
    return parseAll(List.of(value)).get(0);
  }

  private static Row parse(String value) {
    return parse(value.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Row> parseAll(List<byte[]> values) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      rows.add(RowFactory.create(null, values.get(i), "t", 0, (long) i));
    }
    Dataset<Row> bronze = spark.createDataFrame(rows, BRONZE);
    return RecordParser.apply(bronze, PAYLOAD, REQUIRED, 1000).orderBy("_kafka_offset").collectAsList();
  }

  @Test
  void wellFormedRecordParsesToTypedColumns() {
    Row row = parse(GOOD);

    assertThat(row.<String>getAs(RecordParser.RULE)).isNull();
    assertThat(row.<String>getAs("order_id")).isEqualTo("o-1");
    assertThat(row.<Integer>getAs("quantity")).isEqualTo(2);
    assertThat(row.<Double>getAs("price")).isEqualTo(9.5);
    assertThat(row.<java.sql.Timestamp>getAs("ordered_at").toInstant()).hasToString("2026-11-21T10:15:30.123Z");
  }

  @Test
  void offsetInTimestampIsConvertedToUtc() {
    Row row = parse(GOOD.replace("2026-11-21T10:15:30.123Z", "2026-11-21T12:15:30+02:00"));

    assertThat(row.<java.sql.Timestamp>getAs("ordered_at").toInstant()).hasToString("2026-11-21T10:15:30Z");
  }

  @Test
  void emptyValueIsRejected() {
    Row row = parse(new byte[0]);

    assertThat(row.<String>getAs(RecordParser.RULE)).isEqualTo("decode.empty");
    assertThat(row.<String>getAs(RecordParser.REASON)).isEqualTo("empty value (0 bytes)");
  }

  @Test
  void valueOverTheLimitIsRejectedBeforeParsing() {
    Row row = parse("{\"order_id\":\"" + "x".repeat(1000) + "\"}");

    assertThat(row.<String>getAs(RecordParser.RULE)).isEqualTo("decode.too_large");
    assertThat(row.<String>getAs(RecordParser.REASON)).isEqualTo("value of 1015 bytes exceeds refine.max-record-bytes (1000)");
  }

  @Test
  void invalidUtf8IsRejected() {
    byte[] bytes = GOOD.replace("o-1", "o-\u00e9").getBytes(StandardCharsets.UTF_8);
    int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("o-") + 2;
    bytes[at + 1] = 0x28; // 0xC3 followed by '(' is not UTF-8

    Row row = parse(bytes);

    assertThat(row.<String>getAs(RecordParser.RULE)).isEqualTo("decode.utf8");
  }

  @Test
  void truncatedJsonIsRejected() {
    Row row = parse(GOOD.substring(0, 30));

    assertThat(row.<String>getAs(RecordParser.RULE)).isEqualTo("parse.json");
    assertThat(row.<String>getAs(RecordParser.REASON)).startsWith("malformed JSON (truncated or invalid syntax): {\"order_id\"");
  }

  @Test
  void jsonThatIsNotAnObjectIsRejected() {
    assertThat(parse("[1, 2, 3]").<String>getAs(RecordParser.RULE)).isEqualTo("parse.json");
    assertThat(parse("plain text").<String>getAs(RecordParser.RULE)).isEqualTo("parse.json");
  }

  @Test
  void wrongTypeNamesTheField() {
    Row row = parse(GOOD.replace("\"quantity\":2", "\"quantity\":\"two\""));

    assertThat(row.<String>getAs(RecordParser.RULE)).isEqualTo("parse.type.quantity");
    assertThat(row.<String>getAs(RecordParser.REASON)).isEqualTo("field 'quantity' is not a valid int: two");
  }

  @Test
  void numericTimestampIsAWrongTypeNotEpochSeconds() {
    Row row = parse(GOOD.replace("\"2026-11-21T10:15:30.123Z\"", "12345"));

    assertThat(row.<String>getAs(RecordParser.RULE)).isEqualTo("parse.type.ordered_at");
  }

  @Test
  void missingRequiredFieldIsRejected() {
    Row row = parse(GOOD.replace("\"order_id\":\"o-1\",", ""));

    assertThat(row.<String>getAs(RecordParser.RULE)).isEqualTo("required.order_id");
    assertThat(row.<String>getAs(RecordParser.REASON)).isEqualTo("required field 'order_id' is missing or null");
  }

  @Test
  void nullOptionalFieldIsFine() {
    Row row = parse(GOOD.replace("\"quantity\":2", "\"quantity\":null"));

    assertThat(row.<String>getAs(RecordParser.RULE)).isNull();
    assertThat((Object) row.getAs("quantity")).isNull();
  }

  @Test
  void eachRecordGetsItsOwnRule() {
    List<Row> rows = parseAll(List.of(
        GOOD.getBytes(StandardCharsets.UTF_8), new byte[0], "{".getBytes(StandardCharsets.UTF_8), GOOD.getBytes(StandardCharsets.UTF_8)));

    assertThat(rows).extracting(r -> r.<String>getAs(RecordParser.RULE)).containsExactly(null, "decode.empty", "parse.json", null);
  }
}
