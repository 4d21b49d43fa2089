package dev.lakehouse.finance.stress;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link ShockRule} selects positions by; the YAML key of the rule. Values compare ignoring case.
 */
public enum MatchKey {
  /** Positions of one asset class: equity, bond, fx. */
  ASSET_CLASS("asset_class"),
  /** Positions of one sector: technology, financials, rates, ... */
  SECTOR("sector"),
  /**
   * Not a price move but an FX move: the currency loses or gains against the base currency, which
   * changes the base-currency value of every position exposed to it (see {@link ShockRule#CURRENCY_FOREIGN}).
   */
  CURRENCY("currency"),
  /** One instrument by id: AAPL. */
  INSTRUMENT("instrument"),
  /** Every position. */
  ALL("all");

  private final String yamlName;

  MatchKey(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The key as written in the scenario file, e.g. asset_class. */
  public String yamlName() {
    return yamlName;
  }

  static Optional<MatchKey> find(String yamlName) {
    return Arrays.stream(values()).filter(key -> key.yamlName.equals(yamlName)).findFirst();
  }

  static List<String> yamlNames() {
    return Arrays.stream(values()).map(MatchKey::yamlName).toList();
  }
}
