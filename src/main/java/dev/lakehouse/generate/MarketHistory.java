package dev.lakehouse.generate;

import dev.lakehouse.generate.Instrument.AssetClass;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Daily closing prices of the {@link Universe} over a date range, the value of silver.finance_prices:
 * one close per trading day and instrument. VaR, expected shortfall, stress tests and the VaR backtest
 * read it. Deterministic: the same seed, {@code from} and {@code to} give the same closes, and a later
 * {@code to} only appends days (the closes of the common days stay the same).
 *
 * <p><b>Calendar.</b> Trading days are Monday to Friday from {@code from} to {@code to}, both included;
 * there are no holidays. The first trading day closes at each instrument's start price.
 *
 * <p><b>Returns.</b> Each day an instrument's log return is
 * {@code beta * market + ratesLoading * rates + fxLoading * fx + residual}:
 * <ul>
 *   <li>market: the equity market factor, drift 0.03% a day (about 7.5% a year) plus a GARCH(1,1)
 *       shock: {@code variance(t) = omega + alpha * shock(t-1)^2 + beta * variance(t-1)} with
 *       alpha = {@value #GARCH_ALPHA}, beta = {@value #GARCH_BETA} and omega = 1%² × (1 - alpha - beta) =
 *       2e-6, so the long-run volatility is 1% a day (about 16% a year). Calm and stormy stretches
 *       alternate: persistence 0.98, a shock to the variance halves in about 34 trading days. The
 *       variance is capped at the crash's, 3% a day;
 *   <li>rates: the price move of Treasuries, 0.6% a day; it carries 80% of a bond's volatility;
 *   <li>fx: the move of EUR and GBP against USD, 0.5% a day; it carries 80% of a currency pair's
 *       volatility;
 *   <li>residual: the instrument's own noise, what the factors leave of its
 *       {@link Instrument#dailyVolatility() daily volatility} (at least 30% of it).
 * </ul>
 * Every shock is Student-t with 4 degrees of freedom scaled to unit variance, hence fat tails (the
 * kurtosis of an equal-weight equity basket's daily returns is 5 or more, 15 on average). Equities
 * move together (average pairwise correlation of daily returns about 0.45); bonds have negative betas,
 * so they lean against equities, mildly in calm markets. Prices move in logs, so they stay positive;
 * closes are rounded to the instrument's decimals.
 *
 * <p><b>Crash.</b> The close {@value #CRASH_PEAK_DAY} trading days after the first is a peak. Over the
 * {@value #CRASH_DAYS} trading days after it the market factor falls by exactly 27.5% (log -0.322), with
 * 3 times its calm volatility; the fall is steepest mid-crash (the daily drift follows a sine hump). An
 * equally weighted basket of the 17 equities (mean beta 1.05), in local currency, falls 25–31% from peak
 * to trough. Treasuries rally (flight to quality): during the crash the rates factor also gains a tenth
 * of the market's loss, on top of the bonds' negative betas. Over the {@value #RECOVERY_DAYS} trading days
 * after the trough the market is expected to win back 40% of its log loss, while the volatility the crash
 * left decays. {@link #crashWindow()} gives the peak and the trough when the range reaches the trough.
 * The crash normally holds the worst 10-day loss of an equity portfolio ({@code global-equity}): over
 * 2023-2025 it does for 492 of 500 seeds; for the others another fat-tailed stretch is worse.
 */
public final class MarketHistory {
  static final double MARKET_DAILY_VOLATILITY = 0.01;
  static final double MARKET_DAILY_DRIFT = 0.0003;
  /** Weight of yesterday's squared market shock in today's variance. */
  static final double GARCH_ALPHA = 0.06;
  /** Weight of yesterday's variance in today's. */
  static final double GARCH_BETA = 0.92;
  static final double GARCH_OMEGA = MARKET_DAILY_VOLATILITY * MARKET_DAILY_VOLATILITY * (1 - GARCH_ALPHA - GARCH_BETA);
  static final double RATES_DAILY_VOLATILITY = 0.006;
  static final double FX_DAILY_VOLATILITY = 0.005;
  /** Share of a bond's (currency pair's) daily volatility the rates (FX) factor carries. */
  static final double FACTOR_SHARE = 0.8;
  static final int TAIL_DEGREES = 4;

  /** Trading days after {@code from} of the last close before the crash. */
  public static final int CRASH_PEAK_DAY = 300;
  public static final int CRASH_DAYS = 15;
  /** How far the market factor falls from the peak to the trough, exactly. */
  public static final double CRASH_MARKET_FALL = 0.275;
  static final double CRASH_VOLATILITY_MULTIPLE = 3;
  /** The GARCH variance never exceeds the crash's: 3% a day. */
  static final double MAX_VARIANCE = Math.pow(CRASH_VOLATILITY_MULTIPLE * MARKET_DAILY_VOLATILITY, 2);
  /** Share of the market's loss the rates factor gains during the crash. */
  static final double FLIGHT_TO_QUALITY = 0.1;
  static final int RECOVERY_DAYS = 20;
  /** Share of the crash's log loss the market is expected to win back after it. */
  static final double RECOVERY_SHARE = 0.4;

  /** One row of silver.finance_prices: an instrument's close on a trading day, in its currency. */
  public record DailyClose(LocalDate day, String instrumentId, double close, String currency) {}

  /**
   * A stretch of the history: {@code first} is the peak (the last close before the fall), {@code last}
   * the trough, so {@code close(last) / close(first) - 1} is the move over the stretch.
   */
  public record Window(LocalDate first, LocalDate last) {
    public boolean contains(LocalDate day) {
      return !day.isBefore(first) && !day.isAfter(last);
    }
  }

  private final long seed;
  private final List<LocalDate> days;
  private final Map<LocalDate, Integer> dayIndex = new HashMap<>();
  private final double[][] closes;

  private MarketHistory(long seed, List<LocalDate> days, double[][] closes) {
    this.seed = seed;
    this.days = days;
    this.closes = closes;
    for (int t = 0; t < days.size(); t++) {
      dayIndex.put(days.get(t), t);
    }
  }

  /** The history of the trading days from {@code from} to {@code to}, both included. */
  public static MarketHistory of(long seed, LocalDate from, LocalDate to) {
    if (from == null || to == null || from.isAfter(to)) {
      throw new IllegalArgumentException("Invalid range " + from + " to " + to + ": needs two dates, from not after to");
    }
    List<LocalDate> days = tradingDays(from, to);
    Simulation simulation = new Simulation(seed);
    double[][] closes = new double[days.size()][];
    for (int t = 0; t < days.size(); t++) {
      closes[t] = simulation.closes(t);
    }
    return new MarketHistory(seed, days, closes);
  }

  /** Monday to Friday; there are no holidays. */
  public static boolean isTradingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  public long seed() {
    return seed;
  }

  /** The value of silver.finance_prices.source, e.g. {@code generated:seed=42}. */
  public String source() {
    return "generated:seed=" + seed;
  }

  /** The instruments, in the column order of {@link #closes()}. */
  public List<Instrument> instruments() {
    return Universe.instruments();
  }

  /** The trading days, oldest first, in the row order of {@link #closes()}. */
  public List<LocalDate> tradingDays() {
    return days;
  }

  public double close(String instrumentId, LocalDate day) {
    return closes[indexOf(day)][Universe.indexOf(instrumentId)];
  }

  /**
   * A copy of all closes, {@code closes[day][instrument]}: rows as {@link #tradingDays()}, columns as
   * {@link #instruments()}.
   */
  public double[][] closes() {
    return Arrays.stream(closes).map(double[]::clone).toArray(double[][]::new);
  }

  /** USD per unit of {@code currency} on a day: 1 for USD, else the close of the {@code <CCY>USD} pair. */
  public double usdPerUnit(String currency, LocalDate day) {
    if (currency.equals("USD")) {
      return 1;
    }
    String pair = currency + "USD";
    if (Universe.instruments().stream().noneMatch(i -> i.id().equals(pair))) {
      throw new IllegalArgumentException("Cannot convert " + currency + " to USD: the universe has no " + pair + " pair");
    }
    return close(pair, day);
  }

  /** The crash from peak to trough, when the range reaches the trough. */
  public Optional<Window> crashWindow() {
    int trough = CRASH_PEAK_DAY + CRASH_DAYS;
    return trough < days.size() ? Optional.of(new Window(days.get(CRASH_PEAK_DAY), days.get(trough))) : Optional.empty();
  }

  /** Every close, day by day, instruments in universe order: the rows of silver.finance_prices. */
  public void forEach(Consumer<DailyClose> action) {
    List<Instrument> instruments = instruments();
    for (int t = 0; t < days.size(); t++) {
      for (int i = 0; i < instruments.size(); i++) {
        Instrument instrument = instruments.get(i);
        action.accept(new DailyClose(days.get(t), instrument.id(), closes[t][i], instrument.currency()));
      }
    }
  }

  private int indexOf(LocalDate day) {
    Integer t = dayIndex.get(day);
    if (t == null) {
      throw new IllegalArgumentException("Cannot find closes on " + day + ": not a trading day of this history ("
          + (days.isEmpty() ? "empty" : days.get(0) + " to " + days.get(days.size() - 1)) + ", Monday to Friday)");
    }
    return t;
  }

  private static List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (isTradingDay(day)) {
        days.add(day);
      }
    }
    return List.copyOf(days);
  }

  /** The price paths, one trading day at a time; each factor and the residuals draw from their own stream. */
  private static final class Simulation {
    private static final int CRASH_FIRST_DAY = CRASH_PEAK_DAY + 1;
    private static final int TROUGH_DAY = CRASH_PEAK_DAY + CRASH_DAYS;
    private static final double CRASH_LOG_RETURN = Math.log(1 - CRASH_MARKET_FALL);
    private static final double RECOVERY_DAILY_DRIFT = -RECOVERY_SHARE * CRASH_LOG_RETURN / RECOVERY_DAYS;

    private final List<Instrument> instruments = Universe.instruments();
    private final SplittableRandom market;
    private final SplittableRandom rates;
    private final SplittableRandom currencies;
    private final SplittableRandom residuals;
    private final double[] crashShocks;
    private final double[] ratesLoadings;
    private final double[] fxLoadings;
    private final double[] residualVolatilities;
    private final double[] logPrices;
    private double variance = MARKET_DAILY_VOLATILITY * MARKET_DAILY_VOLATILITY;

    Simulation(long seed) {
      SplittableRandom root = new SplittableRandom(seed);
      market = root.split();
      rates = root.split();
      currencies = root.split();
      residuals = root.split();
      crashShocks = crashShocks(root.split());
      ratesLoadings = instruments.stream().mapToDouble(i -> loading(i, AssetClass.BOND, RATES_DAILY_VOLATILITY)).toArray();
      fxLoadings = instruments.stream().mapToDouble(i -> loading(i, AssetClass.FX, FX_DAILY_VOLATILITY)).toArray();
      residualVolatilities = new double[instruments.size()];
      logPrices = new double[instruments.size()];
      for (int i = 0; i < instruments.size(); i++) {
        residualVolatilities[i] = instruments.get(i).residualVolatility(explainedVolatility(i));
        logPrices[i] = Math.log(instruments.get(i).startPrice());
      }
    }

    /** The closes of trading day {@code t}; call with t = 0, 1, 2, ... in turn. */
    double[] closes(int t) {
      if (t > 0) {
        move(t);
      }
      double[] closes = new double[instruments.size()];
      for (int i = 0; i < closes.length; i++) {
        closes[i] = Sampling.roundTo(Math.exp(logPrices[i]), instruments.get(i).decimals());
      }
      return closes;
    }

    private void move(int t) {
      double shock = isCrash(t) ? crashShocks[t - CRASH_FIRST_DAY] : Math.sqrt(variance) * studentT(market);
      double marketMove = expectedMarketMove(t) + shock;
      // flight to quality: in the crash Treasuries gain part of what equities lose
      double ratesMove = RATES_DAILY_VOLATILITY * studentT(rates) - (isCrash(t) ? FLIGHT_TO_QUALITY * marketMove : 0);
      double fxMove = FX_DAILY_VOLATILITY * studentT(currencies);
      variance = Math.min(GARCH_OMEGA + GARCH_ALPHA * shock * shock + GARCH_BETA * variance, MAX_VARIANCE);
      for (int i = 0; i < logPrices.length; i++) {
        logPrices[i] += instruments.get(i).beta() * marketMove + ratesLoadings[i] * ratesMove + fxLoadings[i] * fxMove
            + residualVolatilities[i] * studentT(residuals);
      }
    }

    private static double expectedMarketMove(int t) {
      if (isCrash(t)) {
        return CRASH_LOG_RETURN * crashShare(t - CRASH_FIRST_DAY);
      }
      boolean recovering = t > TROUGH_DAY && t <= TROUGH_DAY + RECOVERY_DAYS;
      return MARKET_DAILY_DRIFT + (recovering ? RECOVERY_DAILY_DRIFT : 0);
    }

    // the share of the crash's fall on its k-th day: a sine hump, steepest mid-crash, summing to 1
    private static double crashShare(int k) {
      double total = 0;
      for (int day = 0; day < CRASH_DAYS; day++) {
        total += Math.sin(Math.PI * (day + 0.5) / CRASH_DAYS);
      }
      return Math.sin(Math.PI * (k + 0.5) / CRASH_DAYS) / total;
    }

    private static boolean isCrash(int t) {
      return t >= CRASH_FIRST_DAY && t <= TROUGH_DAY;
    }

    // 3x the calm volatility, less their mean, so the crash's total is exactly its log return
    private static double[] crashShocks(SplittableRandom random) {
      double[] shocks = new double[CRASH_DAYS];
      for (int k = 0; k < CRASH_DAYS; k++) {
        shocks[k] = CRASH_VOLATILITY_MULTIPLE * MARKET_DAILY_VOLATILITY * studentT(random);
      }
      double mean = Arrays.stream(shocks).average().orElse(0);
      return Arrays.stream(shocks).map(shock -> shock - mean).toArray();
    }

    private static double loading(Instrument instrument, AssetClass moved, double factorVolatility) {
      return instrument.assetClass() == moved ? FACTOR_SHARE * instrument.dailyVolatility() / factorVolatility : 0;
    }

    private double explainedVolatility(int i) {
      double market = instruments.get(i).beta() * MARKET_DAILY_VOLATILITY;
      double rates = ratesLoadings[i] * RATES_DAILY_VOLATILITY;
      double fx = fxLoadings[i] * FX_DAILY_VOLATILITY;
      return Math.sqrt(market * market + rates * rates + fx * fx);
    }

    private static double studentT(SplittableRandom random) {
      return Sampling.studentT(random, TAIL_DEGREES);
    }
  }
}
