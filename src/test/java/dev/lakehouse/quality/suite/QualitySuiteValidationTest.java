package dev.lakehouse.quality.suite;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Every problem a suite file can have stops the parse with a message naming the file, the entry and the problem. */
class QualitySuiteValidationTest {
  private static final String IN = " in quality/silver/commerce_orders.yaml: ";

  @Test
  void rangeWithoutBounds() {
    assertRuleRejected("{id: quantity_range, check: range, column: quantity}",
        "Invalid rule 'quantity_range' in quality/silver/commerce_orders.yaml: check 'range' needs min or max");
  }

  @Test
  void unknownCheck() {
    assertRuleRejected("{id: x, check: uniq, columns: [order_id]}",
        "Invalid rule 'x'" + IN + "unknown check 'uniq' (known: complete, completeness, unique, allowed_values, "
            + "range, pattern, references, freshness, row_count, expression)");
  }

  @Test
  void missingCheck() {
    assertRuleRejected("{id: x, column: order_id}",
        "Invalid rule 'x'" + IN + "it has no check (known: complete, completeness, unique, allowed_values, "
            + "range, pattern, references, freshness, row_count, expression)");
  }

  @Test
  void quarantineOfANonRowLevelCheck() {
    assertRuleRejected("{id: y, check: unique, columns: [order_id], action: quarantine}",
        "Invalid rule 'y'" + IN + "action 'quarantine' applies only to row-level checks "
            + "(complete, allowed_values, range, pattern, references, expression)");
  }

  @Test
  void duplicateIds() {
    assertRuleRejected(new String[] {"{id: a, check: complete, column: order_id}", "{id: a, check: complete, column: user_id}"},
        "Invalid rule 'a'" + IN + "duplicate id (rule #1 has it too); ids must be unique within the suite");
  }

  @Test
  void anAnomalyCannotReuseARuleId() {
    assertThatThrownBy(() -> QualitySuite.parse(Suites.yaml("{id: a, check: complete, column: order_id}")
        + "anomalies:\n  - {id: a, metric: size, strategy: simple_thresholds, lower_bound: 1}\n", Suites.SOURCE))
        .isInstanceOf(InvalidQualitySuiteException.class)
        .hasMessage("Invalid anomaly 'a'" + IN + "duplicate id (rule #1 has it too); ids must be unique within the suite");
  }

  @Test
  void unknownLevel() {
    assertRuleRejected("{id: a, check: complete, column: order_id, level: fatal}",
        "Invalid rule 'a'" + IN + "unknown level 'fatal' (known: error, warning)");
  }

  @Test
  void unknownAction() {
    assertRuleRejected("{id: a, check: complete, column: order_id, action: drop}",
        "Invalid rule 'a'" + IN + "unknown action 'drop' (known: fail, quarantine, warn)");
  }

  @Test
  void aWarningThatFails() {
    assertRuleRejected("{id: a, check: complete, column: order_id, level: warning, action: fail}",
        "Invalid rule 'a'" + IN + "action 'fail' needs level 'error': a warning never fails a run (drop the action or the level)");
  }

  @Test
  void anErrorThatOnlyWarns() {
    assertRuleRejected("{id: a, check: complete, column: order_id, action: warn}",
        "Invalid rule 'a'" + IN + "action 'warn' needs level 'warning': an error fails or quarantines (set level: warning)");
  }

  @Test
  void missingColumn() {
    assertRuleRejected("{id: a, check: complete}", "Invalid rule 'a'" + IN + "check 'complete' needs column");
  }

  @Test
  void missingCompletenessMin() {
    assertRuleRejected("{id: a, check: completeness, column: c}", "Invalid rule 'a'" + IN + "check 'completeness' needs min");
  }

  @Test
  void completenessMinOutsideZeroToOne() {
    assertRuleRejected("{id: a, check: completeness, column: c, min: 95}",
        "Invalid rule 'a'" + IN + "min must be between 0 and 1, got 95");
  }

  @Test
  void columnThatIsNotAName() {
    assertRuleRejected("{id: a, check: complete, column: 'order id'}",
        "Invalid rule 'a'" + IN + "column 'order id' is not a column name ([A-Za-z_][A-Za-z0-9_]*)");
  }

  @Test
  void typoInAKeyIsCaughtWithASuggestion() {
    assertRuleRejected("{id: a, check: complete, colum: order_id}",
        "Invalid rule 'a'" + IN + "unknown key 'colum'; did you mean 'column'? "
            + "(check 'complete' takes id, check, level, action, description, column)");
  }

