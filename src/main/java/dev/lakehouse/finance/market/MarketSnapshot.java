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
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The market history up to a date, on the driver: closes of every instrument converted to the
 * base currency (USD) on each trading day, and the positions of each portfolio. Small (years of
 * daily closes of a few dozen instruments), so the risk arithmetic runs on plain arrays.
 *
 * <p>A price in another currency is converted with the close of the {@code <CCY>USD} instrument
 * of the same day (EURUSD for EUR); a currency without such a series is an error naming it.
 */
public final class MarketSnapshot {
  public static final String BASE_CURRENCY = "USD";

  /** One instrument and how stress scenarios group it. */
  public record InstrumentInfo(String id, String assetClass, String sector, String currency) {}

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

  /** Prices up to {@code asOf} (trading days on which every instrument has a close) and the positions as of it. */
  public static MarketSnapshot load(SparkSession spark, LocalDate asOf) {
    Map<String, InstrumentInfo> info = new LinkedHashMap<>();
    spark.table("silver.finance_instruments").orderBy("instrument_id").collectAsList().forEach(r -> info.put(
        r.<String>getAs("instrument_id"), new InstrumentInfo(r.getAs("instrument_id"), r.getAs("asset_class"), r.getAs("sector"),
            r.getAs("currency"))));
    if (info.isEmpty()) {
      throw new IllegalStateException("silver.finance_instruments is empty: load market data first (bin/lakehouse finance market)");
    }
    List<String> instruments = List.copyOf(info.keySet());
    Map<String, Map<String, Double>> positions = positions(spark, asOf);
    boolean[] required = required(instruments, info, positions);
    TreeMap<LocalDate, double[]> closes = new TreeMap<>();
    for (Row r : spark.table("silver.finance_prices").where(col("price_date").leq(lit(Date.valueOf(asOf))))
        .select("price_date", "instrument_id", "close").collectAsList()) {
      int i = instruments.indexOf(r.getString(1));
      if (i >= 0) {
        double[] day = closes.computeIfAbsent(r.getDate(0).toLocalDate(), d -> filled(instruments.size()));
        day[i] = r.getDouble(2);
      }
    }
    // a day counts when every instrument held (and the FX to value it) has a close; others may be missing
    closes.values().removeIf(day -> {
      for (int i = 0; i < day.length; i++) {
        if (required[i] && Double.isNaN(day[i])) {
          return true;
        }
      }
      return false;
    });
    if (closes.isEmpty() || !closes.lastKey().equals(asOf)) {
      throw new IllegalStateException("Cannot value the portfolios on " + asOf + ": silver.finance_prices has no close that day "
          + "for every instrument held" + (closes.isEmpty() ? "" : " (last complete day: " + closes.lastKey() + ")")
          + "; load prices with bin/lakehouse finance market");
    }
    List<LocalDate> dates = List.copyOf(closes.keySet());
    double[][] values = new double[dates.size()][];
    int t = 0;
    for (double[] day : closes.values()) {
      values[t++] = inBaseCurrency(day, instruments, info, required);
    }
    return new MarketSnapshot(asOf, dates, instruments, info, values, positions);
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

  // held instruments and the <CCY>USD instruments that value them; everything when nothing is held
  private static boolean[] required(List<String> instruments, Map<String, InstrumentInfo> info,
      Map<String, Map<String, Double>> positions) {
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
        int fx = instruments.indexOf(info.get(instrument).currency() + BASE_CURRENCY);
        if (fx >= 0) {
          required[fx] = true;
        }
      }
    }
    if (!any) {
      java.util.Arrays.fill(required, true);
    }
    return required;
  }

  private static double[] inBaseCurrency(double[] closes, List<String> instruments, Map<String, InstrumentInfo> info,
      boolean[] required) {
    double[] converted = new double[closes.length];
    for (int i = 0; i < closes.length; i++) {
      String currency = info.get(instruments.get(i)).currency();
      double rate = 1;
      if (!currency.equals(BASE_CURRENCY)) {
        int fx = instruments.indexOf(currency + BASE_CURRENCY);
        if (fx < 0 && !required[i]) {
          converted[i] = Double.NaN;
          continue;
        }
        if (fx < 0) {
          throw new IllegalStateException("cannot convert " + instruments.get(i) + " from " + currency + " to " + BASE_CURRENCY
              + ": no " + currency + BASE_CURRENCY + " instrument in silver.finance_instruments");
        }
        rate = closes[fx];
      }
      converted[i] = closes[i] * rate;
    }
    return converted;
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
