package dev.lakehouse.ml.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.lakehouse.config.LakehouseConfig;
import java.sql.Timestamp;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Implicit feedback from behaviour events: each event weighs its type's weight (view 1, click 2,
 * cart 3, purchase 5 by default), halved for every half-life it lies before {@code asOf}; one row
 * per user and product with the summed weight. Events after {@code asOf} and events without a
 * product are left out.
 */
public final class Interactions {
  private Interactions() {}

  /** Weights per event type and the half-life of their decay. */
  public record Weights(double view, double click, double cart, double purchase, double halfLifeSeconds) {
    public static Weights of(LakehouseConfig.Recommend r) {
      return new Weights(r.weightView(), r.weightClick(), r.weightCart(), r.weightPurchase(),
          r.halfLife().toMillis() / 1000.0);
    }
  }

  /** (user_id, product_id, weight, last_event_at) from rows with event_type, user_id, product_id, event_at. */
  public static Dataset<Row> apply(Dataset<Row> events, Weights weights, Timestamp asOf) {
    Column type = col("event_type");
    // the type's weight; other types (none today) weigh nothing and are dropped
    Column base = when(type.equalTo("view"), lit(weights.view()))
        .when(type.equalTo("click"), lit(weights.click()))
        .when(type.equalTo("cart"), lit(weights.cart()))
        .when(type.equalTo("purchase"), lit(weights.purchase()));
    Column ageSeconds = greatest(lit(0.0), lit(asOf).cast("double").minus(col("event_at").cast("double")));
    return events
        .where(col("product_id").isNotNull().and(col("event_at").leq(lit(asOf))))
        .withColumn("_base", base)
        .where(col("_base").isNotNull())
        // halves every half-life before asOf
        .withColumn("_weight", col("_base").multiply(pow(lit(0.5), ageSeconds.divide(weights.halfLifeSeconds()))))
        .groupBy("user_id", "product_id")
        .agg(sum("_weight").as("weight"), max("event_at").as("last_event_at"));
  }
}
