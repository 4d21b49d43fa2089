package dev.lakehouse.finance.market;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The market history up to a date, on the driver: closes of every instrument converted to the
 * base currency (USD) on each trading day, and the positions of each portfolio. Small (years of
 * daily closes of a few dozen instruments), so the risk arithmetic runs on plain arrays.
 *
 * <p>FX conventions (docs/bring-your-own-data.md): a close in another currency CCY is converted with
 * the CCY rate in USD of the same day from silver.finance_fx_rates; when that table has no CCY rate
 * at all, with the close of an fx instrument whose {@code fx_currency} is CCY and whose currency is
 * USD (the price of one CCY in dollars, whatever its id). A currency with neither is an error naming
 * it and both ways to supply it. Instrument ids carry no meaning.
 */
public final class MarketSnapshot {
  public static final String BASE_CURRENCY = "USD";
  static final String FX_RATES = "silver.finance_fx_rates";

  /**
   * One instrument and how stress scenarios group it; {@code fxCurrency} is the currency an fx
   * instrument is the price of (null for other instruments, or an fx one loaded without it).
   */
  public record InstrumentInfo(String id, String assetClass, String sector, String currency, String fxCurrency) {
    boolean isFx() {
      return "fx".equalsIgnoreCase(assetClass);
    }
  }

  // where the USD value of one unit of a currency comes from: FX rates, or the closes of an fx instrument
  private record Conversion(String currency, boolean fromRates, int instrument) {}

  private final LocalDate asOf;
  private final List<LocalDate> dates;
  private final List<String> instruments;
  private final Map<String, InstrumentInfo> info;
  private final double[][] values;
  private final Map<String, Map<String, Double>> positions;

  private MarketSnapshot(LocalDate asOf, List<LocalDate> dates, List<String> instruments, Map<String, InstrumentInfo> info,
      double[][] values, Map<String, Map<String, Double>> positions) {
    this.asOf = asOf;
    this.dates = dates;
    this.instruments = instruments;
    this.info = info;
    this.values = values;
    this.positions = positions;
  }

  /** Prices up to {@code asOf} (trading days on which every instrument held has a close) and the positions as of it. */
  public static MarketSnapshot load(SparkSession spark, LocalDate asOf) {
    Map<String, InstrumentInfo> info = instruments(spark);
    if (info.isEmpty()) {
      throw new IllegalStateException("silver.finance_instruments is empty: load the instruments first "
          + "(bin/lakehouse load silver.finance_instruments FILE; docs/bring-your-own-data.md)");
    }
    List<String> instruments = List.copyOf(info.keySet());
    Map<String, Map<String, Double>> positions = positions(spark, asOf);
    Map<String, TreeMap<LocalDate, Double>> rates = rates(spark, asOf);
    Map<String, Conversion> conversions = conversions(instruments, info, rates.keySet());
    boolean[] required = required(instruments, info, positions, conversions);
    TreeMap<LocalDate, double[]> closes = new TreeMap<>();
    for (Row r : spark.table("silver.finance_prices").where(col("price_date").leq(lit(Date.valueOf(asOf))))
        .select("price_date", "instrument_id", "close").collectAsList()) {
      int i = instruments.indexOf(r.getString(1));
      if (i >= 0) {
        double[] day = closes.computeIfAbsent(r.getDate(0).toLocalDate(), d -> filled(instruments.size()));
        day[i] = r.getDouble(2);
      }
    }
    // a day counts when every instrument held, and what converts it, has a value; others may be missing
    closes.entrySet().removeIf(day -> {
      for (int i = 0; i < day.getValue().length; i++) {
        if (required[i] && Double.isNaN(usdPerUnit(info.get(instruments.get(i)).currency(), day.getKey(), day.getValue(),
            conversions, rates) * day.getValue()[i])) {
          return true;
        }
      }
      return false;
    });
    if (closes.isEmpty() || !closes.lastKey().equals(asOf)) {
      throw new IllegalStateException("Cannot value the portfolios on " + asOf + ": silver.finance_prices has no close that day "
          + "for every instrument held (or no FX rate to convert it)"
          + (closes.isEmpty() ? "" : " (last complete day: " + closes.lastKey() + ")")
          + "; load prices with bin/lakehouse load silver.finance_prices FILE");
    }
    List<LocalDate> dates = List.copyOf(closes.keySet());
    double[][] values = new double[dates.size()][];
    int t = 0;
    for (Map.Entry<LocalDate, double[]> day : closes.entrySet()) {
      double[] converted = new double[instruments.size()];
      for (int i = 0; i < converted.length; i++) {
        converted[i] = day.getValue()[i] * usdPerUnit(info.get(instruments.get(i)).currency(), day.getKey(), day.getValue(),
            conversions, rates);
      }
      values[t++] = converted;
    }
    return new MarketSnapshot(asOf, dates, instruments, info, values, positions);
  }

