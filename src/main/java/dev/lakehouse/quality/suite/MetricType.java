package dev.lakehouse.quality.suite;

import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.Completeness;
import com.amazon.deequ.analyzers.Maximum;
import com.amazon.deequ.analyzers.Mean;
import com.amazon.deequ.analyzers.Minimum;
import com.amazon.deequ.analyzers.Size;
import com.amazon.deequ.analyzers.Sum;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import scala.Option;

/** The metrics an anomaly rule can track, each computed by one Deequ analyzer over the whole table. */
enum MetricType {
  SIZE("size"),
  MEAN("mean"),
  MINIMUM("minimum"),
  MAXIMUM("maximum"),
  SUM("sum"),
  COMPLETENESS("completeness");

  private final String yamlName;

  MetricType(String yamlName) {
    this.yamlName = yamlName;
  }

  static Optional<MetricType> find(String yamlName) {
    return Arrays.stream(values()).filter(type -> type.yamlName.equals(yamlName)).findFirst();
  }

  static MetricType of(String yamlName) {
    return find(yamlName).orElseThrow(() -> new IllegalArgumentException(
        String.format("Invalid metric '%s': known metrics are %s", yamlName, names())));
  }

  static String names() {
    return Arrays.stream(values()).map(MetricType::yamlName).collect(Collectors.joining(", "));
  }

  String yamlName() {
    return yamlName;
  }

  /** Whether the metric is computed over one column (all but {@code size}). */
  boolean needsColumn() {
    return this != SIZE;
  }

  /** The analyzer, without a where-filter; {@code column} is ignored for {@code size}. */
  Analyzer<?, ?> analyzer(String column) {
    return switch (this) {
      case SIZE -> new Size(Option.empty());
      case MEAN -> new Mean(column, Option.empty());
      case MINIMUM -> new Minimum(column, Option.empty(), Option.empty());
      case MAXIMUM -> new Maximum(column, Option.empty(), Option.empty());
      case SUM -> new Sum(column, Option.empty());
      case COMPLETENESS -> new Completeness(column, Option.empty(), Option.empty());
    };
  }
}