  @Test
  void keyOfAnotherCheck() {
    assertRuleRejected("{id: a, check: complete, column: c, regex: x}",
        "Invalid rule 'a'" + IN + "unknown key 'regex' (check 'complete' takes id, check, level, action, description, column)");
  }

  @Test
  void uniqueWantsAListOfColumns() {
    assertRuleRejected("{id: a, check: unique, column: order_id}",
        "Invalid rule 'a'" + IN + "unknown key 'column'; did you mean 'columns'? "
            + "(check 'unique' takes id, check, level, action, description, columns)");
    assertRuleRejected("{id: a, check: unique, columns: order_id}",
        "Invalid rule 'a'" + IN + "columns must be a non-empty list of column names, e.g. [order_id, line_no]");
  }

  @Test
  void allowedValuesNeedAList() {
    assertRuleRejected("{id: a, check: allowed_values, column: c, values: []}",
        "Invalid rule 'a'" + IN + "values must be a non-empty list, e.g. [view, click]");
    assertRuleRejected("{id: a, check: allowed_values, column: c, values: [x, x]}",
        "Invalid rule 'a'" + IN + "values lists x twice");
  }

  @Test
  void rangeBoundsInTheWrongOrder() {
    assertRuleRejected("{id: a, check: range, column: c, min: 10, max: 1}",
        "Invalid rule 'a'" + IN + "min (10) must not exceed max (1)");
  }

  @Test
  void badRegex() {
    assertRuleRejected("{id: a, check: pattern, column: page, regex: '[a-'}",
        "Invalid rule 'a'" + IN + "invalid regex '[a-': Illegal character range at index 3");
  }

  @Test
  void badDuration() {
    assertRuleRejected("{id: a, check: freshness, column: event_at, max_age: 2 hours}",
        "Invalid rule 'a'" + IN + "invalid max_age '2 hours': write a number and a unit s, m, h or d, e.g. 30m, 2h, 1d, 1h30m");
  }

  @Test
  void referencesNeedATableName() {
    assertRuleRejected("{id: a, check: references, column: product_id, table: products, key: product_id}",
        "Invalid rule 'a'" + IN + "table 'products' must be <layer>.<domain>_<entity> in lower case");
    assertRuleRejected("{id: a, check: references, column: product_id, table: silver.commerce_products}",
        "Invalid rule 'a'" + IN + "check 'references' needs key");
  }

  @Test
  void rowCountIsAWholeNumber() {
    assertRuleRejected("{id: a, check: row_count, min: 1.5}",
        "Invalid rule 'a'" + IN + "min must be a whole number >= 0, got 1.5");
    assertRuleRejected("{id: a, check: row_count, min: many}",
        "Invalid rule 'a'" + IN + "min must be a number, got 'many'");
  }

  @Test
  void expressionThatIsNotSparkSql() {
    assertThatThrownBy(() -> Suites.withRules("{id: a, check: expression, expression: 'revenue >= '}"))
        .isInstanceOf(InvalidQualitySuiteException.class)
        .hasMessageStartingWith("Invalid rule 'a'" + IN + "invalid Spark SQL in expression 'revenue >= ': ");
  }

  @Test
  void idThatBreaksTheNaming() {
    assertRuleRejected("{id: Order-Id, check: complete, column: order_id}",
        "Invalid rule 'Order-Id'" + IN + "id must match [a-z0-9_]+ (lower case letters, digits, underscores)");
  }

  @Test
  void ruleWithoutId() {
    assertRuleRejected(new String[] {"{id: a, check: complete, column: order_id}", "{check: complete, column: user_id}"},
        "Invalid rule #2" + IN + "it has no id");
  }

  @Test
  void suiteProblems() {
    assertSuiteRejected("", "Invalid quality suite quality/silver/commerce_orders.yaml: the file is empty; a suite needs table and rules");
    assertSuiteRejected("rules:\n  - {id: a, check: complete, column: c}\n",
        "Invalid quality suite quality/silver/commerce_orders.yaml: it has no table "
            + "(write table: <layer>.<domain>_<entity>, e.g. silver.commerce_events)");
    assertSuiteRejected("table: silver.commerce_orders\nrule:\n  - {id: a, check: complete, column: c}\n",
        "Invalid quality suite quality/silver/commerce_orders.yaml: unknown key 'rule'; did you mean 'rules'? "
            + "(a suite takes table, description, rules, anomalies)");
    assertSuiteRejected("table: silver.commerce_orders\n",
        "Invalid quality suite quality/silver/commerce_orders.yaml: it declares no rules and no anomalies");
    assertSuiteRejected("table: silver.commerce_orders\nrules: {id: a}\n",
        "Invalid quality suite quality/silver/commerce_orders.yaml: rules must be a list (one '- {id: ..., ...}' per entry)");
  }

