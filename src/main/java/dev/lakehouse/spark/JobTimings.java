package dev.lakehouse.spark;

import dev.lakehouse.Timings;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;

/**
 * Reports every Spark job and SQL execution to {@link Timings} when its report was requested. A job is
 * named by its description (Delta names its own jobs: "Delta: Compute snapshot for version: N") or
 * else by the line that started it; an execution by the action that started it.
 */
final class JobTimings extends SparkListener {
  private record Started(String name, long atMillis) {}

  private final Map<Integer, Started> running = new ConcurrentHashMap<>();
  private final Map<Long, Started> executing = new ConcurrentHashMap<>();

  @Override
  public void onOtherEvent(SparkListenerEvent event) {
    if (event instanceof SparkListenerSQLExecutionStart start) {
      executing.put(start.executionId(), new Started(start.description().replaceAll("\\s+", " "), start.time()));
    } else if (event instanceof SparkListenerSQLExecutionEnd end) {
      Started started = executing.remove(end.executionId());
      if (started != null) {
        Timings.query(started.name(), started.atMillis(), end.time() - started.atMillis());
      }
    }
  }

  @Override
  public void onJobStart(SparkListenerJobStart start) {
    running.put(start.jobId(), new Started(name(start.properties()), start.time()));
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd end) {
    Started started = running.remove(end.jobId());
    if (started != null) {
      Timings.job(started.name(), started.atMillis(), end.time() - started.atMillis());
    }
  }

  // numbers (versions, ids) are left out, so jobs of one kind sum up together
  private static String name(Properties properties) {
    String description = properties == null ? null : properties.getProperty("spark.job.description");
    String site = properties == null ? null : properties.getProperty("callSite.short");
    String name = description != null ? description : site != null ? site : "(unnamed)";
    return name.replaceAll("\\d+", "N").replaceAll("\\s+", " ");
  }
}
