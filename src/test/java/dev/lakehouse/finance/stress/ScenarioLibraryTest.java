package dev.lakehouse.finance.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loading and checking scenario files; every message names the scenario, the rule and the key. */
class ScenarioLibraryTest {

  @Test
  void defaultsHoldTheIssuesScenariosInFileOrder() {
    ScenarioLibrary library = ScenarioLibrary.defaults();

    assertThat(library.names()).containsExactly("equity_minus_20", "equity_crash_minus_35_bonds_plus_5",
        "tech_sector_minus_40", "usd_up_10", "eur_down_15", "rates_up", "volatility_doubled", "historical_worst_10d",
        "historical_crash");
  }

  @Test
  void defaultsMeanWhatTheirNamesSay() {
    ScenarioLibrary library = ScenarioLibrary.defaults();

    assertThat(rules(library, "equity_minus_20")).containsExactly(ShockRule.assetClass("equity", -0.20));
    assertThat(rules(library, "equity_crash_minus_35_bonds_plus_5"))
        .containsExactly(ShockRule.assetClass("equity", -0.35), ShockRule.assetClass("bond", 0.05));
    assertThat(rules(library, "tech_sector_minus_40")).containsExactly(ShockRule.sector("technology", -0.40));
    assertThat(rules(library, "usd_up_10")).containsExactly(ShockRule.currency(ShockRule.CURRENCY_FOREIGN, -0.10));
    assertThat(rules(library, "eur_down_15")).containsExactly(ShockRule.currency("EUR", -0.15));
    assertThat(rules(library, "rates_up")).containsExactly(ShockRule.assetClass("bond", -0.08));
    assertThat(library.get("volatility_doubled")).isInstanceOfSatisfying(Scenario.VolatilityShock.class, volatility -> {
      assertThat(volatility.factor()).isEqualTo(2);
      assertThat(volatility.confidence()).isEqualTo(0.99);
      assertThat(volatility.horizonDays()).isEqualTo(1);
      assertThat(volatility.lookbackDays()).isEqualTo(250);
    });
    assertThat(window(library, "historical_worst_10d")).isEqualTo(new Window.Worst(10));
    assertThat(window(library, "historical_crash")).isEqualTo(new Window.Named("crash"));
    assertThat(library.scenarios()).allSatisfy(scenario -> assertThat(scenario.description()).isNotBlank());
  }

  @Test
  void readsFixedWindowsAndDefaults() {
    ScenarioLibrary library = load("""
        scenarios:
          - name: covid_2020
            kind: historical
            window: {from: 2020-02-19, to: 2020-03-23}
          - name: worst_week
            kind: historical
            window: worst
          - name: vol_x1_5
            kind: volatility
            factor: 1.5
          - name: mixed
            kind: shock
            shocks:
              - {all: true, move: -0.05}
              - {instrument: AAPL, move: 0.1}
        """);

    assertThat(window(library, "covid_2020"))
        .isEqualTo(new Window.Fixed(new DateRange(LocalDate.of(2020, 2, 19), LocalDate.of(2020, 3, 23))));
    assertThat(window(library, "worst_week")).isEqualTo(new Window.Worst(Window.Worst.DEFAULT_DAYS));
    assertThat(library.get("vol_x1_5")).isEqualTo(new Scenario.VolatilityShock("vol_x1_5", "", 1.5, 0.99, 1, 250));
    assertThat(rules(library, "mixed")).containsExactly(ShockRule.all(-0.05), ShockRule.instrument("AAPL", 0.1));
  }

  @Test
  void duplicateName() {
    assertProblem("""
        scenarios:
          - {name: equity_down, kind: shock, shocks: [{asset_class: equity, move: -0.2}]}
          - {name: equity_down, kind: shock, shocks: [{asset_class: equity, move: -0.3}]}
        """, "Invalid stress scenario 'equity_down' (#2): the name is taken by scenario #1; names must be unique");
  }