  private static Map<String, InstrumentInfo> instruments(SparkSession spark) {
    Dataset<Row> table = spark.table("silver.finance_instruments");
    // a table created before fx_currency was declared reads it as unknown until a load adds it
    boolean hasFx = Arrays.asList(table.columns()).contains("fx_currency");
    Map<String, InstrumentInfo> info = new LinkedHashMap<>();
    table.orderBy("instrument_id").collectAsList().forEach(r -> info.put(r.<String>getAs("instrument_id"),
        new InstrumentInfo(r.getAs("instrument_id"), r.getAs("asset_class"), r.getAs("sector"), r.getAs("currency"),
            hasFx ? r.<String>getAs("fx_currency") : null)));
    return info;
  }

  // USD per unit of each currency by day, from silver.finance_fx_rates
  private static Map<String, TreeMap<LocalDate, Double>> rates(SparkSession spark, LocalDate asOf) {
    Map<String, TreeMap<LocalDate, Double>> rates = new TreeMap<>();
    spark.table(FX_RATES)
        .where(col("base_currency").equalTo(BASE_CURRENCY).and(col("rate_date").leq(lit(Date.valueOf(asOf)))))
        .select("currency", "rate_date", "rate").collectAsList()
        .forEach(r -> rates.computeIfAbsent(r.getString(0), c -> new TreeMap<>()).put(r.getDate(1).toLocalDate(), r.getDouble(2)));
    return rates;
  }

  // per foreign quote currency: FX rates when the table has that currency, else an fx instrument pricing it in USD
  private static Map<String, Conversion> conversions(List<String> instruments, Map<String, InstrumentInfo> info,
      java.util.Set<String> rated) {
    Map<String, Conversion> conversions = new TreeMap<>();
    for (InstrumentInfo i : info.values()) {
      String currency = i.currency();
      if (currency.equals(BASE_CURRENCY) || conversions.containsKey(currency)) {
        continue;
      }
      if (rated.contains(currency)) {
        conversions.put(currency, new Conversion(currency, true, -1));
        continue;
      }
      for (int k = 0; k < instruments.size(); k++) {
        InstrumentInfo fx = info.get(instruments.get(k));
        if (fx.isFx() && currency.equals(fx.fxCurrency()) && BASE_CURRENCY.equals(fx.currency())) {
          conversions.put(currency, new Conversion(currency, false, k));
          break;
        }
      }
    }
    return conversions;
  }

  private static double usdPerUnit(String currency, LocalDate day, double[] closes, Map<String, Conversion> conversions,
      Map<String, TreeMap<LocalDate, Double>> rates) {
    if (currency.equals(BASE_CURRENCY)) {
      return 1;
    }
    Conversion conversion = conversions.get(currency);
    if (conversion == null) {
      return Double.NaN;
    }
    if (conversion.fromRates()) {
      Double rate = rates.get(currency).get(day);
      return rate == null ? Double.NaN : rate;
    }
    return closes[conversion.instrument()];
  }

  // the latest holdings at or before asOf, per portfolio
  private static Map<String, Map<String, Double>> positions(SparkSession spark, LocalDate asOf) {
    Map<String, Map<String, Double>> positions = new TreeMap<>();
    spark.sql("SELECT portfolio_id, instrument_id, quantity FROM (SELECT *, max(as_of_date) OVER (PARTITION BY portfolio_id) AS latest "
            + "FROM silver.finance_positions WHERE as_of_date <= :as_of) WHERE as_of_date = latest",
            Map.of("as_of", java.sql.Date.valueOf(asOf)))
        .collectAsList()
        .forEach(r -> positions.computeIfAbsent(r.getString(0), p -> new TreeMap<>()).put(r.getString(1), r.getDouble(2)));
    return positions;
  }