  @Test
  void yamlThatDoesNotParse() {
    assertThatThrownBy(() -> QualitySuite.parse("table: silver.x\nrules:\n  - {id: a, check: [\n", Suites.SOURCE))
        .isInstanceOf(InvalidQualitySuiteException.class)
        .hasMessage("Invalid quality suite quality/silver/commerce_orders.yaml: not valid YAML at line 3: "
            + "while parsing a flow node; expected the node content, but found '<stream end>'");
  }

  @Test
  void aKeyGivenTwice() {
    assertThatThrownBy(() -> QualitySuite.parse(
        "table: silver.x\nrules:\n  - id: a\n    check: complete\n    column: a\n    column: b\n", Suites.SOURCE))
        .hasMessageStartingWith("Invalid quality suite quality/silver/commerce_orders.yaml: not valid YAML at line ")
        .hasMessageContaining("Duplicate field 'column'");
  }

  @Test
  void anomalyProblems() {
    assertAnomalyRejected("{id: a, metric: avg, column: c, strategy: online_normal}",
        "Invalid anomaly 'a'" + IN + "unknown metric 'avg' (known: size, mean, minimum, maximum, sum, completeness)");
    assertAnomalyRejected("{id: a, metric: size, strategy: holt_winters}",
        "Invalid anomaly 'a'" + IN + "unknown strategy 'holt_winters' "
            + "(known: relative_rate_of_change, absolute_change, online_normal, simple_thresholds)");
    assertAnomalyRejected("{id: a, metric: mean, strategy: online_normal, upper_deviation_factor: 3}",
        "Invalid anomaly 'a'" + IN + "metric 'mean' needs column");
    assertAnomalyRejected("{id: a, metric: size, column: c, strategy: online_normal, upper_deviation_factor: 3}",
        "Invalid anomaly 'a'" + IN + "metric 'size' counts rows and takes no column");
    assertAnomalyRejected("{id: a, metric: size, strategy: relative_rate_of_change}",
        "Invalid anomaly 'a'" + IN + "strategy 'relative_rate_of_change' needs max_rate_decrease or max_rate_increase");
    assertAnomalyRejected("{id: a, metric: size, strategy: relative_rate_of_change, max_decrease: 0.5}",
        "Invalid anomaly 'a'" + IN + "unknown key 'max_decrease' (strategy 'relative_rate_of_change' takes "
            + "id, metric, column, strategy, level, max_rate_decrease, max_rate_increase)");
    assertAnomalyRejected("{id: a, metric: size, strategy: relative_rate_of_change, max_rate_increase: 0.5}",
        "Invalid anomaly 'a'" + IN + "max_rate_increase is the highest allowed ratio new/previous and must be >= 1, got 0.5");
    assertAnomalyRejected("{id: a, metric: size, strategy: absolute_change, max_decrease: -10}",
        "Invalid anomaly 'a'" + IN + "max_decrease must be >= 0, got -10");
    assertAnomalyRejected("{id: a, metric: size, strategy: simple_thresholds, lower_bound: 5, upper_bound: 1}",
        "Invalid anomaly 'a'" + IN + "lower_bound (5) must not exceed upper_bound (1)");
    assertAnomalyRejected("{id: a, metric: size, strategy: online_normal, lower_deviation_factor: 3, ignore_start_percentage: 2}",
        "Invalid anomaly 'a'" + IN + "ignore_start_percentage must be between 0 and 1, got 2");
    assertAnomalyRejected("{id: a, metric: size, strategy: online_normal, level: info, upper_deviation_factor: 3}",
        "Invalid anomaly 'a'" + IN + "unknown level 'info' (known: error, warning)");
  }

  private static void assertRuleRejected(String rule, String message) {
    assertRuleRejected(new String[] {rule}, message);
  }

  private static void assertRuleRejected(String[] rules, String message) {
    assertThatThrownBy(() -> Suites.withRules(rules))
        .isInstanceOf(InvalidQualitySuiteException.class)
        .hasMessage(message);
  }

  private static void assertAnomalyRejected(String anomaly, String message) {
    assertThatThrownBy(() -> QualitySuite.parse(Suites.anomalyYaml(anomaly), Suites.SOURCE))
        .isInstanceOf(InvalidQualitySuiteException.class)
        .hasMessage(message);
  }

  private static void assertSuiteRejected(String yaml, String message) {
    assertThatThrownBy(() -> QualitySuite.parse(yaml, Suites.SOURCE))
        .isInstanceOf(InvalidQualitySuiteException.class)
        .hasMessage(message);
  }
}
