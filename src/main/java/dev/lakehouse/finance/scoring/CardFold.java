package dev.lakehouse.finance.scoring;

import dev.lakehouse.finance.fraud.CardState;
import dev.lakehouse.finance.fraud.FraudRules;
import dev.lakehouse.finance.fraud.HomeZones;
import dev.lakehouse.finance.fraud.Payment;
import dev.lakehouse.finance.fraud.Score;
import java.io.Serializable;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One card's payments folded in event-time order through {@link FraudRules}: for each payment the
 * rules' score and reasons and the model's features, all from the card state before it. The
 * streaming scorer folds each micro-batch onto the state kept in Spark; training folds a card's
 * whole history from an empty state, so that a model learns from exactly the features it is later
 * served.
 */
final class CardFold implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The silver.finance_payments columns the fold reads, in this order. */
  static final String[] INPUT_COLUMNS = {"payment_id", "customer_id", "card_id", "merchant_id", "merchant_category",
      "merchant_country", "device_id", "lat", "lon", "amount_cents", "currency", "paid_at", "is_fraud", "fraud_pattern",
      "customer_country"};

  /** What the fold gives per payment. */
  static final StructType OUTPUT = new StructType()
      .add("payment_id", DataTypes.StringType, false)
      .add("card_id", DataTypes.StringType, false)
      .add("customer_id", DataTypes.StringType, false)
      .add("paid_at", DataTypes.TimestampType, false)
      .add("paid_date", DataTypes.DateType, false)
      .add("amount_cents", DataTypes.LongType, false)
      .add("currency", DataTypes.StringType, false)
      .add("rules_score", DataTypes.DoubleType, false)
      .add("reason_codes", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("is_fraud", DataTypes.BooleanType, true)
      .add("fraud_pattern", DataTypes.StringType, true)
      .add("features", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

  private final FraudRules rules;

  /** The columns of payments the fold reads, in its order. */
  static Dataset<Row> input(Dataset<Row> payments) {
    return payments.select(Arrays.stream(INPUT_COLUMNS).map(functions::col).toArray(Column[]::new));
  }

  CardFold(FraudRules rules) {
    this.rules = rules;
  }

  /** The rows of a fold, the state after it and the newest event time folded. */
  record Folded(List<Row> rows, CardState state, long newestAtMs) {}

  /** Folds the payments (rows of {@link #INPUT_COLUMNS}, any order) of one card onto its state. */
  Folded fold(String card, List<Row> payments, CardState start) {
    List<Row> sorted = new ArrayList<>(payments);
    sorted.sort(Comparator.comparing((Row r) -> r.getTimestamp(11)).thenComparing(r -> r.getString(0)));
    CardState current = start;
    List<Row> out = new ArrayList<>(sorted.size());
    for (Row r : sorted) {
      Payment payment = payment(r);
      double[] features = rules.features(current, payment);
      Score score = rules.evaluate(current, payment);
      current = score.next();
      Double[] boxed = new Double[features.length];
      for (int i = 0; i < features.length; i++) {
        boxed[i] = features[i];
      }
      out.add(RowFactory.create(r.getString(0), card, r.getString(1), r.getTimestamp(11),
          Date.valueOf(LocalDate.ofInstant(payment.paidAt(), ZoneOffset.UTC)), r.getLong(9), r.getString(10),
          score.score(), score.reasonCodes().toArray(String[]::new), r.isNullAt(12) ? null : r.getBoolean(12),
          r.isNullAt(13) ? null : r.getString(13), boxed));
    }
    long newest = sorted.get(sorted.size() - 1).getTimestamp(11).getTime();
    return new Folded(out, current, newest);
  }

  static Payment payment(Row r) {
    String country = r.getString(5);
    // night is judged in the customer's home zone; records without a home country fall back to the merchant's
    String home = r.isNullAt(14) ? country : r.getString(14);
    ZoneId zone = home == null ? ZoneOffset.UTC : HomeZones.of(home).orElse(ZoneOffset.UTC);
    Instant paidAt = r.getTimestamp(11).toInstant();
    return new Payment(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4), country,
        r.getString(6), r.isNullAt(7) ? Double.NaN : r.getDouble(7), r.isNullAt(8) ? Double.NaN : r.getDouble(8),
        r.getLong(9), r.getString(10), paidAt, zone);
  }
}
