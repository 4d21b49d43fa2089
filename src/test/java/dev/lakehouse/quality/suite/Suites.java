package dev.lakehouse.quality.suite;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Small suites written inline: each rule or anomaly is one YAML flow mapping. */
final class Suites {
  static final String SOURCE = "quality/silver/commerce_orders.yaml";

  private Suites() {}

  static QualitySuite withRules(String... rules) {
    return QualitySuite.parse(yaml(rules), SOURCE);
  }

  static QualityRule rule(String rule) {
    return withRules(rule).rules().get(0);
  }

  static AnomalyRule anomaly(String anomaly) {
    return QualitySuite.parse("table: silver.commerce_orders\nanomalies:\n  - " + anomaly + "\n", SOURCE)
        .anomalies().get(0);
  }

  static String yaml(String... rules) {
    return "table: silver.commerce_orders\nrules:\n"
        + Arrays.stream(rules).map(rule -> "  - " + rule + "\n").collect(Collectors.joining());
  }

  static String anomalyYaml(String... anomalies) {
    return "table: silver.commerce_orders\nanomalies:\n"
        + Arrays.stream(anomalies).map(anomaly -> "  - " + anomaly + "\n").collect(Collectors.joining());
  }
}
