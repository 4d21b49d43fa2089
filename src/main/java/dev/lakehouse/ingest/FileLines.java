package dev.lakehouse.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Files of a watched directory (rows of Spark's binaryFile source: path, modificationTime, content)
 * -> bronze rows, one per line that is not blank, with the bytes exactly as in the file.
 *
 * <p>Lineage, in the columns refine reads: {@code _kafka_topic} is the file's URI, {@code _kafka_partition}
 * 0, {@code _kafka_offset} the line number (from 1, blank lines counted) and {@code _kafka_timestamp}
 * the file's modification time (RFC 3164 syslog lines take their year from it). So a line's identity
 * (file, line) is unique, refine's ids and deduplication hold, and a bad line lands in ops.quarantine
 * naming its file and line. A line ends at '\n' ("\r\n" too); the last line needs no newline. A .gz
 * file is decompressed; when it is cut short or corrupt, the lines before the damage are kept and
 * the file gets one row with {@code _error} set (the job quarantines it), never silence.
 */
public final class FileLines {
  public static final String ERROR = "_error";
  static final StructType SCHEMA = new StructType()
      .add("key", DataTypes.BinaryType)
      .add("value", DataTypes.BinaryType)
      .add("_kafka_topic", DataTypes.StringType, false)
      .add("_kafka_partition", DataTypes.IntegerType, false)
      .add("_kafka_offset", DataTypes.LongType, false)
      .add("_kafka_timestamp", DataTypes.TimestampType)
      .add("_ingested_at", DataTypes.TimestampType, false)
      .add("_ingested_date", DataTypes.DateType, false)
      .add("_ingest_batch_id", DataTypes.LongType, false)
      .add(ERROR, DataTypes.StringType);

  private FileLines() {}

  public static Dataset<Row> apply(Dataset<Row> files, Timestamp ingestedAt, long batchId) {
    Date ingestedDate = Date.valueOf(ingestedAt.toInstant().atOffset(ZoneOffset.UTC).toLocalDate());
    FlatMapFunction<Row, Row> lines = file -> lines(file.getString(0), file.getTimestamp(1), (byte[]) file.get(2),
        ingestedAt, ingestedDate, batchId).iterator();
    return files.select("path", "modificationTime", "content").flatMap(lines, Encoders.row(SCHEMA));
  }

  static List<Row> lines(String path, Timestamp modified, byte[] content, Timestamp ingestedAt, Date ingestedDate,
      long batchId) {
    List<Row> rows = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    long number = 1;
    try (InputStream in = open(path, content)) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            add(rows, line, path, number++, modified, ingestedAt, ingestedDate, batchId);
          } else {
            line.write(buffer[i]);
          }
        }
      }
      add(rows, line, path, number, modified, ingestedAt, ingestedDate, batchId);
    } catch (IOException e) {
      // what was read before the damage is kept; the damage itself is reported on the next line number
      add(rows, line, path, number, modified, ingestedAt, ingestedDate, batchId);
      rows.add(RowFactory.create(null, null, path, 0, number + 1, modified, ingestedAt, ingestedDate, batchId,
          "Cannot read " + path + " past line " + number + ": " + e.getMessage()));
    }
    return rows;
  }

  private static void add(List<Row> rows, ByteArrayOutputStream line, String path, long number, Timestamp modified,
      Timestamp ingestedAt, Date ingestedDate, long batchId) {
    byte[] bytes = line.toByteArray();
    line.reset();
    int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
    if (isBlank(bytes, length)) {
      return;
    }
    byte[] value = length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length);
    rows.add(RowFactory.create(null, value, path, 0, number, modified, ingestedAt, ingestedDate, batchId, null));
  }

  private static boolean isBlank(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
        return false;
      }
    }
    return true;
  }

  private static InputStream open(String path, byte[] content) throws IOException {
    InputStream raw = new ByteArrayInputStream(content);
    return path.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
  }
}
