package dev.lakehouse.generate;

import dev.lakehouse.generate.Instrument.AssetClass;
import dev.lakehouse.generate.Instrument.Sector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The instrument universe, the one source of truth for both price streams: 17 equities (11 in USD,
 * 5 in EUR, 1 in GBP), two currency pairs and two US Treasury ETFs.
 *
 * <ul>
 *   <li>{@link #intraday()}: the 20 instruments of the intraday tick stream ({@code finance.prices}),
 *       in the order it ticks them; that order is part of its deterministic output.
 *   <li>{@link #instruments()}: the daily universe of {@link MarketHistory}, silver.finance_instruments:
 *       the same 20 plus GBPUSD, which only the daily history carries. Every non-USD currency of the
 *       universe has a {@code <CCY>USD} pair, so every position can be valued in USD.
 * </ul>
 *
 * <p>Betas are to the equity market factor, whose calm daily volatility is 1%; daily volatilities are
 * totals in calm markets.
 */
public final class Universe {
  private static final List<Instrument> INTRADAY = List.of(
      equity("AAPL", "Apple Inc.", Sector.TECHNOLOGY, "USD", 1.1, 0.016, 189.23),
      equity("MSFT", "Microsoft Corp.", Sector.TECHNOLOGY, "USD", 1.0, 0.015, 415.50),
      equity("AMZN", "Amazon.com Inc.", Sector.CONSUMER, "USD", 1.2, 0.020, 178.30),
      equity("GOOGL", "Alphabet Inc.", Sector.TECHNOLOGY, "USD", 1.1, 0.018, 165.80),
      equity("NVDA", "NVIDIA Corp.", Sector.TECHNOLOGY, "USD", 1.6, 0.030, 135.40),
      equity("META", "Meta Platforms Inc.", Sector.TECHNOLOGY, "USD", 1.3, 0.022, 560.10),
      equity("TSLA", "Tesla Inc.", Sector.CONSUMER, "USD", 1.8, 0.035, 245.70),
      equity("JPM", "JPMorgan Chase & Co.", Sector.FINANCIALS, "USD", 0.9, 0.013, 210.60),
      equity("V", "Visa Inc.", Sector.FINANCIALS, "USD", 0.8, 0.011, 285.20),
      equity("JNJ", "Johnson & Johnson", Sector.HEALTHCARE, "USD", 0.5, 0.009, 155.90),
      equity("XOM", "Exxon Mobil Corp.", Sector.ENERGY, "USD", 0.7, 0.014, 118.40),
      equity("SAP", "SAP SE", Sector.TECHNOLOGY, "EUR", 1.0, 0.015, 220.15),
      equity("ASML", "ASML Holding N.V.", Sector.TECHNOLOGY, "EUR", 1.4, 0.024, 640.80),
      equity("SIE", "Siemens AG", Sector.INDUSTRIALS, "EUR", 1.0, 0.014, 178.60),
      equity("ALV", "Allianz SE", Sector.FINANCIALS, "EUR", 0.8, 0.011, 285.40),
      equity("MC", "LVMH Moet Hennessy Louis Vuitton SE", Sector.CONSUMER, "EUR", 1.1, 0.017, 640.30),
      equity("AZN", "AstraZeneca PLC", Sector.HEALTHCARE, "GBP", 0.5, 0.012, 110.50),
      currencyPair("EURUSD", "Euro in US dollars", 0.1, 0.005, 1.0852),
      treasuries("TLT", "iShares 20+ Year Treasury Bond ETF", -0.3, 0.009, 92.40),
      treasuries("IEF", "iShares 7-10 Year Treasury Bond ETF", -0.2, 0.005, 94.10));

  // daily only: adding it to the tick stream would change that stream's output
  private static final List<Instrument> DAILY_ONLY = List.of(
      currencyPair("GBPUSD", "Pound sterling in US dollars", 0.1, 0.006, 1.2710));

  private static final List<Instrument> INSTRUMENTS = concat(INTRADAY, DAILY_ONLY);
  private static final Map<String, Instrument> BY_ID = INSTRUMENTS.stream()
      .collect(Collectors.toUnmodifiableMap(Instrument::id, Function.identity()));

  private Universe() {}

  /** The daily universe, 21 instruments: the intraday ones in their order, then GBPUSD. */
  public static List<Instrument> instruments() {
    return INSTRUMENTS;
  }

  /** The 20 instruments of the intraday tick stream, in the order it ticks them. */
  public static List<Instrument> intraday() {
    return INTRADAY;
  }

  public static Instrument instrument(String id) {
    Instrument instrument = BY_ID.get(id);
    if (instrument == null) {
      throw new IllegalArgumentException("Cannot find instrument '" + id + "': the universe holds " + ids());
    }
    return instrument;
  }

  /** Position of the instrument in {@link #instruments()}. */
  static int indexOf(String id) {
    return INSTRUMENTS.indexOf(instrument(id));
  }

  private static List<String> ids() {
    return INSTRUMENTS.stream().map(Instrument::id).toList();
  }

  private static Instrument equity(String id, String name, Sector sector, String currency, double beta,
      double dailyVolatility, double startPrice) {
    return new Instrument(id, name, AssetClass.EQUITY, sector, currency, beta, dailyVolatility, startPrice, 2);
  }

  private static Instrument currencyPair(String id, String name, double beta, double dailyVolatility, double startPrice) {
    return new Instrument(id, name, AssetClass.FX, Sector.CURRENCY, "USD", beta, dailyVolatility, startPrice, 5);
  }

  private static Instrument treasuries(String id, String name, double beta, double dailyVolatility, double startPrice) {
    return new Instrument(id, name, AssetClass.BOND, Sector.RATES, "USD", beta, dailyVolatility, startPrice, 2);
  }

  private static List<Instrument> concat(List<Instrument> first, List<Instrument> second) {
    List<Instrument> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