  @Test
  void unknownScenarioKey() {
    assertProblem("""
        scenarios:
          - {name: equity_down, kind: shock, shokcs: [{asset_class: equity, move: -0.2}]}
        """, "Invalid stress scenario 'equity_down' (#1): unknown key 'shokcs' (known: name, kind, description, shocks) for kind shock");
  }

  @Test
  void unknownRuleKey() {
    assertProblem("""
        scenarios:
          - name: equity_down
            kind: shock
            shocks:
              - {asset_class: equity, move: -0.2}
              - {asset_clas: bond, move: 0.05}
        """, "Invalid stress scenario 'equity_down' (#1): rule #2 {asset_clas: bond, move: 0.05}: unknown key 'asset_clas' "
        + "(known: asset_class, sector, currency, instrument, all, move)");
  }

  @Test
  void moveOfMinusOneOrLess() {
    assertProblem("""
        scenarios:
          - {name: wipe_out, kind: shock, shocks: [{sector: technology, move: -1}]}
        """, "Invalid stress scenario 'wipe_out' (#1): rule #1 {sector: technology, move: -1}: move -1 must be greater than -1 "
        + "(a fraction: -0.40 is a 40% fall; -1 would wipe the position out)");
    assertProblem("""
        scenarios:
          - {name: percent_not_fraction, kind: shock, shocks: [{sector: technology, move: -40}]}
        """, "Invalid stress scenario 'percent_not_fraction' (#1): rule #1 {sector: technology, move: -40}: move -40 must be "
        + "greater than -1 (a fraction: -0.40 is a 40% fall; -1 would wipe the position out)");
  }

  @Test
  void moveThatIsNotANumber() {
    assertProblem("""
        scenarios:
          - {name: tech, kind: shock, shocks: [{sector: technology, move: -40%}]}
        """, "Invalid stress scenario 'tech' (#1): rule #1 {sector: technology, move: -40%}: move \"-40%\" must be a number, "
        + "a fraction such as -0.20 for a 20% fall");
  }

  @Test
  void ruleWithTwoMatchKeysOrNone() {
    assertProblem("""
        scenarios:
          - {name: tech, kind: shock, shocks: [{sector: technology, currency: EUR, move: -0.1}]}
        """, "Invalid stress scenario 'tech' (#1): rule #1 {sector: technology, currency: EUR, move: -0.1}: it has 2 match keys "
        + "(sector, currency); a rule selects by exactly one of asset_class, sector, currency, instrument, all "
        + "(write one rule per key)");
    assertProblem("""
        scenarios:
          - {name: tech, kind: shock, shocks: [{move: -0.1}]}
        """, "Invalid stress scenario 'tech' (#1): rule #1 {move: -0.1}: it has no match key; a rule selects by exactly one of "
        + "asset_class, sector, currency, instrument, all (write one rule per key)");
  }

  @Test
  void badRuleValues() {
    assertProblem("""
        scenarios:
          - {name: fx, kind: shock, shocks: [{currency: EURO, move: -0.1}]}
        """, "Invalid stress scenario 'fx' (#1): rule #1 {currency: EURO, move: -0.1}: Invalid currency 'EURO': must be a "
        + "3-letter ISO 4217 code such as EUR, or foreign (every currency but the base)");
    assertProblem("""
        scenarios:
          - {name: everything, kind: shock, shocks: [{all: false, move: -0.1}]}
        """, "Invalid stress scenario 'everything' (#1): rule #1 {all: false, move: -0.1}: key 'all' must be true "
        + "(it selects every position), got false");
  }

