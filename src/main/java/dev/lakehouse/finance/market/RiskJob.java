package dev.lakehouse.finance.market;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.finance.risk.Cholesky;
import dev.lakehouse.finance.risk.HistoricalVar;
import dev.lakehouse.finance.risk.MonteCarloVar;
import dev.lakehouse.finance.risk.ParametricVar;
import dev.lakehouse.finance.risk.ReturnDistribution;
import dev.lakehouse.finance.risk.TailRisk;
import dev.lakehouse.quality.GatedWrite;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * VaR and Expected Shortfall per portfolio for a date, by five methods, into
 * gold.finance_risk_daily (the date's rows replaced):
 *
 * <ul>
 *   <li>historical: the portfolio's P&L under each of the last {@code risk.lookback-days} daily
 *       return vectors (P&L scenarios first, then the quantile: not a percentile of returns);
 *   <li>parametric: z * sqrt(w' S w) with the sample covariance, and with the EWMA covariance;
 *   <li>monte_carlo_normal and monte_carlo_t: correlated draws (Cholesky of the sample
 *       covariance), seeded, simulated by Spark tasks.
 * </ul>
 *
 * VaR at 95% and 99% and ES at 97.5% (rows for 0.95, 0.975, 0.99, each with VaR and ES), for 1
 * day and 10 days (square root of time from the 1-day figures).
 */
public final class RiskJob {
  public static final String TABLE = "gold.finance_risk_daily";
  public static final double[] CONFIDENCES = {0.95, 0.975, 0.99};
  public static final int[] HORIZONS = {1, 10};

  private static final StructType SCHEMA = new StructType()
      .add("risk_date", DataTypes.DateType, false)
      .add("portfolio_id", DataTypes.StringType, false)
      .add("method", DataTypes.StringType, false)
      .add("confidence", DataTypes.DoubleType, false)
      .add("horizon_days", DataTypes.IntegerType, false)
      .add("value_at_risk", DataTypes.DoubleType, false)
      .add("expected_shortfall", DataTypes.DoubleType, false)
      .add("portfolio_value", DataTypes.DoubleType, false)
      .add("scenarios", DataTypes.LongType, false)
      .add("detail", DataTypes.StringType)
      .add("computed_at", DataTypes.TimestampType, false);

  private final LakehouseConfig.Risk settings;
  private final TableCatalog catalog;

  public RiskJob(LakehouseConfig config, TableCatalog catalog) {
    this.settings = config.risk();
    this.catalog = catalog;
  }

  /** One method's 1-day figures for a portfolio. */
  public record Figures(String portfolio, String method, double portfolioValue, long scenarios, String detail,
      List<TailRisk> oneDay) {}

  /** Computes and writes the date; returns what was written. */
  public List<Figures> run(SparkSession spark, LocalDate date) {
    MarketSnapshot market = MarketSnapshot.load(spark, date);
    List<Figures> all = new ArrayList<>();
    for (String portfolio : market.portfolios()) {
      all.addAll(figures(spark, market, portfolio));
    }
    write(spark, date, all);
    return all;
  }

  List<Figures> figures(SparkSession spark, MarketSnapshot market, String portfolio) {
    int t = market.last();
    double[] w = market.exposures(portfolio, t);
    double value = market.marketValue(portfolio, t);
    double[][] returns = market.returns(portfolio, t, settings.lookbackDays());
    if (returns.length < 20) {
      throw new IllegalStateException("only " + returns.length + " days of returns up to " + market.asOf()
          + " for " + portfolio + ": VaR needs at least 20");
    }
    String window = returns.length + " days to " + market.asOf();
    List<Figures> figures = new ArrayList<>();
    double[] historical = MarketSnapshot.pnl(w, returns);
    figures.add(new Figures(portfolio, "historical", value, returns.length, "lookback " + window,
        each(c -> HistoricalVar.tailRisk(historical, c))));
    double[][] covariance = ParametricVar.covariance(returns);
    ParametricVar parametric = ParametricVar.of(w, covariance);
    figures.add(new Figures(portfolio, "parametric", value, 0, "sample covariance over " + window + ", zero mean",
        each(parametric::tailRisk)));
    ParametricVar ewma = ParametricVar.of(w, ParametricVar.ewmaCovariance(returns, settings.ewmaLambda()));
    figures.add(new Figures(portfolio, "parametric_ewma", value, 0, "EWMA covariance, lambda " + settings.ewmaLambda()
        + ", over " + window, each(ewma::tailRisk)));
    int trials = settings.monteCarloTrials();
    double[] normal = simulate(spark, w, covariance, ReturnDistribution.normal(), trials);
    figures.add(new Figures(portfolio, "monte_carlo_normal", value, trials, "normal, seed " + settings.monteCarloSeed(),
        each(c -> HistoricalVar.tailRisk(normal, c))));
    double[] studentT = simulate(spark, w, covariance, ReturnDistribution.studentT(settings.studentTDegrees()), trials);
    figures.add(new Figures(portfolio, "monte_carlo_t", value, trials, "Student-t, " + settings.studentTDegrees()
        + " degrees of freedom, seed " + settings.monteCarloSeed(), each(c -> HistoricalVar.tailRisk(studentT, c))));
    return figures;
  }

  private double[] simulate(SparkSession spark, double[] w, double[][] covariance, ReturnDistribution distribution, int trials) {
    boolean moves = false;
    for (int i = 0; i < covariance.length; i++) {
      moves |= covariance[i][i] > 0;
    }
    if (!moves) {
      return new double[trials];   // prices that never moved: every scenario is flat
    }
    // a tiny jitter keeps the covariance of nearly collinear instruments factorable
    Cholesky factor = Cholesky.decomposeWithJitter(covariance, 1e-10);
    return SparkMonteCarlo.simulate(spark, MonteCarloVar.of(w, factor, distribution, settings.monteCarloSeed()), trials,
        spark.sparkContext().defaultParallelism());
  }

  private static List<TailRisk> each(java.util.function.DoubleFunction<TailRisk> risk) {
    List<TailRisk> risks = new ArrayList<>();
    for (double c : CONFIDENCES) {
      risks.add(risk.apply(c));
    }
    return risks;
  }

  private void write(SparkSession spark, LocalDate date, List<Figures> figures) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>();
    for (Figures f : figures) {
      for (TailRisk oneDay : f.oneDay()) {
        for (int horizon : HORIZONS) {
          TailRisk risk = oneDay.scaledToHorizon(horizon);
          rows.add(RowFactory.create(Date.valueOf(date), f.portfolio(), f.method(), risk.confidence(), horizon,
              risk.valueAtRisk(), risk.expectedShortfall(), f.portfolioValue(), f.scenarios(), f.detail(), now));
        }
      }
    }
    new GatedWrite(catalog).replace(spark, TABLE, spark.createDataFrame(rows, SCHEMA), GatedWrite.onDate("risk_date", date), date);
  }
}
