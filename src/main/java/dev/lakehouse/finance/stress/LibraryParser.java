package dev.lakehouse.finance.stress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a scenario file (format: {@link ScenarioLibrary}) and checks everything that can be checked
 * without positions: keys, kinds, types, names, bounds. The first problem stops the parse with an
 * {@link IllegalArgumentException} that names the scenario, the rule and the key.
 */
final class LibraryParser {
  /** Rejects a key given twice; reads yes/no/on/off as text (only true/false are booleans, as in YAML 1.2). */
  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
      .build());

  private static final List<String> LIBRARY_KEYS = List.of("description", "scenarios");
  private static final List<String> COMMON_KEYS = List.of("name", "kind", "description");
  private static final Map<String, List<String>> KIND_KEYS = Map.of(
      "shock", List.of("shocks"),
      "volatility", List.of("factor", "confidence", "horizon_days", "lookback_days"),
      "historical", List.of("window", "days"));
  private static final List<String> KINDS = List.of("shock", "volatility", "historical");
  private static final String MOVE = "move";
  private static final String WORST = "worst";

  private LibraryParser() {}

  static List<Scenario> parse(InputStream yaml) {
    JsonNode root = tree(yaml);
    if (!root.isObject()) {
      throw libraryProblem("expected a mapping with the key scenarios (a list of scenarios)");
    }
    unknownKey(root, LIBRARY_KEYS).ifPresent(key -> {
      throw libraryProblem(unknownKeyMessage(key, LIBRARY_KEYS));
    });
    JsonNode list = root.get("scenarios");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw libraryProblem("scenarios must be a non-empty list (one '- name: ...' entry per scenario)");
    }
    List<Scenario> scenarios = new ArrayList<>();
    Map<String, Integer> positionByName = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      Scenario scenario = new Entry(list.get(i), i + 1).scenario();
      Integer taken = positionByName.putIfAbsent(scenario.name(), i + 1);
      if (taken != null) {
        throw new Entry(list.get(i), i + 1).problem(String.format(
            "the name is taken by scenario #%d; names must be unique", taken));
      }
      scenarios.add(scenario);
    }
    return scenarios;
  }

  private static JsonNode tree(InputStream yaml) {
    try {
      JsonNode root = YAML.readTree(yaml);
      if (root == null || root.isMissingNode() || root.isNull()) {
        throw libraryProblem("the file is empty; it needs a list of scenarios");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw libraryProblem(String.format("not valid YAML at line %d: %s",
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(), oneLine(e.getOriginalMessage())));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the stress scenario library", e);
    }
  }

  /** One scenario of the list, with its 1-based position for messages. */
  private record Entry(JsonNode node, int position) {

    Scenario scenario() {
      if (!node.isObject()) {
        throw problem("expected a mapping with name, kind and the keys of the kind");
      }
      String name = text("name").orElseThrow(() -> problem("it has no name"));
      if (!ScenarioNames.NAME.matcher(name).matches()) {
        throw problem(String.format("name '%s' must be lower-case letters, digits, '_' and '-', e.g. equity_minus_20", name));
      }
      String kind = text("kind").orElseThrow(() -> problem("it has no kind (known: " + String.join(", ", KINDS) + ")"));
      if (!KIND_KEYS.containsKey(kind)) {
        throw problem(String.format("unknown kind '%s' (known: %s)", kind, String.join(", ", KINDS)));
      }
      List<String> keys = new ArrayList<>(COMMON_KEYS);
      keys.addAll(KIND_KEYS.get(kind));
      unknownKey(node, keys).ifPresent(key -> {
        throw problem(unknownKeyMessage(key, keys) + " for kind " + kind);
      });
      String description = text("description").orElse("");
      // every value is checked here, with the scenario in the message, before a record sees it
      return switch (kind) {
        case "shock" -> new Scenario.Shock(name, description, rules());
        case "volatility" -> volatility(name, description);
        default -> new Scenario.HistoricalWindow(name, description, window());
      };
    }

    private List<ShockRule> rules() {
      JsonNode list = node.get("shocks");
      if (list == null || !list.isArray() || list.isEmpty()) {
        throw problem("shocks must be a non-empty list of rules such as '- {asset_class: equity, move: -0.20}'");
      }
      List<ShockRule> rules = new ArrayList<>();
      for (int r = 0; r < list.size(); r++) {
        rules.add(rule(list.get(r), r + 1));
      }
      return rules;
    }

    private ShockRule rule(JsonNode rule, int number) {
      String where = String.format("rule #%d %s", number, rendered(rule));
      if (!rule.isObject()) {
        throw problem(where + ": expected a mapping of one match key and move, e.g. {sector: technology, move: -0.40}");
      }
      List<String> ruleKeys = new ArrayList<>(MatchKey.yamlNames());
      ruleKeys.add(MOVE);
      unknownKey(rule, ruleKeys).ifPresent(key -> {
        throw problem(where + ": " + unknownKeyMessage(key, ruleKeys));
      });
      List<String> matchKeys = fieldNames(rule).stream().filter(key -> !key.equals(MOVE)).toList();
      if (matchKeys.size() != 1) {
        throw problem(String.format("%s: it has %s; a rule selects by exactly one of %s (write one rule per key)", where,
            matchKeys.isEmpty() ? "no match key" : matchKeys.size() + " match keys (" + String.join(", ", matchKeys) + ")",
            String.join(", ", MatchKey.yamlNames())));
      }
      MatchKey key = MatchKey.find(matchKeys.get(0)).orElseThrow();
      double move = move(rule.get(MOVE), where);
      String value = matchValue(key, rule.get(key.yamlName()), where);
      try {
        return new ShockRule(key, value, move);
      } catch (IllegalArgumentException e) {
        throw problem(where + ": " + e.getMessage());
      }
    }

    private String matchValue(MatchKey key, JsonNode value, String where) {
      if (key == MatchKey.ALL) {
        if (!value.isBoolean() || !value.booleanValue()) {
          throw problem(String.format("%s: key 'all' must be true (it selects every position), got %s", where, value));
        }
        return MatchKey.ALL.yamlName();
      }
      if (!value.isTextual() || value.asText().isBlank()) {
        throw problem(String.format("%s: key '%s' must be a non-empty text, got %s", where, key.yamlName(), value));
      }
      return value.asText();
    }

    private double move(JsonNode move, String where) {
      if (move == null || move.isNull()) {
        throw problem(where + ": it has no move (a fraction such as -0.20 for a 20% fall)");
      }
      if (!move.isNumber()) {
        throw problem(String.format("%s: move %s must be a number, a fraction such as -0.20 for a 20%% fall", where, move));
      }
      double value = move.doubleValue();
      if (!(value > -1) || !Double.isFinite(value)) {
        throw problem(String.format(
            "%s: move %s must be greater than -1 (a fraction: -0.40 is a 40%% fall; -1 would wipe the position out)", where, move));
      }
      return value;
    }

    private Scenario.VolatilityShock volatility(String name, String description) {
      double factor = number("factor").orElseThrow(() -> problem("it has no factor (2 doubles volatility)"));
      if (!(factor > 0) || !Double.isFinite(factor)) {
        throw problem(String.format("factor %s must be positive (2 doubles volatility)", factor));
      }
      double confidence = number("confidence").orElse(Scenario.VolatilityShock.DEFAULT_CONFIDENCE);
      if (!(confidence > 0 && confidence < 1)) {
        throw problem(String.format("confidence %s must be a fraction in (0, 1), e.g. 0.99", confidence));
      }
      int horizon = wholeNumber("horizon_days", 1).orElse(Scenario.VolatilityShock.DEFAULT_HORIZON_DAYS);
      int lookback = wholeNumber("lookback_days", 2).orElse(Scenario.VolatilityShock.DEFAULT_LOOKBACK_DAYS);
      return new Scenario.VolatilityShock(name, description, factor, confidence, horizon, lookback);
    }

    private Window window() {
      JsonNode window = node.get("window");
      if (window == null || window.isNull()) {
        throw problem("it has no window (worst, a name such as crash, or {from: 2020-02-19, to: 2020-03-23})");
      }
      boolean worst = window.isTextual() && window.asText().equals(WORST);
      if (!worst && node.has("days")) {
        throw problem("key 'days' goes with window: worst only");
      }
      if (worst) {
        return new Window.Worst(wholeNumber("days", 1).orElse(Window.Worst.DEFAULT_DAYS));
      }
      if (window.isTextual()) {
        if (!ScenarioNames.NAME.matcher(window.asText()).matches()) {
          throw problem(String.format("window '%s' must be worst, a name of lower-case letters, digits, '_' and '-', "
              + "or {from: 2020-02-19, to: 2020-03-23}", window.asText()));
        }
        return new Window.Named(window.asText());
      }
      return new Window.Fixed(range(window));
    }

    private DateRange range(JsonNode window) {
      if (!window.isObject()) {
        throw problem(String.format("window %s must be worst, a name, or {from: 2020-02-19, to: 2020-03-23}", window));
      }
      List<String> keys = List.of("from", "to");
      unknownKey(window, keys).ifPresent(key -> {
        throw problem("window: " + unknownKeyMessage(key, keys));
      });
      LocalDate from = date(window, "from");
      LocalDate to = date(window, "to");
      if (!from.isBefore(to)) {
        throw problem(String.format("window from %s must be before to %s", from, to));
      }
      return new DateRange(from, to);
    }

    private LocalDate date(JsonNode window, String key) {
      JsonNode value = window.get(key);
      if (value == null || value.isNull()) {
        throw problem(String.format("window has no %s (a date such as 2020-02-19)", key));
      }
      try {
        return LocalDate.parse(value.asText());
      } catch (DateTimeParseException e) {
        throw problem(String.format("window %s '%s' must be a date such as 2020-02-19", key, value.asText()));
      }
    }

    private Optional<String> text(String key) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        return Optional.empty();
      }
      if (!value.isTextual()) {
        throw problem(String.format("key '%s' must be a text, got %s", key, value));
      }
      return Optional.of(value.asText());
    }

    private Optional<Double> number(String key) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        return Optional.empty();
      }
      if (!value.isNumber()) {
        throw problem(String.format("key '%s' must be a number, got %s", key, value));
      }
      return Optional.of(value.doubleValue());
    }

    private Optional<Integer> wholeNumber(String key, int minimum) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        return Optional.empty();
      }
      if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < minimum) {
        throw problem(String.format("key '%s' must be a whole number of at least %d, got %s", key, minimum, value));
      }
      return Optional.of(value.intValue());
    }

    /** "Invalid stress scenario 'name' (#3): ...", or "#3" alone before the name is known. */
    IllegalArgumentException problem(String problem) {
      JsonNode name = node.isObject() ? node.get("name") : null;
      String which = name != null && name.isTextual()
          ? String.format("'%s' (#%d)", name.asText(), position)
          : "#" + position;
      return new IllegalArgumentException("Invalid stress scenario " + which + ": " + problem);
    }
  }

  private static IllegalArgumentException libraryProblem(String problem) {
    return new IllegalArgumentException("Invalid stress scenario library: " + problem);
  }

  private static Optional<String> unknownKey(JsonNode node, List<String> known) {
    return fieldNames(node).stream().filter(key -> !known.contains(key)).findFirst();
  }

  private static String unknownKeyMessage(String key, List<String> known) {
    return String.format("unknown key '%s' (known: %s)", key, String.join(", ", known));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    Iterator<String> iterator = node.fieldNames();
    iterator.forEachRemaining(names::add);
    return names;
  }

  // {sector: technology, move: -0.4}, as close to the file as a tree allows
  private static String rendered(JsonNode node) {
    if (!node.isObject()) {
      return node.toString();
    }
    return fieldNames(node).stream()
        .map(key -> key + ": " + (node.get(key).isTextual() ? node.get(key).asText() : node.get(key).toString()))
        .collect(Collectors.joining(", ", "{", "}"));
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
}
