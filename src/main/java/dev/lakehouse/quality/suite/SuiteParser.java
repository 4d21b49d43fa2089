package dev.lakehouse.quality.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;

/**
 * Reads a suite file and checks everything that can be checked without data: keys, types, names,
 * bounds, regular expressions, durations, SQL syntax of expressions. The first problem found stops
 * the parse with an {@link InvalidQualitySuiteException}.
 */
final class SuiteParser {
  /** Rejects a key given twice; reads yes/no/on/off as text (only true/false are booleans, as in YAML 1.2). */
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
      .build());

  private static final List<String> SUITE_KEYS = List.of("table", "description", "rules", "anomalies");
  private static final List<String> ANOMALY_KEYS = List.of("id", "metric", "column", "strategy", "level");
  private static final Pattern ID = Pattern.compile("[a-z0-9_]+");
  private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

  private final String source;
  /** id -> "rule #n" / "anomaly #n" of the entry that took it first. */
  private final Map<String, String> ids = new LinkedHashMap<>();

  private SuiteParser(String source) {
    this.source = source;
  }

  static QualitySuite parse(String yamlText, String source) {
    return new SuiteParser(source).suite(tree(yamlText, source));
  }

  private static JsonNode tree(String yamlText, String source) {
    try {
      JsonNode root = YAML.readTree(yamlText);
      if (root == null || root.isMissingNode() || root.isNull()) {
        throw InvalidQualitySuiteException.ofSuite(source, "the file is empty; a suite needs table and rules");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw InvalidQualitySuiteException.ofSuite(source, String.format("not valid YAML at line %d: %s",
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(), oneLine(e.getOriginalMessage())));
    }
  }

  /** SnakeYAML's message without its excerpt lines ("in 'reader', line 4, column 1:", the text, the caret). */
  private static String oneLine(String message) {
    return message == null ? "" : message.lines()
        .filter(line -> !line.startsWith("    ") && !line.strip().startsWith("in 'reader'"))
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .distinct()
        .collect(Collectors.joining("; "));
  }

  private QualitySuite suite(JsonNode root) {
    if (!root.isObject()) {
      throw suiteProblem("expected a mapping with the keys " + String.join(", ", SUITE_KEYS));
    }
    unknownKey(root, SUITE_KEYS).ifPresent(key -> {
      throw suiteProblem(unknownKeyMessage(key, SUITE_KEYS, "a suite takes"));
    });
    String table = table(root.get("table"));
    String description = root.hasNonNull("description") ? root.get("description").asText() : null;
    List<QualityRule> rules = entries(root, "rules").stream().map(this::rule).toList();
    List<AnomalyRule> anomalies = entries(root, "anomalies").stream().map(this::anomaly).toList();
    if (rules.isEmpty() && anomalies.isEmpty()) {
      throw suiteProblem("it declares no rules and no anomalies");
    }
    return new QualitySuite(table, description, rules, anomalies, source);
  }

  private String table(JsonNode node) {
    if (node == null || node.isNull()) {
      throw suiteProblem("it has no table (write table: <layer>.<domain>_<entity>, e.g. silver.commerce_events)");
    }
    if (!node.isTextual() || !TABLE.matcher(node.asText()).matches()) {
      throw suiteProblem(String.format("table '%s' must be <layer>.<domain>_<entity> in lower case", node.asText()));
    }
    return node.asText();
  }

  /** The entries of a list key, each with its 1-based position; none when the key is absent. */
  private List<Positioned> entries(JsonNode root, String key) {
    JsonNode list = root.get(key);
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw suiteProblem(key + " must be a list (one '- {id: ..., ...}' per entry)");
    }
    List<Positioned> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      entries.add(new Positioned(list.get(i), i + 1));
    }
    return entries;
  }

  private QualityRule rule(Positioned positioned) {
    Entry entry = entry("rule", positioned);
    JsonNode node = positioned.node();
    String check = entry.text("check").orElseThrow(() -> entry.invalid("it has no check (known: " + CheckType.names() + ")"));
    CheckType type = CheckType.find(check).orElseThrow(() -> entry.invalid(
        String.format("unknown check '%s' (known: %s)", check, CheckType.names())));
    List<String> keys = concat(CheckType.COMMON_KEYS, type.parameterKeys());
    unknownKey(node, keys).ifPresent(key -> {
      throw entry.invalid(unknownKeyMessage(key, keys, "check '" + check + "' takes"));
    });
    RuleLevel level = level(entry);
    RuleAction action = action(entry, level, type);
    String description = entry.text("description").orElse(null);
    return new QualityRule(entry.id(), check, level, action, description, params(entry, type));
  }

  private RuleLevel level(Entry entry) {
    return entry.text("level")
        .map(name -> Arrays.stream(RuleLevel.values()).filter(l -> l.yamlName().equals(name)).findFirst()
            .orElseThrow(() -> entry.invalid(String.format("unknown level '%s' (known: error, warning)", name))))
        .orElse(RuleLevel.ERROR);
  }

  private RuleAction action(Entry entry, RuleLevel level, CheckType type) {
    RuleAction action = entry.text("action")
        .map(name -> Arrays.stream(RuleAction.values()).filter(a -> a.yamlName().equals(name)).findFirst()
            .orElseThrow(() -> entry.invalid(String.format("unknown action '%s' (known: fail, quarantine, warn)", name))))
        .orElse(RuleAction.defaultFor(level));
    if (action == RuleAction.QUARANTINE && !type.isRowLevel()) {
      throw entry.invalid("action 'quarantine' applies only to row-level checks (" + CheckType.rowLevelNames() + ")");
    }
    if (action == RuleAction.FAIL && level == RuleLevel.WARNING) {
      throw entry.invalid("action 'fail' needs level 'error': a warning never fails a run (drop the action or the level)");
    }
    if (action == RuleAction.WARN && level == RuleLevel.ERROR) {
      throw entry.invalid("action 'warn' needs level 'warning': an error fails or quarantines (set level: warning)");
    }
    return action;
  }

  private Map<String, Object> params(Entry entry, CheckType type) {
    Map<String, Object> params = new LinkedHashMap<>();
    switch (type) {
      case COMPLETE -> params.put("column", entry.column("column"));
      case COMPLETENESS -> {
        params.put("column", entry.column("column"));
        params.put("min", entry.fraction("min").orElseThrow(() -> entry.needs("min")));
      }
      case UNIQUE -> params.put("columns", entry.columnList("columns"));
      case ALLOWED_VALUES -> {
        params.put("column", entry.column("column"));
        params.put("values", entry.scalarList("values"));
      }
      case RANGE -> {
        params.put("column", entry.column("column"));
        bounds(entry, type, params, entry.scalar("min"), entry.scalar("max"));
      }
      case PATTERN -> {
        params.put("column", entry.column("column"));
        params.put("regex", entry.regex("regex"));
      }
      case REFERENCES -> {
        params.put("column", entry.column("column"));
        params.put("table", entry.referencedTable("table"));
        params.put("key", entry.column("key"));
      }
      case FRESHNESS -> {
        params.put("column", entry.column("column"));
        params.put("max_age", entry.duration("max_age"));
      }
      case ROW_COUNT -> bounds(entry, type, params, entry.count("min"), entry.count("max"));
      case EXPRESSION -> {
        params.put("expression", entry.expression("expression"));
        params.put("min_fraction", entry.fraction("min_fraction").orElse(1.0));
      }
    }
    return params;
  }

  /** Puts min and/or max; at least one is needed and, when both are numbers, min must not exceed max. */
  private static void bounds(Entry entry, CheckType type, Map<String, Object> params,
      Optional<Object> min, Optional<Object> max) {
    if (min.isEmpty() && max.isEmpty()) {
      throw entry.invalid(String.format("check '%s' needs min or max", type.yamlName()));
    }
    if (min.orElse(null) instanceof Boolean || max.orElse(null) instanceof Boolean) {
      throw entry.invalid("min and max must be numbers or text (dates, timestamps)");
    }
    if (min.orElse(null) instanceof Number low && max.orElse(null) instanceof Number high
        && low.doubleValue() > high.doubleValue()) {
      throw entry.invalid(String.format("min (%s) must not exceed max (%s)", SqlText.number(low), SqlText.number(high)));
    }
    min.ifPresent(value -> params.put("min", value));
    max.ifPresent(value -> params.put("max", value));
  }

  private AnomalyRule anomaly(Positioned positioned) {
    Entry entry = entry("anomaly", positioned);
    JsonNode node = positioned.node();
    String metricName = entry.text("metric").orElseThrow(() -> entry.invalid("it has no metric (known: " + MetricType.names() + ")"));
    MetricType metric = MetricType.find(metricName).orElseThrow(() -> entry.invalid(
        String.format("unknown metric '%s' (known: %s)", metricName, MetricType.names())));
    String strategyName = entry.text("strategy").orElseThrow(() -> entry.invalid("it has no strategy (known: " + StrategyType.names() + ")"));
    StrategyType strategy = StrategyType.find(strategyName).orElseThrow(() -> entry.invalid(
        String.format("unknown strategy '%s' (known: %s)", strategyName, StrategyType.names())));
    List<String> keys = concat(ANOMALY_KEYS, strategy.keys());
    unknownKey(node, keys).ifPresent(key -> {
      throw entry.invalid(unknownKeyMessage(key, keys, "strategy '" + strategyName + "' takes"));
    });
    String column = anomalyColumn(entry, metric);
    RuleLevel level = level(entry);
    Map<String, Double> params = new LinkedHashMap<>();
    for (String key : strategy.keys()) {
      entry.number(key).ifPresent(value -> params.put(key, value.doubleValue()));
    }
    strategy.problem(params).ifPresent(problem -> {
      throw entry.invalid(problem);
    });
    AnomalyRule anomaly = new AnomalyRule(entry.id(), metricName, column, strategyName, level, params);
    try {
      anomaly.strategy();
    } catch (IllegalArgumentException e) {
      throw entry.invalid("Deequ rejects the strategy: " + e.getMessage());
    }
    return anomaly;
  }

  private static String anomalyColumn(Entry entry, MetricType metric) {
    if (!metric.needsColumn()) {
      if (entry.has("column")) {
        throw entry.invalid("metric 'size' counts rows and takes no column");
      }
      return null;
    }
    if (!entry.has("column")) {
      throw entry.invalid(String.format("metric '%s' needs column", metric.yamlName()));
    }
    return entry.column("column");
  }

  /** Checks the entry is a mapping with a well-formed id not used before in this suite. */
  private Entry entry(String kind, Positioned positioned) {
    JsonNode node = positioned.node();
    String position = kind + " #" + positioned.position();
    if (!node.isObject()) {
      throw InvalidQualitySuiteException.ofEntry(kind, "#" + positioned.position(), source,
          "expected a mapping like {id: ..., " + ("rule".equals(kind) ? "check" : "metric") + ": ...}, got " + node);
    }
    JsonNode id = node.get("id");
    if (id == null || id.isNull() || id.asText().isEmpty()) {
      throw InvalidQualitySuiteException.ofEntry(kind, "#" + positioned.position(), source, "it has no id");
    }
    if (!id.isValueNode() || !ID.matcher(id.asText()).matches()) {
      throw InvalidQualitySuiteException.ofEntry(kind, "'" + id.asText() + "'", source,
          "id must match [a-z0-9_]+ (lower case letters, digits, underscores)");
    }
    Entry entry = new Entry(kind, id.asText(), node, source);
    String earlier = ids.putIfAbsent(id.asText(), position);
    if (earlier != null) {
      throw entry.invalid(String.format("duplicate id (%s has it too); ids must be unique within the suite", earlier));
    }
    return entry;
  }

  private static Optional<String> unknownKey(JsonNode node, List<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  private static String unknownKeyMessage(String key, List<String> known, String owner) {
    String guess = known.stream().filter(k -> distance(k, key) <= 2).findFirst()
        .map(k -> "; did you mean '" + k + "'?").orElse("");
    return String.format("unknown key '%s'%s (%s %s)", key, guess, owner, String.join(", ", known));
  }

  /** Levenshtein distance, to suggest the key a typo meant. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  private InvalidQualitySuiteException suiteProblem(String problem) {
    return InvalidQualitySuiteException.ofSuite(source, problem);
  }

  private record Positioned(JsonNode node, int position) {}

  /** One rule or anomaly being read: typed access to its keys, with messages that name it. */
  private record Entry(String kind, String id, JsonNode node, String source) {

    InvalidQualitySuiteException invalid(String problem) {
      return InvalidQualitySuiteException.ofEntry(kind, "'" + id + "'", source, problem);
    }

    InvalidQualitySuiteException needs(String key) {
      String owner = node.hasNonNull("check") ? "check '" + node.get("check").asText() + "'" : kind;
      return invalid(owner + " needs " + key);
    }

    boolean has(String key) {
      return node.hasNonNull(key);
    }

    Optional<String> text(String key) {
      if (!has(key)) {
        return Optional.empty();
      }
      JsonNode value = node.get(key);
      if (!value.isValueNode()) {
        throw invalid(String.format("%s must be text, got %s", key, value));
      }
      return Optional.of(value.asText());
    }

    String requiredText(String key) {
      String value = text(key).orElseThrow(() -> needs(key));
      if (value.isBlank()) {
        throw invalid(key + " must not be empty");
      }
      return value;
    }

    String column(String key) {
      String name = requiredText(key);
      if (!COLUMN.matcher(name).matches()) {
        throw invalid(String.format("%s '%s' is not a column name ([A-Za-z_][A-Za-z0-9_]*)", key, name));
      }
      return name;
    }

    List<String> columnList(String key) {
      JsonNode list = node.get(key);
      if (list == null || list.isNull()) {
        throw needs(key);
      }
      if (!list.isArray() || list.isEmpty()) {
        throw invalid(String.format("%s must be a non-empty list of column names, e.g. [order_id, line_no]", key));
      }
      List<String> names = new ArrayList<>();
      for (JsonNode element : list) {
        String name = element.asText();
        if (!element.isTextual() || !COLUMN.matcher(name).matches()) {
          throw invalid(String.format("%s: '%s' is not a column name ([A-Za-z_][A-Za-z0-9_]*)", key, element));
        }
        if (names.contains(name)) {
          throw invalid(String.format("%s names %s twice", key, name));
        }
        names.add(name);
      }
      return List.copyOf(names);
    }

    List<Object> scalarList(String key) {
      JsonNode list = node.get(key);
      if (list == null || list.isNull()) {
        throw needs(key);
      }
      if (!list.isArray() || list.isEmpty()) {
        throw invalid(String.format("%s must be a non-empty list, e.g. [view, click]", key));
      }
      List<Object> values = new ArrayList<>();
      Set<Object> seen = new HashSet<>();
      for (JsonNode element : list) {
        if (element.isNull()) {
          throw invalid(key + " must not contain null (a null value always passes; use check 'complete' to forbid it)");
        }
        Object value = scalar(key, element);
        if (!seen.add(value)) {
          throw invalid(String.format("%s lists %s twice", key, SqlText.display(value)));
        }
        values.add(value);
      }
      return List.copyOf(values);
    }

    /** A number (Long or Double), text or boolean, when the key is present. */
    Optional<Object> scalar(String key) {
      return has(key) ? Optional.of(scalar(key, node.get(key))) : Optional.empty();
    }

    Optional<Number> number(String key) {
      if (!has(key)) {
        return Optional.empty();
      }
      Object value = scalar(key, node.get(key));
      if (!(value instanceof Number number)) {
        throw invalid(String.format("%s must be a number, got '%s'", key, value));
      }
      return Optional.of(number);
    }

    Optional<Double> fraction(String key) {
      Optional<Double> value = number(key).map(Number::doubleValue);
      value.filter(v -> v < 0 || v > 1).ifPresent(v -> {
        throw invalid(String.format("%s must be between 0 and 1, got %s", key, SqlText.number(v)));
      });
      return value;
    }

    /** A whole number >= 0. */
    Optional<Object> count(String key) {
      Optional<Number> value = number(key);
      value.filter(v -> !(v instanceof Long) || v.longValue() < 0).ifPresent(v -> {
        throw invalid(String.format("%s must be a whole number >= 0, got %s", key, SqlText.number(v)));
      });
      return value.map(v -> v);
    }

    String regex(String key) {
      String regex = requiredText(key);
      try {
        Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw invalid(String.format("invalid regex '%s': %s at index %d", regex, e.getDescription(), e.getIndex()));
      }
      return regex;
    }

    String referencedTable(String key) {
      String table = requiredText(key);
      if (!TABLE.matcher(table).matches()) {
        throw invalid(String.format("%s '%s' must be <layer>.<domain>_<entity> in lower case", key, table));
      }
      return table;
    }

    String duration(String key) {
      String text = requiredText(key);
      if (Durations.seconds(text).isEmpty()) {
        throw invalid(String.format(
            "invalid %s '%s': write a number and a unit s, m, h or d, e.g. 30m, 2h, 1d, 1h30m", key, text));
      }
      return text;
    }

    /** A Spark SQL expression; its syntax is checked here, its columns and type only against data. */
    String expression(String key) {
      String expression = requiredText(key);
      try {
        CatalystSqlParser$.MODULE$.parseExpression(expression);
      } catch (Exception e) { // ParseException, which Scala throws undeclared
        throw invalid(String.format("invalid Spark SQL in %s '%s': %s", key, expression, firstLine(e.getMessage())));
      }
      return expression;
    }

    private Object scalar(String key, JsonNode value) {
      if (value.isIntegralNumber() && value.canConvertToLong()) {
        return value.longValue();
      }
      if (value.isNumber()) {
        double number = value.doubleValue();
        if (!Double.isFinite(number)) {
          throw invalid(String.format("%s must be a finite number, got %s", key, value));
        }
        return number;
      }
      if (value.isBoolean()) {
        return value.booleanValue();
      }
      if (value.isTextual()) {
        return value.asText();
      }
      throw invalid(String.format("%s must be a number or text, got %s", key, value));
    }

    private static String firstLine(String message) {
      String text = message == null ? "" : message.strip();
      int newline = text.indexOf('\n');
      return newline < 0 ? text : text.substring(0, newline).strip();
    }
  }
}
