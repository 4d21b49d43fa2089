package dev.lakehouse.faults;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.commerce.stream.CommerceStreams;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.finance.scoring.FraudScoring;
import dev.lakehouse.logs.detect.LogDetectors;
import dev.lakehouse.refine.RefineJob;
import dev.lakehouse.spark.StreamingQueries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Every continuous streaming job after ingest in one process, as they run in production, for the
 * fault suite to kill: refine of every silver table, the commerce gold streams, the log detectors
 * and fraud scoring, with one-second triggers. Arguments: --conf key=value pairs.
 */
public final class StreamingJobsMain {
  private StreamingJobsMain() {}

  public static void main(String[] args) throws Exception {
    List<String> overrides = new ArrayList<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      overrides.add(args[i + 1]);
    }
    LakehouseConfig config = LakehouseConfig.load(Map.of(), overrides);
    Lakehouse lakehouse = Lakehouse.open(config, "lakehouse-fault-jobs");
    SparkSession spark = lakehouse.spark();
    Trigger trigger = Trigger.ProcessingTime(1000);
    List<StreamingQuery> queries = new ArrayList<>();
    RefineJob refine = new RefineJob(config, lakehouse.catalog());
    for (String target : RefineJob.targets(lakehouse.catalog())) {
      queries.add(refine.start(spark, target, trigger));
    }
    CommerceStreams commerce = new CommerceStreams(config, lakehouse.catalog());
    queries.add(commerce.startBehavior(spark, trigger));
    queries.add(commerce.startSales(spark, trigger, CommerceStreams.ORDERS));
    queries.addAll(new LogDetectors(config, lakehouse.catalog()).start(spark, trigger));
    queries.add(new FraudScoring(config, lakehouse.catalog()).start(spark, trigger));
    System.out.println("started " + queries.size() + " queries");
    System.out.flush();
    StreamingQueries.awaitAll(queries, System.out, Duration.ofSeconds(5));
  }
}
