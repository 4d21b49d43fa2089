import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationSuite;
import dev.lakehouse.Lakehouse;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.quality.QualityGate;
import dev.lakehouse.quality.RunKey;
import dev.lakehouse.quality.suite.DeequChecks;
import dev.lakehouse.quality.suite.QualitySuite;
import dev.lakehouse.quality.suite.QualitySuites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.collection.JavaConverters;

/**
 * bench/quality: on a Delta table of N rows shaped as silver.commerce_events, time (a) one
 * hand-written pass computing the metrics the suite judges (plus the grouping uniqueness needs),
 * (b) the Deequ verification of quality/silver/commerce_events.yaml, and (c) the whole gate
 * (verification plus recording results and metrics); median of 3 runs each after a warm-up.
 * {@code --smoke}: 2,000 rows, one run each, in a running JVM (the session is left running).
 */
public class QualityBenchmark {
  static final String TABLE = "silver.commerce_events";

  public static void main(String[] args) throws Exception {
    boolean smoke = args.length > 0 && args[0].equals("--smoke");
    long n = smoke ? 2_000L : args.length > 0 ? Long.parseLong(args[0]) : 3_000_000L;
    Path root = Files.createTempDirectory("lakehouse-bench-quality");
    LakehouseConfig config = LakehouseConfig.load(Map.of(), List.of("home=" + root));
    Lakehouse lakehouse = Lakehouse.open(config, "bench-quality");
    SparkSession spark = lakehouse.spark();
    // by column name: the columns the table gained since (derived ones, all nullable) stay null
    spark.sql("INSERT INTO " + TABLE + " (event_id, event_type, user_id, session_id, product_id, category, page, user_agent, "
        + "event_at, event_date, _kafka_topic, _kafka_partition, _kafka_offset, _ingested_at, _refined_at) SELECT "
        + "concat('e-', id), element_at(array('view','view','view','click','cart','purchase'), cast(id % 6 + 1 as int)), "
        + "concat('u-', id % 5000), concat('s-', id % 200000), concat('p-', id % 500), 'books', concat('/product/p-', id % 500), "
        + "'Mozilla/5.0', timestamp'2026-11-21 00:00:00' + make_interval(0, 0, 0, 0, 0, 0, id % 86400), date'2026-11-21', "
        + "'commerce.events', cast(id % 2 as int), id, timestamp'2026-11-21 00:00:00', timestamp'2026-11-21 00:00:00' "
        + "FROM range(" + n + ")");
    Dataset<Row> data = spark.table(TABLE);
    QualitySuite suite = QualitySuites.forTable(TABLE).orElseThrow();
    Instant reference = Instant.parse("2026-11-22T00:00:00Z");
    System.out.printf("table %s with %,d rows; suite of %d rules%n", TABLE, n, suite.rules().size());

    Runnable handWritten = () -> {
      Row metrics = data.selectExpr(
          "count(*)", "count(event_id) / count(*)", "count(user_id) / count(*)", "count(event_at) / count(*)",
          "count(session_id) / count(*)",
          "avg(CASE WHEN event_type IS NULL OR event_type IN ('view','click','cart','purchase') THEN 1.0 ELSE 0.0 END)",
          "avg(CASE WHEN page IS NULL OR page RLIKE '^/' THEN 1.0 ELSE 0.0 END)",
          "max(event_at) >= timestamp'2026-11-20 00:00:00'").head();
      Row uniqueness = data.groupBy("event_id").count()
          .selectExpr("sum(CASE WHEN count = 1 THEN 1 ELSE 0 END) / sum(count)").head();
      if (metrics.getLong(0) != n || uniqueness.isNullAt(0)) {
        throw new IllegalStateException("hand-written pass computed nothing");
      }
    };
    Runnable deequ = () -> {
      VerificationResult result = new VerificationSuite().onData(data)
          .addChecks(JavaConverters.asScalaBuffer(DeequChecks.of(suite, reference.getEpochSecond())).toSeq())
          .run();
      if (!result.status().toString().equals("Success")) {
        throw new IllegalStateException("suite did not pass: " + result.status());
      }
    };
    QualityGate gate = new QualityGate(lakehouse.catalog());
    Runnable fullGate = () -> gate.evaluate(spark, data, new RunKey(TABLE, RunKey.ON_DEMAND, null, null, reference)).outcome().publishable();

    int runs = smoke ? 1 : 3;
    double a = median(handWritten, runs);
    double b = median(deequ, runs);
    double c = median(fullGate, runs);
    System.out.printf("(a) hand-written aggregation pass:   %7.2f s  (%,.0f rows/s)%n", a, n / a);
    System.out.printf("(b) Deequ VerificationSuite:         %7.2f s  (%,.0f rows/s)%n", b, n / b);
    System.out.printf("(c) full gate (b + ops tables):      %7.2f s  (%,.0f rows/s)%n", c, n / c);
    System.out.printf("ratio b/a = %.2f, c/a = %.2f%n", b / a, c / a);
    if (!(a > 0 && b > 0 && c > 0)) {
      throw new IllegalStateException("a timing is not positive: " + a + ", " + b + ", " + c);
    }
    if (!smoke) {
      spark.stop();
    }
  }

  static double median(Runnable run, int runs) {
    run.run();
    double[] seconds = new double[runs];
    for (int i = 0; i < seconds.length; i++) {
      long start = System.nanoTime();
      run.run();
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    return seconds[runs / 2];
  }
}
