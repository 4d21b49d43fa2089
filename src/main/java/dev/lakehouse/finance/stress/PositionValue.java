package dev.lakehouse.finance.stress;

import java.util.Objects;

/**
 * One holding of a portfolio as the stress tests see it: what it is, how much of it and what one unit
 * is worth today.
 *
 * <p>{@code price} is in the base currency (USD unless the {@link StressTest} says otherwise), already
 * converted, as {@code MarketSnapshot} does with the FX rate of the day. {@code currency} is the
 * currency the instrument is quoted in (EUR for SAP, USD for EURUSD); {@code fxCurrency}, for an fx
 * instrument, the currency it is the price of (EUR for EURUSD, whatever the instrument is called).
 * Currency shock rules use them to decide which positions an FX move hits (see
 * {@link ShockRule#exposedCurrency}). The fields come from {@code silver.finance_instruments}.
 *
 * @param portfolioId   the portfolio holding it, e.g. global-equity
 * @param instrumentId  ticker, e.g. AAPL, EURUSD, TLT
 * @param quantity      units held; negative for a short position
 * @param price         today's value of one unit in the base currency; positive
 * @param currency      ISO 4217 quote currency of the instrument, e.g. EUR
 * @param assetClass    equity | fx | bond
 * @param sector        technology | financials | ... | currency | rates
 * @param fxCurrency    fx instruments: the ISO 4217 currency the instrument is the price of; null for other
 *                      instruments, and for an fx instrument whose currency is not known (no FX rule moves it)
 */
public record PositionValue(String portfolioId, String instrumentId, double quantity, double price, String currency,
    String assetClass, String sector, String fxCurrency) {

  /** A position in an instrument that is not an fx one (no fx currency). */
  public PositionValue(String portfolioId, String instrumentId, double quantity, double price, String currency,
      String assetClass, String sector) {
    this(portfolioId, instrumentId, quantity, price, currency, assetClass, sector, null);
  }

  public PositionValue {
    Objects.requireNonNull(portfolioId, "portfolioId");
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(assetClass, "assetClass");
    Objects.requireNonNull(sector, "sector");
    if (!Double.isFinite(quantity)) {
      throw new IllegalArgumentException(
          String.format("Invalid quantity %s of %s in portfolio %s: must be finite", quantity, instrumentId, portfolioId));
    }
    if (!(price > 0) || !Double.isFinite(price)) {
      throw new IllegalArgumentException(
          String.format("Invalid price %s of %s in portfolio %s: must be positive and finite", price, instrumentId, portfolioId));
    }
  }

  /** Whether the instrument is an fx one (asset class fx). */
  public boolean isFx() {
    return assetClass.equalsIgnoreCase("fx");
  }

  /** quantity x price: the market value in the base currency (negative when short). */
  public double marketValue() {
    return quantity * price;
  }
}
