package dev.lakehouse.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Files -> one row per record with where it came from, its raw text, the table's input columns
 * typed, and what was wrong with it:
 * {@code _source_file, _source_line, _raw, <inputs>, _errors ARRAY<STRUCT<rule, reason>>, _ignored ARRAY<STRING>}.
 *
 * <p>CSV and JSON lines are read one file per task, streamed (gzip when the name ends in .gz), so
 * line numbers are the file's own: a CSV record's line is where it starts (1 is the header); a
 * JSON record's line is its line. Parquet is read by Spark; its "line" is the row's number in the
 * file, from 1. Rules: {@code load.parse.csv} (a record with another number of fields than the
 * header), {@code load.parse.json} (a line that is not a JSON object), {@code load.type.<column>} (a
 * value that is not of the column's type).
 */
public final class FileRecords {
  static final String FILE = "_source_file";
  static final String LINE = "_source_line";
  static final String RAW = "_raw";
  static final String ERRORS = "_errors";
  static final String IGNORED = "_ignored";
  static final StructType ERROR = new StructType().add("rule", DataTypes.StringType).add("reason", DataTypes.StringType);
  private static final int MAX_RAW_CHARS = 4096;

  /** The formats a file can be in; {@link #of} tells them by the name's extension. */
  public enum Format {
    CSV, JSON, PARQUET;

    static Format of(String file, Format given) {
      if (given != null) {
        return given;
      }
      String name = file.toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
      if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
        return CSV;
      }
      if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
        return JSON;
      }
      if (name.endsWith(".parquet")) {
        return PARQUET;
      }
      throw new IllegalArgumentException(String.format(
          "Cannot tell the format of %s from its name: use .csv, .tsv, .json, .jsonl, .ndjson or .parquet (with .gz for "
              + "compressed text), or give --format csv|json|parquet", file));
    }
  }

  /** How CSV files are split: delimiter (0 = ',' or a tab for .tsv), quote and the escape of a quote inside quotes. */
  public record CsvOptions(char delimiter, char quote, char escape) implements Serializable {
    char delimiterFor(String file) {
      if (delimiter != 0) {
        return delimiter;
      }
      return file.toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "").endsWith(".tsv") ? '\t' : ',';
    }
  }

  /** The rows read, and the columns of the files that filled nothing (CSV headers, Parquet schemas). */
  record Read(Dataset<Row> rows, List<String> ignored) {}

  private FileRecords() {}

  /** The schema of the rows: lineage, raw text, the inputs, errors and ignored fields. */
  static StructType schema(StructType inputs) {
    StructType schema = new StructType()
        .add(FILE, DataTypes.StringType, false)
        .add(LINE, DataTypes.LongType, true)
        .add(RAW, DataTypes.StringType, true);
    for (StructField field : inputs.fields()) {
      schema = schema.add(field.name(), field.dataType(), true);
    }
    return schema.add(ERRORS, DataTypes.createArrayType(ERROR), false)
        .add(IGNORED, DataTypes.createArrayType(DataTypes.StringType), false);
  }

  /**
   * Reads the files: checks each CSV header and Parquet schema first, so a file without a required
   * column (or with two columns filling one) fails before anything is read.
   */
  static Read read(SparkSession spark, List<String> files, Format format, CsvOptions csv, ColumnMatch match,
      List<String> required) {
    Map<Format, List<String>> byFormat = new LinkedHashMap<>();
    files.forEach(f -> byFormat.computeIfAbsent(Format.of(f, format), k -> new ArrayList<>()).add(f));
    StructType schema = schema(match.inputs());
    TreeSet<String> ignored = new TreeSet<>();
    Dataset<Row> rows = null;
    for (Map.Entry<Format, List<String>> group : byFormat.entrySet()) {
      Dataset<Row> read = switch (group.getKey()) {
        case CSV -> csv(spark, group.getValue(), csv, match, required, schema, ignored);
        case JSON -> json(spark, group.getValue(), match, schema);
        case PARQUET -> parquet(spark, group.getValue(), match, required, schema, ignored);
      };
      rows = rows == null ? read : rows.unionByName(read);
    }
    return new Read(rows, List.copyOf(ignored));
  }

  // ---- CSV

  private static Dataset<Row> csv(SparkSession spark, List<String> files, CsvOptions options, ColumnMatch match,
      List<String> required, StructType schema, TreeSet<String> ignored) {
    for (String file : files) {
      ColumnMatch.Resolved resolved = match.resolve(header(spark, file, options));
      checkColumns(file, resolved, match, required);
      ignored.addAll(resolved.ignored());
    }
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .binaryFiles(String.join(",", files), files.size())
        .flatMap(file -> csvRows(file, options, match));
    return spark.createDataFrame(rows, schema);
  }

  private static List<String> header(SparkSession spark, String file, CsvOptions options) {
    Path path = new Path(file);
    try (InputStream in = open(path.getFileSystem(spark.sessionState().newHadoopConf()).open(path), file)) {
      CsvParser parser = csvParser(file, options);
      parser.beginParsing(reader(in));
      String[] header = parser.parseNext();
      parser.stopParsing();
      if (header == null) {
        throw new IllegalArgumentException("Cannot load " + file + ": it is empty; a CSV file starts with a header line "
            + "naming its columns");
      }
      return Arrays.stream(header).map(h -> h == null ? "" : h).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static Iterator<Row> csvRows(Tuple2<String, PortableDataStream> file, CsvOptions options, ColumnMatch match)
      throws IOException {
    String name = file._1();
    InputStream in = open(file._2().open(), name);
    CsvParser parser = csvParser(name, options);
    parser.beginParsing(reader(in));
    List<String> header = Arrays.stream(parser.parseNext()).map(h -> h == null ? "" : h).toList();
    ColumnMatch.Resolved resolved = match.resolve(header);
    return new Iterator<>() {
      private String[] record = parser.parseNext();

      @Override
      public boolean hasNext() {
        if (record == null) {
          parser.stopParsing();
        }
        return record != null;
      }

      @Override
      public Row next() {
        String content = parser.getContext().currentParsedContent();
        String raw = content == null ? "" : content.replaceFirst("\\r?\\n$", "");
        long line = parser.getContext().currentLine() - raw.chars().filter(c -> c == '\n').count();
        Row row = csvRow(name, line, raw, record, header.size(), resolved, match);
        record = parser.parseNext();
        return row;
      }
    };
  }

  private static Row csvRow(String file, long line, String raw, String[] record, int headerSize, ColumnMatch.Resolved resolved,
      ColumnMatch match) {
    List<Row> errors = new ArrayList<>();
    if (record.length != headerSize) {
      errors.add(error("load.parse.csv", String.format("Invalid CSV record: %d field%s where the header has %d (a quote "
          + "left open, or a delimiter inside an unquoted value?)", record.length, record.length == 1 ? "" : "s", headerSize)));
      return row(file, line, raw, new Object[match.inputs().size()], errors, List.of());
    }
    return typed(file, line, raw, i -> resolved.fills(i) ? record[resolved.sources()[i]] : null, match, errors, List.of());
  }

  private static CsvParser csvParser(String file, CsvOptions options) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.getFormat().setDelimiter(options.delimiterFor(file));
    settings.getFormat().setQuote(options.quote());
    settings.getFormat().setQuoteEscape(options.escape());
    settings.setLineSeparatorDetectionEnabled(true);
    settings.setMaxCharsPerColumn(1 << 20);
    settings.setMaxColumns(4096);
    settings.setHeaderExtractionEnabled(false);
    return new CsvParser(settings);
  }

  // ---- JSON lines

  private static Dataset<Row> json(SparkSession spark, List<String> files, ColumnMatch match, StructType schema) {
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .binaryFiles(String.join(",", files), files.size())
        .flatMap(file -> jsonRows(file, match));
    return spark.createDataFrame(rows, schema);
  }

  private static Iterator<Row> jsonRows(Tuple2<String, PortableDataStream> file, ColumnMatch match) throws IOException {
    String name = file._1();
    BufferedReader lines = new BufferedReader(reader(open(file._2().open(), name)));
    ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    return new Iterator<>() {
      private long number;
      private Row next = advance();

      private Row advance() {
        try {
          String line;
          while ((line = lines.readLine()) != null) {
            number++;
            if (!line.isBlank()) {
              return jsonRow(name, number, line, json, match);
            }
          }
          lines.close();
          return null;
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read " + name + ": " + e.getMessage(), e);
        }
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Row next() {
        Row current = next;
        next = advance();
        return current;
      }
    };
  }

  private static Row jsonRow(String file, long line, String text, ObjectMapper json, ColumnMatch match) {
    List<Row> errors = new ArrayList<>();
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (JsonProcessingException e) {
      errors.add(error("load.parse.json", "Invalid JSON line: " + e.getOriginalMessage()));
      return row(file, line, text, new Object[match.inputs().size()], errors, List.of());
    }
    if (node == null || !node.isObject()) {
      errors.add(error("load.parse.json", "Invalid JSON line: expected an object {...}, found " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT))));
      return row(file, line, text, new Object[match.inputs().size()], errors, List.of());
    }
    List<String> names = Arrays.asList(match.inputs().fieldNames());
    Object[] sources = new Object[names.size()];
    List<String> ignored = new ArrayList<>();
    node.fields().forEachRemaining(field -> {
      String target = match.target(field.getKey());
      if (target == null) {
        ignored.add(field.getKey());
        return;
      }
      JsonNode value = field.getValue();
      sources[names.indexOf(target)] = value.isNull() ? null
          : value.isTextual() ? value.textValue()
          : value.isNumber() ? value.numberValue()
          : value.isBoolean() ? (Object) value.booleanValue()
          : new Nested(value.getNodeType().name().toLowerCase(Locale.ROOT));
    });
    return typed(file, line, text, i -> sources[i], match, errors, ignored);
  }

  /** A JSON object or array where a single value was expected. */
  private record Nested(String kind) {}

  // ---- Parquet

  private static Dataset<Row> parquet(SparkSession spark, List<String> files, ColumnMatch match, List<String> required,
      StructType schema, TreeSet<String> ignored) {
    Dataset<Row> data = spark.read().parquet(files.toArray(String[]::new));
    List<String> header = Arrays.asList(data.columns());
    ColumnMatch.Resolved resolved = match.resolve(header);
    checkColumns(String.join(", ", files), resolved, match, required);
    ignored.addAll(resolved.ignored());
    List<Column> selected = new ArrayList<>();
    header.forEach(c -> selected.add(col("`" + c + "`")));
    selected.add(col("_metadata.file_path").as(FILE));
    selected.add(col("_metadata.row_index").plus(1).as(LINE));
    selected.add(to_json(struct(header.stream().map(c -> col("`" + c + "`")).toArray(Column[]::new))).as(RAW));
    int width = header.size();
    JavaRDD<Row> rows = data.select(selected.toArray(Column[]::new)).javaRDD().map(r -> typed(r.getString(width),
        r.isNullAt(width + 1) ? null : r.getLong(width + 1), r.getString(width + 2),
        i -> resolved.fills(i) ? r.get(resolved.sources()[i]) : null, match, new ArrayList<>(), List.of()));
    return spark.createDataFrame(rows, schema);
  }

  // ---- shared

  // a file that misses a required column, or fills one twice, fails before anything is loaded
  private static void checkColumns(String file, ColumnMatch.Resolved resolved, ColumnMatch match, List<String> required) {
    if (!resolved.problems().isEmpty()) {
      throw new IllegalArgumentException("Cannot load " + file + ": " + String.join("; ", resolved.problems()));
    }
    List<String> names = Arrays.asList(match.inputs().fieldNames());
    List<String> missing = required.stream()
        .filter(c -> !resolved.fills(names.indexOf(c)) && !match.constants().containsKey(c))
        .toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(String.format("Cannot load %s: it has no column %s, which the table requires; "
          + "name the file's column with --map SOURCE=%s, or give one value for every row with --set %s=VALUE",
          file, String.join(", ", missing), missing.get(0), missing.get(0)));
    }
  }

  /** Converts each input (constants of --set first) and records a type error per column that does not convert. */
  private static Row typed(String file, Long line, String raw, java.util.function.IntFunction<Object> source,
      ColumnMatch match, List<Row> errors, List<String> ignored) {
    StructField[] fields = match.inputs().fields();
    Object[] values = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      String constant = match.constants().get(fields[i].name());
      Object value = constant != null ? constant : source.apply(i);
      if (value instanceof Nested nested) {
        errors.add(error("load.type." + fields[i].name(), String.format("Invalid %s: a JSON %s where a single value is "
            + "expected; %s", fields[i].name(), nested.kind(), ValueConverter.mustBe(fields[i].dataType()))));
        continue;
      }
      try {
        values[i] = ValueConverter.convert(value, fields[i].dataType());
      } catch (IllegalArgumentException e) {
        errors.add(error("load.type." + fields[i].name(), String.format("Invalid %s '%s': %s", fields[i].name(),
            abbreviated(String.valueOf(value)), e.getMessage())));
      }
    }
    return row(file, line, raw, values, errors, ignored);
  }

  private static Row row(String file, Long line, String raw, Object[] values, List<Row> errors, List<String> ignored) {
    Object[] all = new Object[values.length + 5];
    all[0] = file;
    all[1] = line;
    all[2] = raw == null ? null : abbreviated(raw);
    System.arraycopy(values, 0, all, 3, values.length);
    all[values.length + 3] = scala.collection.JavaConverters.asScalaBuffer(errors).toList();
    all[values.length + 4] = scala.collection.JavaConverters.asScalaBuffer(ignored).toList();
    return RowFactory.create(all);
  }

  static Row error(String rule, String reason) {
    return RowFactory.create(rule, reason);
  }

  private static String abbreviated(String text) {
    return text.length() <= MAX_RAW_CHARS ? text : text.substring(0, MAX_RAW_CHARS) + "...";
  }

  private static InputStream open(InputStream raw, String file) throws IOException {
    return file.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
  }

  private static Reader reader(InputStream in) {
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  static FileSystem fileSystem(SparkSession spark, String file) throws IOException {
    return new Path(file).getFileSystem(spark.sessionState().newHadoopConf());
  }
}