  @Test
  void badNamesAndKinds() {
    assertProblem("""
        scenarios:
          - {name: Equity 20, kind: shock, shocks: [{asset_class: equity, move: -0.2}]}
        """, "Invalid stress scenario 'Equity 20' (#1): name 'Equity 20' must be lower-case letters, digits, '_' and '-', "
        + "e.g. equity_minus_20");
    assertProblem("""
        scenarios:
          - {name: equity, kind: shocks, shocks: [{asset_class: equity, move: -0.2}]}
        """, "Invalid stress scenario 'equity' (#1): unknown kind 'shocks' (known: shock, volatility, historical)");
    assertProblem("""
        scenarios:
          - {kind: shock, shocks: [{asset_class: equity, move: -0.2}]}
        """, "Invalid stress scenario #1: it has no name");
  }

  @Test
  void badWindows() {
    assertProblem("""
        scenarios:
          - {name: crash, kind: historical, window: crash, days: 10}
        """, "Invalid stress scenario 'crash' (#1): key 'days' goes with window: worst only");
    assertProblem("""
        scenarios:
          - {name: backwards, kind: historical, window: {from: 2020-03-23, to: 2020-02-19}}
        """, "Invalid stress scenario 'backwards' (#1): window from 2020-03-23 must be before to 2020-02-19");
    assertProblem("""
        scenarios:
          - {name: worst, kind: historical, window: worst, days: 0}
        """, "Invalid stress scenario 'worst' (#1): key 'days' must be a whole number of at least 1, got 0");
  }

  @Test
  void badVolatility() {
    assertProblem("""
        scenarios:
          - {name: vol, kind: volatility, factor: 2, confidence: 99}
        """, "Invalid stress scenario 'vol' (#1): confidence 99.0 must be a fraction in (0, 1), e.g. 0.99");
    assertProblem("""
        scenarios:
          - {name: vol, kind: volatility}
        """, "Invalid stress scenario 'vol' (#1): it has no factor (2 doubles volatility)");
  }

  @Test
  void duplicateKeyAndBrokenYaml() {
    assertThatThrownBy(() -> load("""
        scenarios:
          - {name: a, kind: shock, shocks: [{sector: technology, move: -0.1, move: -0.2}]}
        """))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid stress scenario library: not valid YAML at line 2: Duplicate field 'move'");
    assertThatThrownBy(() -> load("scenarios: [\n"))
        .hasMessageStartingWith("Invalid stress scenario library: not valid YAML at line");
    assertProblem("", "Invalid stress scenario library: the file is empty; it needs a list of scenarios");
    assertProblem("scenarios: []\n",
        "Invalid stress scenario library: scenarios must be a non-empty list (one '- name: ...' entry per scenario)");
  }

  @Test
  void unknownScenarioNameListsTheKnownOnes() {
    ScenarioLibrary library = load("""
        scenarios:
          - {name: a, kind: shock, shocks: [{all: true, move: -0.1}]}
          - {name: b, kind: historical, window: worst}
        """);

    assertThatThrownBy(() -> library.get("c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot find stress scenario 'c': known scenarios are a, b");
  }

  @Test
  void librariesBuiltInCodeAreCheckedToo() {
    Scenario a = new Scenario.Shock("a", "", List.of(ShockRule.all(-0.1)));

    assertThatThrownBy(() -> ScenarioLibrary.of(List.of(a, a)))
        .hasMessage("Invalid stress scenario library: the name 'a' is used twice; names must be unique");
    assertThatThrownBy(() -> new Scenario.Shock("Bad Name", "", List.of(ShockRule.all(-0.1))))
        .hasMessage("Invalid scenario name 'Bad Name': use lower-case letters, digits, '_' and '-', e.g. equity_minus_20");
  }

  private static List<ShockRule> rules(ScenarioLibrary library, String name) {
    return ((Scenario.Shock) library.get(name)).rules();
  }

  private static Window window(ScenarioLibrary library, String name) {
    return ((Scenario.HistoricalWindow) library.get(name)).window();
  }

  private static ScenarioLibrary load(String yaml) {
    return ScenarioLibrary.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertProblem(String yaml, String message) {
    assertThatThrownBy(() -> load(yaml)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
