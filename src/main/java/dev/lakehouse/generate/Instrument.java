package dev.lakehouse.generate;

import java.util.Locale;

/**
 * One instrument of the {@link Universe}: what it is, how stress scenarios group it (asset class,
 * sector, currency) and how its price moves (beta to the equity market factor, total daily
 * volatility in calm markets, start price, decimals a quote carries).
 *
 * <p>Prices are quoted in {@code currency}; an FX pair such as EURUSD is the price of one unit of
 * the base currency (EUR) in the quote currency (USD), so its currency is USD.
 */
public record Instrument(String id, String name, AssetClass assetClass, Sector sector, String currency, double beta,
    double dailyVolatility, double startPrice, int decimals) {

  /** What kind of instrument it is; {@link #label()} is the value of {@code asset_class} in the tables. */
  public enum AssetClass {
    EQUITY, FX, BOND;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The sector stress scenarios shock; {@link #label()} is the value of {@code sector} in the tables. */
  public enum Sector {
    TECHNOLOGY, FINANCIALS, HEALTHCARE, ENERGY, INDUSTRIALS, CONSUMER, CURRENCY, RATES;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Instrument {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("Invalid instrument id '" + id + "': must not be blank");
    }
    if (!(startPrice > 0)) {
      throw new IllegalArgumentException("Invalid start price " + startPrice + " of " + id + ": must be positive");
    }
    if (!(dailyVolatility > 0)) {
      throw new IllegalArgumentException("Invalid daily volatility " + dailyVolatility + " of " + id + ": must be positive");
    }
    if (decimals < 0) {
      throw new IllegalArgumentException("Invalid decimals " + decimals + " of " + id + ": must be 0 or more");
    }
  }

  /**
   * The volatility of the instrument's own noise: what {@code explainedVolatility} (the factors'
   * share) leaves of the total, but never less than 30% of the total.
   */
  double residualVolatility(double explainedVolatility) {
    double total = dailyVolatility;
    return Math.sqrt(Math.max(total * total - explainedVolatility * explainedVolatility, 0.09 * total * total));
  }
}
