package dev.lakehouse.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Intraday prices of a small universe: each move is a common market factor times the instrument's
 * beta plus idiosyncratic noise, both Student-t (fat tails); prices move multiplicatively, so they
 * stay positive. The value of {@code finance.prices}: one tick per instrument per interval.
 */
final class PriceGenerator {
  static final int INSTRUMENT_COUNT = 20;
  private static final int TAIL_DEGREES = 4;
  private static final double MARKET_DAILY_VOLATILITY = 0.01;

  private record Instrument(String id, double startPrice, String currency, double beta, double dailyVolatility,
      int decimals) {}

  private static final List<Instrument> INSTRUMENTS = List.of(
      new Instrument("AAPL", 189.23, "USD", 1.1, 0.016, 2),
      new Instrument("MSFT", 415.50, "USD", 1.0, 0.015, 2),
      new Instrument("AMZN", 178.30, "USD", 1.2, 0.020, 2),
      new Instrument("GOOGL", 165.80, "USD", 1.1, 0.018, 2),
      new Instrument("NVDA", 135.40, "USD", 1.6, 0.030, 2),
      new Instrument("META", 560.10, "USD", 1.3, 0.022, 2),
      new Instrument("TSLA", 245.70, "USD", 1.8, 0.035, 2),
      new Instrument("JPM", 210.60, "USD", 0.9, 0.013, 2),
      new Instrument("V", 285.20, "USD", 0.8, 0.011, 2),
      new Instrument("JNJ", 155.90, "USD", 0.5, 0.009, 2),
      new Instrument("XOM", 118.40, "USD", 0.7, 0.014, 2),
      new Instrument("SAP", 220.15, "EUR", 1.0, 0.015, 2),
      new Instrument("ASML", 640.80, "EUR", 1.4, 0.024, 2),
      new Instrument("SIE", 178.60, "EUR", 1.0, 0.014, 2),
      new Instrument("ALV", 285.40, "EUR", 0.8, 0.011, 2),
      new Instrument("MC", 640.30, "EUR", 1.1, 0.017, 2),
      new Instrument("AZN", 110.50, "GBP", 0.5, 0.012, 2),
      new Instrument("EURUSD", 1.0852, "USD", 0.1, 0.005, 5),
      new Instrument("TLT", 92.40, "USD", -0.3, 0.009, 2),
      new Instrument("IEF", 94.10, "USD", -0.2, 0.005, 2));

  private final SplittableRandom random;
  private final JsonWriter json;
  private final double[] prices = new double[INSTRUMENT_COUNT];
  private final double intervalScale;

  PriceGenerator(SplittableRandom random, TimeFormats time, int intervals) {
    this.random = random;
    this.json = new JsonWriter(time);
    this.intervalScale = 1 / Math.sqrt(Math.max(1, intervals));
    for (int i = 0; i < INSTRUMENT_COUNT; i++) {
      prices[i] = INSTRUMENTS.get(i).startPrice();
    }
  }

  /** Moves every instrument one interval and writes a tick for each. */
  void ticks(long atMs, List<GeneratedRecord> out) {
    double market = MARKET_DAILY_VOLATILITY * intervalScale * Sampling.studentT(random, TAIL_DEGREES);
    for (int i = 0; i < INSTRUMENT_COUNT; i++) {
      prices[i] *= Math.exp(move(INSTRUMENTS.get(i), market));
      out.add(tick(INSTRUMENTS.get(i), prices[i], atMs));
    }
  }

  private double move(Instrument instrument, double market) {
    double volatility = idiosyncraticVolatility(instrument) * intervalScale;
    return instrument.beta() * market + volatility * Sampling.studentT(random, TAIL_DEGREES);
  }

  // what the market factor does not explain, but never less than 30% of the total
  private static double idiosyncraticVolatility(Instrument instrument) {
    double total = instrument.dailyVolatility();
    double explained = instrument.beta() * MARKET_DAILY_VOLATILITY;
    return Math.sqrt(Math.max(total * total - explained * explained, 0.09 * total * total));
  }

  private GeneratedRecord tick(Instrument instrument, double price, long atMs) {
    byte[] value = json.begin()
        .field("instrument_id", instrument.id())
        .field("price", Sampling.roundTo(price, instrument.decimals()))
        .field("currency", instrument.currency())
        .instant("priced_at", atMs)
        .end();
    return new GeneratedRecord(Topics.FINANCE_PRICES, Keys.of(instrument.id()), value, atMs);
  }
}
