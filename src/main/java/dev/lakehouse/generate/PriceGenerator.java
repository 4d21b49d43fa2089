package dev.lakehouse.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Intraday prices of a small universe: each move is a common market factor times the instrument's
 * beta plus idiosyncratic noise, both Student-t (fat tails); prices move multiplicatively, so they
 * stay positive. The value of {@code finance.prices}: one tick per instrument per interval, for the
 * {@link Universe#intraday() intraday instruments} of the universe. {@link MarketHistory} makes the
 * daily closes.
 */
final class PriceGenerator {
  private static final List<Instrument> INSTRUMENTS = Universe.intraday();
  static final int INSTRUMENT_COUNT = INSTRUMENTS.size();
  private static final int TAIL_DEGREES = 4;
  private static final double MARKET_DAILY_VOLATILITY = 0.01;

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
    double volatility = instrument.residualVolatility(instrument.beta() * MARKET_DAILY_VOLATILITY) * intervalScale;
    return instrument.beta() * market + volatility * Sampling.studentT(random, TAIL_DEGREES);
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
