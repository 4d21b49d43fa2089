package dev.lakehouse.finance.stress;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One line of a hypothetical shock: the positions a key selects move by a relative amount, e.g.
 * {@code asset_class equity -0.20} (equities fall 20%).
 *
 * <p>Rules of one scenario compound multiplicatively: a position hit by moves m1, m2, ... ends at
 * value x (1 + m1)(1 + m2)..., whatever the order of the rules. A {@link MatchKey#CURRENCY currency}
 * rule is an FX move of that currency against the base currency; every other key moves the price in
 * the instrument's own currency. See {@link Scenario.Shock} for a worked example.
 *
 * @param key   what the rule selects by
 * @param value the asset class, sector, currency or instrument id it selects; {@code all} for {@link MatchKey#ALL};
 *              for currency an ISO 4217 code (upper-cased) or {@value #CURRENCY_FOREIGN}
 * @param move  the relative move as a fraction, greater than -1: -0.20 is a 20% fall, 0.05 a 5% rise
 */
public record ShockRule(MatchKey key, String value, double move) {
  /** The currency value that selects every currency but the base one: "the dollar rises 10%" is {@code foreign -0.10}. */
  public static final String CURRENCY_FOREIGN = "foreign";

  private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

  public ShockRule {
    Objects.requireNonNull(key, "key");
    value = key == MatchKey.ALL ? MatchKey.ALL.yamlName() : checkedValue(key, value);
    if (!(move > -1) || !Double.isFinite(move)) {
      throw new IllegalArgumentException(String.format(
          "Invalid move %s for %s %s: must be a finite fraction greater than -1 (-0.20 is a 20%% fall)", move, key.yamlName(), value));
    }
  }

  /** Every position moves by {@code move}. */
  public static ShockRule all(double move) {
    return new ShockRule(MatchKey.ALL, MatchKey.ALL.yamlName(), move);
  }

  public static ShockRule assetClass(String assetClass, double move) {
    return new ShockRule(MatchKey.ASSET_CLASS, assetClass, move);
  }

  public static ShockRule sector(String sector, double move) {
    return new ShockRule(MatchKey.SECTOR, sector, move);
  }

  /** The currency ({@code EUR}, or {@value #CURRENCY_FOREIGN}) moves by {@code move} against the base currency. */
  public static ShockRule currency(String currency, double move) {
    return new ShockRule(MatchKey.CURRENCY, currency, move);
  }

  public static ShockRule instrument(String instrumentId, double move) {
    return new ShockRule(MatchKey.INSTRUMENT, instrumentId, move);
  }

  /** True for an FX move (a currency rule), false for a move of prices in their own currency. */
  public boolean movesCurrency() {
    return key == MatchKey.CURRENCY;
  }

  /** The rule in words, e.g. {@code asset_class equity -20%} or {@code currency EUR -15% vs USD}. */
  public String describe(String baseCurrency) {
    String described = key == MatchKey.ALL ? "all" : key.yamlName() + " " + value;
    return described + " " + Texts.signedPercent(move) + (movesCurrency() ? " vs " + baseCurrency : "");
  }

  /**
   * Whether the rule hits the position. A currency rule hits the positions whose
   * {@link #exposedCurrency exposed currency} it names; the others compare their value with the
   * position's field, ignoring case.
   */
  boolean matches(PositionValue position, String baseCurrency) {
    return switch (key) {
      case ALL -> true;
      case ASSET_CLASS -> value.equalsIgnoreCase(position.assetClass());
      case SECTOR -> value.equalsIgnoreCase(position.sector());
      case INSTRUMENT -> value.equalsIgnoreCase(position.instrumentId());
      case CURRENCY -> exposedCurrency(position, baseCurrency)
          .filter(currency -> value.equals(CURRENCY_FOREIGN) || value.equalsIgnoreCase(currency))
          .isPresent();
    };
  }

  /**
   * The foreign currency whose moves against the base change the position's base-currency value. For
   * an fx instrument, the currency it is the price of ({@link PositionValue#fxCurrency}: EUR for a
   * euro quoted in dollars, whatever its id), none when that is the base currency or unknown; for any
   * other instrument, its quote currency when it is not the base (EUR for SAP). The base-currency
   * value of an fx instrument quoted in CCY2 that prices CCY1 is the value of one CCY1 in the base,
   * so only CCY1 moves it.
   */
  static Optional<String> exposedCurrency(PositionValue position, String baseCurrency) {
    String currency = position.isFx() ? position.fxCurrency() : position.currency();
    if (currency == null) {
      return Optional.empty();
    }
    String upper = currency.toUpperCase(Locale.ROOT);
    return upper.equals(baseCurrency) ? Optional.empty() : Optional.of(upper);
  }

  /** Whether the position's currency exposure is unknown: an fx instrument without an fx currency. */
  static boolean exposureUnknown(PositionValue position) {
    return position.isFx() && position.fxCurrency() == null;
  }

  private static String checkedValue(MatchKey key, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(String.format("Invalid %s rule: the value is empty", key.yamlName()));
    }
    String trimmed = value.strip();
    if (key == MatchKey.CURRENCY && !trimmed.equals(CURRENCY_FOREIGN)) {
      String code = trimmed.toUpperCase(Locale.ROOT);
      if (!CURRENCY_CODE.matcher(code).matches()) {
        throw new IllegalArgumentException(String.format(
            "Invalid currency '%s': must be a 3-letter ISO 4217 code such as EUR, or %s (every currency but the base)",
            value, CURRENCY_FOREIGN));
      }
      return code;
    }
    return trimmed;
  }
}
