package dev.lakehouse.refine;

import dev.lakehouse.logs.parse.ParseResult;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Bronze rows holding raw log lines -> the same contract as {@link RecordParser}: the bronze
 * columns, the payload columns, and {@code _rule_id} / {@code _reason} for lines that cannot be
 * used (rules {@code decode.*}, the parser's {@code parse.*}, and {@code required.<field>}).
 */
public final class LineParser {
  private LineParser() {}

  public static Dataset<Row> apply(Dataset<Row> bronze, LogLines format, StructType payload, List<String> required,
      int maxRecordBytes) {
    StructType schema = bronze.schema();
    for (StructField field : payload.fields()) {
      schema = schema.add(field.name(), field.dataType(), true);
    }
    schema = schema.add(RecordParser.RULE, DataTypes.StringType, true).add(RecordParser.REASON, DataTypes.StringType, true);
    StructType bronzeSchema = bronze.schema();
    String[] fields = payload.fieldNames();
    MapPartitionsFunction<Row, Row> parse = rows -> new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        return parseRow(rows.next(), bronzeSchema, format, fields, required, maxRecordBytes);
      }
    };
    return bronze.mapPartitions(parse, Encoders.row(schema));
  }

  static Row parseRow(Row bronze, StructType bronzeSchema, LogLines format, String[] fields, List<String> required,
      int maxRecordBytes) {
    List<Object> values = new ArrayList<>(bronzeSchema.size() + fields.length + 2);
    for (int i = 0; i < bronzeSchema.size(); i++) {
      values.add(bronze.get(i));
    }
    byte[] raw = bronze.getAs("value");
    String[] rejection = new String[2];
    Map<String, Object> parsed = parse(raw, format, year(bronze), maxRecordBytes, rejection);
    if (parsed != null) {
      for (String field : required) {
        if (parsed.get(field) == null) {
          rejection[0] = "required." + field;
          rejection[1] = "required field '" + field + "' is missing";
          break;
        }
      }
    }
    for (String field : fields) {
      values.add(parsed == null || rejection[0] != null ? null : parsed.get(field));
    }
    values.add(rejection[0]);
    values.add(rejection[1]);
    return RowFactory.create(values.toArray());
  }

  private static Map<String, Object> parse(byte[] raw, LogLines format, int year, int maxRecordBytes, String[] rejection) {
    if (raw == null || raw.length == 0) {
      return reject(rejection, "decode.empty", "empty value (0 bytes)");
    }
    if (raw.length > maxRecordBytes) {
      return reject(rejection, "decode.too_large",
          String.format("value of %d bytes exceeds refine.max-record-bytes (%d)", raw.length, maxRecordBytes));
    }
    String line;
    try {
      line = strictUtf8().decode(ByteBuffer.wrap(raw)).toString();
    } catch (CharacterCodingException e) {
      return reject(rejection, "decode.utf8", "value is not valid UTF-8");
    }
    ParseResult<Map<String, Object>> result = format.fields(line.strip(), year);
    if (result instanceof ParseResult.Rejected<Map<String, Object>> rejected) {
      return reject(rejection, rejected.ruleId(), rejected.reason());
    }
    return ((ParseResult.Parsed<Map<String, Object>>) result).value();
  }

  /** The year of the record's Kafka timestamp (else its ingest time): RFC 3164 lines carry none. */
  private static int year(Row bronze) {
    Timestamp at = bronze.getAs("_kafka_timestamp");
    if (at == null) {
      at = bronze.getAs("_ingested_at");
    }
    return at == null ? 1970 : at.toInstant().atZone(ZoneOffset.UTC).getYear();
  }

  private static Map<String, Object> reject(String[] rejection, String rule, String reason) {
    rejection[0] = rule;
    rejection[1] = reason;
    return null;
  }

  private static CharsetDecoder strictUtf8() {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
