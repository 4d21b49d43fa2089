package dev.lakehouse.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.spark.sql.Row;

/** One quarantined record shown whole, and corrected values read for replay. */
final class HeldRecord {
  private HeldRecord() {}

  /** Every field of an ops.quarantine row; binary values as text when they are UTF-8, else as hex and base64. */
  static String describe(Row row) {
    StringBuilder out = new StringBuilder();
    for (String field : row.schema().fieldNames()) {
      Object value = row.get(row.fieldIndex(field));
      if (value instanceof byte[] bytes) {
        appendBytes(out, field, bytes);
      } else {
        out.append(field).append(": ").append(value == null ? "NULL" : value).append('\n');
      }
    }
    return out.toString();
  }

  /** The bytes of a --set-value: the text itself (UTF-8), or with a leading '@' the content of that file. */
  static byte[] editedValue(String id, String value) {
    if (!value.startsWith("@")) {
      return value.getBytes(StandardCharsets.UTF_8);
    }
    Path file = Path.of(value.substring(1));
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read the corrected value of " + id + " from " + file + ": " + e.getMessage(), e);
    }
  }

  private static void appendBytes(StringBuilder out, String field, byte[] bytes) {
    Optional<String> text = utf8(bytes);
    out.append(field).append(" (").append(bytes.length).append(" bytes");
    if (text.isPresent()) {
      out.append(", UTF-8):\n").append(text.get()).append('\n');
      return;
    }
    out.append(", not valid UTF-8):\n")
        .append("  hex:    ").append(HexFormat.of().formatHex(bytes)).append('\n')
        .append("  base64: ").append(Base64.getEncoder().encodeToString(bytes)).append('\n');
  }

  private static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
