package dev.lakehouse.quality;

import com.amazon.deequ.anomalydetection.AnomalyDetector;
import com.amazon.deequ.anomalydetection.DataPoint;
import com.amazon.deequ.anomalydetection.DetectionResult;
import dev.lakehouse.quality.suite.AnomalyRule;
import java.util.ArrayList;
import java.util.List;
import scala.Option;
import scala.collection.JavaConverters;

/** Judges a new metric value against its accepted history with the rule's Deequ strategy. */
public final class MetricHistory {
  private MetricHistory() {}

  /** One accepted past value of a metric, at a time in epoch milliseconds. */
  public record Point(long timeMs, double value) {}

  public record Verdict(boolean passed, String message) {}

  public static Verdict judge(List<Point> history, Double current, AnomalyRule rule) {
    if (current == null) {
      return new Verdict(false, "metric " + rule.metric() + " could not be computed");
    }
    if (history.isEmpty()) {
      return new Verdict(true, "no accepted history yet; " + current + " becomes the first point");
    }
    List<DataPoint<Object>> points = new ArrayList<>();
    long last = Long.MIN_VALUE;
    for (Point point : history) {
      points.add(new DataPoint<>(point.timeMs(), Option.apply((Object) point.value())));
      last = Math.max(last, point.timeMs());
    }
    DataPoint<Object> next = new DataPoint<>(last + 1, Option.apply((Object) current));
    DetectionResult result = new AnomalyDetector(rule.strategy())
        .isNewPointAnomalous(JavaConverters.asScalaBuffer(points).toSeq(), next);
    if (result.anomalies().isEmpty()) {
      return new Verdict(true, null);
    }
    var anomaly = result.anomalies().head()._2();
    String detail = anomaly.detail().isDefined() ? anomaly.detail().get() : "anomalous";
    return new Verdict(false, String.format("%s = %s against %d accepted runs: %s",
        rule.metric(), current, history.size(), detail));
  }
}
