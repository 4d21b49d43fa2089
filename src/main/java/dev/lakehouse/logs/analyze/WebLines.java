package dev.lakehouse.logs.analyze;

import dev.lakehouse.logs.parse.LogFormat;
import dev.lakehouse.logs.parse.ParseResult;
import dev.lakehouse.logs.parse.WebLogParser;
import dev.lakehouse.logs.parse.WebRequest;
import java.sql.Timestamp;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Web access log files -> one row per line: the request's fields (the columns of
 * silver.logs_web_requests the analysis reads), or {@code _rule} / {@code _reason} / {@code _line}
 * for a line that matches no format. Blank lines are skipped, as every log tool does.
 */
public final class WebLines {
  public static final String RULE = "_rule";
  public static final String REASON = "_reason";
  public static final String LINE = "_line";

  public static final StructType SCHEMA = new StructType()
      .add("vhost", DataTypes.StringType)
      .add("ip", DataTypes.StringType)
      .add("user_name", DataTypes.StringType)
      .add("requested_at", DataTypes.TimestampType)
      .add("method", DataTypes.StringType)
      .add("path", DataTypes.StringType)
      .add("query", DataTypes.StringType)
      .add("protocol", DataTypes.StringType)
      .add("status", DataTypes.IntegerType)
      .add("bytes", DataTypes.LongType)
      .add("referrer", DataTypes.StringType)
      .add("user_agent", DataTypes.StringType)
      .add("response_time_us", DataTypes.LongType)
      .add(RULE, DataTypes.StringType)
      .add(REASON, DataTypes.StringType)
      .add(LINE, DataTypes.StringType);

  private WebLines() {}

  /** Parses the files, all in {@code format}; null parses each line in whichever web format it is in. */
  public static Dataset<Row> read(SparkSession spark, List<String> files, LogFormat format) {
    MapPartitionsFunction<Row, Row> parse = lines -> new Iterator<>() {
      private Row next = advance();

      private Row advance() {
        while (lines.hasNext()) {
          String line = lines.next().getString(0);
          if (!line.isBlank()) {
            return row(line, format);
          }
        }
        return null;
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
    return spark.read().text(files.toArray(String[]::new)).mapPartitions(parse, Encoders.row(SCHEMA));
  }

  static Row row(String line, LogFormat format) {
    ParseResult<WebRequest> result = format == null ? WebLogParser.parseAny(line) : WebLogParser.parse(line, format);
    if (result instanceof ParseResult.Parsed<WebRequest> parsed) {
      WebRequest r = parsed.value();
      return RowFactory.create(r.vhost(), r.ip(), r.user(), Timestamp.from(r.requestAt()), r.method(), r.path(), r.query(),
          r.protocol(), r.status(), r.bytes(), r.referrer(), r.userAgent(), r.responseTimeUs(), null, null, null);
    }
    ParseResult.Rejected<WebRequest> rejected = (ParseResult.Rejected<WebRequest>) result;
    return RowFactory.create(null, null, null, null, null, null, null, null, null, null, null, null, null,
        rejected.ruleId(), rejected.reason(), line);
  }
}
