package dev.lakehouse.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * The three portfolios the market-risk jobs value and stress, the value of silver.finance_positions:
 * one position per portfolio and instrument. All are valued in USD.
 *
 * <ul>
 *   <li>{@code global-equity}: USD 15M long in 10 equities, 28% of it in EUR and GBP names.
 *   <li>{@code balanced}: USD 10M, 60% in 8 equities (10% in EUR names), 40% in Treasuries (TLT, IEF).
 *   <li>{@code macro}: USD 15M net, 140% gross: long technology, energy and luxury equities, short US
 *       financials, long EUR against USD (EURUSD) and long long-dated Treasuries (TLT).
 * </ul>
 *
 * <p>Each holding is a weight of the portfolio's USD value at the universe's start prices (EUR and
 * GBP converted at the start EURUSD and GBPUSD); the quantity is that value in units, rounded to whole
 * units, negative for a short. The portfolios do not trade: they hold the same quantities on every
 * date, whatever the seed, so a backtest measures the VaR model rather than the trading, and market
 * values move with prices only: over a three-year {@link MarketHistory} they stay between USD 5M and
 * 50M for 497 of 500 seeds.
 */
public final class Portfolios {
  public static final String BASE_CURRENCY = "USD";
  public static final String GLOBAL_EQUITY = "global-equity";
  public static final String BALANCED = "balanced";
  public static final String MACRO = "macro";

  /** One row of silver.finance_positions, less the date: units of an instrument a portfolio holds. */
  public record Position(String portfolioId, String instrumentId, double quantity, String currency) {}

  // a portfolio's share in an instrument, of its USD value at start prices; negative for a short
  private record Holding(String portfolioId, double valueUsd, String instrumentId, double weight) {}

  private static final double GLOBAL_EQUITY_USD = 15_000_000;
  private static final double BALANCED_USD = 10_000_000;
  private static final double MACRO_USD = 15_000_000;

  private static final List<Holding> HOLDINGS = List.of(
      globalEquity("AAPL", 0.14),
      globalEquity("MSFT", 0.14),
      globalEquity("NVDA", 0.10),
      globalEquity("AMZN", 0.10),
      globalEquity("JPM", 0.10),
      globalEquity("JNJ", 0.08),
      globalEquity("XOM", 0.06),
      globalEquity("SAP", 0.10),
      globalEquity("ASML", 0.10),
      globalEquity("AZN", 0.08),
      balanced("AAPL", 0.10),
      balanced("MSFT", 0.10),
      balanced("GOOGL", 0.08),
      balanced("JPM", 0.08),
      balanced("V", 0.08),
      balanced("JNJ", 0.06),
      balanced("SIE", 0.05),
      balanced("ALV", 0.05),
      balanced("TLT", 0.20),
      balanced("IEF", 0.20),
      macro("MSFT", 0.20),
      macro("META", 0.10),
      macro("XOM", 0.15),
      macro("MC", 0.10),
      macro("JPM", -0.10),
      macro("V", -0.10),
      macro("EURUSD", 0.30),
      macro("TLT", 0.35));

  private static final List<Position> POSITIONS = HOLDINGS.stream().map(Portfolios::position).toList();

  private Portfolios() {}

  public static List<String> ids() {
    return List.of(GLOBAL_EQUITY, BALANCED, MACRO);
  }

  /** The positions of every portfolio as of a date; the same on every date. */
  public static List<Position> positions(LocalDate asOf) {
    if (asOf == null) {
      throw new IllegalArgumentException("Invalid as-of date null: positions are as of a date");
    }
    return POSITIONS;
  }

  /** A portfolio's market value in USD on a trading day of the history. */
  public static double marketValueUsd(String portfolioId, MarketHistory history, LocalDate day) {
    if (!ids().contains(portfolioId)) {
      throw new IllegalArgumentException("Cannot find portfolio '" + portfolioId + "': the portfolios are " + ids());
    }
    return positions(day).stream()
        .filter(p -> p.portfolioId().equals(portfolioId))
        .mapToDouble(p -> p.quantity() * history.close(p.instrumentId(), day) * history.usdPerUnit(p.currency(), day))
        .sum();
  }

  private static Position position(Holding holding) {
    Instrument instrument = Universe.instrument(holding.instrumentId());
    double unitUsd = instrument.startPrice() * startUsdPerUnit(instrument.currency());
    double quantity = Math.round(holding.weight() * holding.valueUsd() / unitUsd);
    return new Position(holding.portfolioId(), instrument.id(), quantity, instrument.currency());
  }

  private static double startUsdPerUnit(String currency) {
    return currency.equals(BASE_CURRENCY) ? 1 : Universe.instrument(currency + BASE_CURRENCY).startPrice();
  }

  private static Holding globalEquity(String instrumentId, double weight) {
    return new Holding(GLOBAL_EQUITY, GLOBAL_EQUITY_USD, instrumentId, weight);
  }

  private static Holding balanced(String instrumentId, double weight) {
    return new Holding(BALANCED, BALANCED_USD, instrumentId, weight);
  }

  private static Holding macro(String instrumentId, double weight) {
    return new Holding(MACRO, MACRO_USD, instrumentId, weight);
  }
}