  // held instruments and the fx instruments that value them; everything when nothing is held
  private static boolean[] required(List<String> instruments, Map<String, InstrumentInfo> info,
      Map<String, Map<String, Double>> positions, Map<String, Conversion> conversions) {
    boolean[] required = new boolean[instruments.size()];
    boolean any = false;
    for (Map<String, Double> held : positions.values()) {
      for (String instrument : held.keySet()) {
        int i = instruments.indexOf(instrument);
        if (i < 0) {
          throw new IllegalStateException("Cannot value " + instrument + ": it is held (silver.finance_positions) but not in "
              + "silver.finance_instruments");
        }
        required[i] = true;
        any = true;
      }
    }
    if (!any) {
      Arrays.fill(required, true);
    }
    for (int i = 0; i < required.length; i++) {
      String currency = info.get(instruments.get(i)).currency();
      if (!required[i] || currency.equals(BASE_CURRENCY)) {
        continue;
      }
      Conversion conversion = conversions.get(currency);
      if (conversion == null) {
        throw new IllegalStateException(String.format("Cannot convert %s from %s to %s: silver.finance_fx_rates has no %s rate "
            + "in %s, and silver.finance_instruments has no fx instrument with fx_currency %s and currency %s; load the "
            + "rates (bin/lakehouse load silver.finance_fx_rates FILE) or such an instrument with its prices",
            instruments.get(i), currency, BASE_CURRENCY, currency, BASE_CURRENCY, currency, BASE_CURRENCY));
      }
      if (!conversion.fromRates()) {
        required[conversion.instrument()] = true;
      }
    }
    return required;
  }

  private static double[] filled(int n) {
    double[] day = new double[n];
    Arrays.fill(day, Double.NaN);
    return day;
  }

  public LocalDate asOf() {
    return asOf;
  }

  public List<LocalDate> dates() {
    return dates;
  }

  public List<String> instruments() {
    return instruments;
  }

  public InstrumentInfo info(String instrument) {
    return info.get(instrument);
  }

  public List<String> portfolios() {
    return List.copyOf(positions.keySet());
  }

  /** Quantities held by a portfolio, by instrument. */
  public Map<String, Double> positions(String portfolio) {
    Map<String, Double> held = positions.get(portfolio);
    if (held == null) {
      throw new IllegalArgumentException("unknown portfolio '" + portfolio + "': known are " + positions.keySet());
    }
    return held;
  }

  /** The close of an instrument on day index t, in the base currency. */
  public double value(int t, String instrument) {
    return values[t][index(instrument)];
  }

  /** The instruments a portfolio holds, in a fixed order. */
  public List<String> held(String portfolio) {
    return List.copyOf(new TreeSet<>(positions(portfolio).keySet()));
  }

  /** Exposures in the base currency on day index t: quantity x close, for {@link #held} in order. */
  public double[] exposures(String portfolio, int t) {
    Map<String, Double> quantities = positions(portfolio);
    List<String> held = held(portfolio);
    double[] w = new double[held.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = quantities.get(held.get(i)) * value(t, held.get(i));
    }
    return w;
  }

  /**
   * Daily simple returns of the held instruments for the {@code days} days ending at day index t
   * (rows oldest first; row k is the move from day t-days+k to t-days+k+1). Fewer when the history is shorter.
   */
  public double[][] returns(String portfolio, int t, int days) {
    int[] columns = held(portfolio).stream().mapToInt(this::index).toArray();
    int first = Math.max(1, t - days + 1);
    double[][] returns = new double[t - first + 1][columns.length];
    for (int day = first; day <= t; day++) {
      for (int i = 0; i < columns.length; i++) {
        returns[day - first][i] = values[day][columns[i]] / values[day - 1][columns[i]] - 1;
      }
    }
    return returns;
  }

  /** P&L of each return row applied to the exposures: the historical scenarios. */
  public static double[] pnl(double[] exposures, double[][] returns) {
    double[] pnl = new double[returns.length];
    for (int s = 0; s < returns.length; s++) {
      double sum = 0;
      for (int i = 0; i < exposures.length; i++) {
        sum += exposures[i] * returns[s][i];
      }
      pnl[s] = sum;
    }
    return pnl;
  }

  /** Market value of a portfolio on day index t. */
  public double marketValue(String portfolio, int t) {
    return Arrays.stream(exposures(portfolio, t)).sum();
  }

  public int last() {
    return dates.size() - 1;
  }

  private int index(String instrument) {
    int i = instruments.indexOf(instrument);
    if (i < 0) {
      throw new IllegalArgumentException("instrument '" + instrument + "' has no prices in silver.finance_prices");
    }
    return i;
  }

  /** Closes in the base currency by instrument on day index t (for stress tests). */
  public Map<String, Double> closes(int t) {
    Map<String, Double> closes = new LinkedHashMap<>();
    for (int i = 0; i < instruments.size(); i++) {
      closes.put(instruments.get(i), values[t][i]);
    }
    return closes;
  }
}
