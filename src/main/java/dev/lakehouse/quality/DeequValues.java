package dev.lakehouse.quality;

import com.amazon.deequ.metrics.Metric;
import scala.Option;

/** Numbers out of Deequ's Scala types. */
final class DeequValues {
  private DeequValues() {}

  /** The metric's value when it is a successfully computed number, else null. */
  static Double number(Option<? extends Metric<?>> metric) {
    if (metric == null || metric.isEmpty()) {
      return null;
    }
    return number(metric.get());
  }

  static Double number(Metric<?> metric) {
    if (metric.value().isFailure()) {
      return null;
    }
    Object value = metric.value().get();
    return value instanceof Number n ? n.doubleValue() : null;
  }
}
