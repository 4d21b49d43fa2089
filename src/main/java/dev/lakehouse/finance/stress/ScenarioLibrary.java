package dev.lakehouse.finance.stress;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named stress scenarios, in file order, names unique. {@link #defaults()} reads
 * {@value #DEFAULT_RESOURCE} from the classpath; {@link #load} reads any file of the same format:
 * <pre>
 * scenarios:
 *   - name: equity_minus_20                 # lower-case letters, digits, '_' and '-'; unique
 *     kind: shock                           # shock | volatility | historical
 *     description: Equities fall 20%        # optional
 *     shocks:                               # rules; moves compound multiplicatively
 *       - {asset_class: equity, move: -0.20}
 *       - {currency: EUR, move: -0.15}      # FX: EUR falls 15% against the base currency
 *   - name: usd_up_10
 *     kind: shock
 *     shocks:
 *       - {currency: foreign, move: -0.10}  # every currency but the base
 *   - name: volatility_doubled
 *     kind: volatility
 *     factor: 2                             # required
 *     confidence: 0.99                      # default 0.99
 *     horizon_days: 1                       # default 1
 *     lookback_days: 250                    # default 250
 *   - name: historical_worst_10d
 *     kind: historical
 *     window: worst                         # the worst window for the positions
 *     days: 10                              # default 10
 *   - name: historical_crash
 *     kind: historical
 *     window: crash                         # named: dates given at run time
 *   - name: covid_2020
 *     kind: historical
 *     window: {from: 2020-02-19, to: 2020-03-23}
 * </pre>
 * A rule has exactly one match key: {@code asset_class}, {@code sector}, {@code currency},
 * {@code instrument} or {@code all: true}, and a {@code move}, a fraction greater than -1. See
 * {@link ShockRule}, {@link Scenario} and {@link Window} for what each does.
 *
 * <p>Problems come back as an {@link IllegalArgumentException} naming the scenario, the rule and the
 * key, e.g. {@code Invalid stress scenario 'tech' (#3): rule #1 {sector: technology, move: -1.5}: move
 * -1.5 must be greater than -1 (...)}.
 */
public final class ScenarioLibrary {
  /** The classpath resource of the default library. */
  public static final String DEFAULT_RESOURCE = "finance/stress-scenarios.yaml";

  private final Map<String, Scenario> scenarios;

  private ScenarioLibrary(Map<String, Scenario> scenarios) {
    this.scenarios = scenarios;
  }

  /** A library of scenarios built in code; names must be unique. */
  public static ScenarioLibrary of(List<Scenario> scenarios) {
    Map<String, Scenario> byName = new LinkedHashMap<>();
    for (Scenario scenario : scenarios) {
      if (byName.putIfAbsent(scenario.name(), scenario) != null) {
        throw new IllegalArgumentException(String.format(
            "Invalid stress scenario library: the name '%s' is used twice; names must be unique", scenario.name()));
      }
    }
    if (byName.isEmpty()) {
      throw new IllegalArgumentException("Invalid stress scenario library: it has no scenarios");
    }
    return new ScenarioLibrary(byName);
  }

  /** Reads and checks a scenario file (format above). The stream is read to its end, not closed. */
  public static ScenarioLibrary load(InputStream yaml) {
    return of(LibraryParser.parse(yaml));
  }

  /** The scenarios of {@value #DEFAULT_RESOURCE} on the classpath. */
  public static ScenarioLibrary defaults() {
    try (InputStream yaml = ScenarioLibrary.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (yaml == null) {
        throw new IllegalStateException("Cannot find the default stress scenarios: " + DEFAULT_RESOURCE + " is not on the classpath");
      }
      return load(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /** The scenario names, in file order. */
  public List<String> names() {
    return List.copyOf(scenarios.keySet());
  }

  /** The scenarios, in file order. */
  public List<Scenario> scenarios() {
    return List.copyOf(scenarios.values());
  }

  /** The scenario of that name; an error listing the known names when there is none. */
  public Scenario get(String name) {
    Scenario scenario = scenarios.get(name);
    if (scenario == null) {
      throw new IllegalArgumentException(String.format(
          "Cannot find stress scenario '%s': known scenarios are %s", name, String.join(", ", scenarios.keySet())));
    }
    return scenario;
  }
}
