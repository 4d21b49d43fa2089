package dev.lakehouse.ml.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Behaviour events of a world with planted preferences, to check that a recommender learns them:
 * {@code users} users, {@code products} products spread round-robin over {@code categories}
 * categories, each product with a Zipf popularity (s = 1) over a shuffled ranking. Each user has
 * one favourite category (a hash of user and seed); with probability {@code affinity} an event
 * concerns a product of it (drawn by popularity within the category), otherwise any product by
 * overall popularity. Types: view 60%, click 20%, cart 12%, purchase 8%; times uniform over the
 * {@code days} days ending with {@code lastDay}. Generated in Spark tasks, one random stream per
 * event index, so the rows do not depend on the number of partitions.
 */
public record PreferenceWorld(int users, int products, int categories, double affinity, int days, LocalDate lastDay,
    long seed) implements java.io.Serializable {
  public static final StructType EVENTS = new StructType()
      .add("event_id", DataTypes.StringType)
      .add("event_type", DataTypes.StringType)
      .add("user_id", DataTypes.StringType)
      .add("product_id", DataTypes.StringType)
      .add("category", DataTypes.StringType)
      .add("event_at", DataTypes.TimestampType);

  public PreferenceWorld {
    if (users < 1 || products < categories || categories < 1 || !(affinity >= 0 && affinity <= 1) || days < 1) {
      throw new IllegalArgumentException(String.format("Invalid world: %d users, %d products, %d categories, affinity %s,"
          + " %d days; need users >= 1, products >= categories >= 1, affinity in [0, 1], days >= 1", users, products,
          categories, affinity, days));
    }
  }

  /** The favourite category of a user. */
  public int favourite(int user) {
    return Math.floorMod(Long.hashCode(new SplittableRandom(seed * 31 + user).nextLong()), categories);
  }

  public static String userId(int user) {
    return String.format("u-%06d", user);
  }

  public static String productId(int product) {
    return String.format("p-%05d", product);
  }

  public static String category(int category) {
    return "c" + category;
  }

  /** {@code count} events as (event_id, event_type, user_id, product_id, category, event_at). */
  public Dataset<Row> events(SparkSession spark, long count) {
    double[] weight = popularity();
    double[] overall = cumulative(weight, p -> true);
    double[][] byCategory = new double[categories][];
    for (int c = 0; c < categories; c++) {
      int category = c;
      byCategory[c] = cumulative(weight, p -> p % categories == category);
    }
    long startMs = lastDay.minusDays(days - 1L).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long spanMs = days * 86_400_000L;
    PreferenceWorld world = this;
    return spark.range(count).map((MapFunction<Long, Row>) i -> {
      SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
      int user = random.nextInt(users);
      int category = world.favourite(user);
      int product = random.nextDouble() < affinity ? pick(byCategory[category], random) : pick(overall, random);
      double t = random.nextDouble();
      String type = t < 0.60 ? "view" : t < 0.80 ? "click" : t < 0.92 ? "cart" : "purchase";
      return RowFactory.create("e-" + seed + "-" + i, type, userId(user), productId(product),
          category(product % categories), new Timestamp(startMs + (long) (random.nextDouble() * spanMs)));
    }, Encoders.row(EVENTS));
  }

  /** The events as rows of silver.commerce_events (lineage columns filled as a refine would). */
  public Dataset<Row> silverEvents(SparkSession spark, long count, StructType silver) {
    return asSilver(events(spark, count), silver);
  }

  /** Rows shaped like {@link #EVENTS} as rows of silver.commerce_events, in its column order. */
  public static Dataset<Row> asSilver(Dataset<Row> events, StructType silver) {
    Dataset<Row> all = events
        .withColumn("session_id", lit(null).cast("string"))
        .withColumn("page", lit(null).cast("string"))
        .withColumn("user_agent", lit(null).cast("string"))
        .withColumn("event_date", col("event_at").cast("date"))
        .withColumn("_kafka_topic", lit("commerce.events"))
        .withColumn("_kafka_partition", lit(0))
        .withColumn("_kafka_offset", lit(0L))
        .withColumn("_ingested_at", current_timestamp())
        .withColumn("_refined_at", current_timestamp());
    List<String> present = Arrays.asList(all.columns());
    // columns the world does not make (browser, brand, ...) stay null, as for an event without them
    Column[] columns = Arrays.stream(silver.fields())
        .map(f -> (present.contains(f.name()) ? col(f.name()) : lit(null)).cast(f.dataType()).as(f.name()))
        .toArray(Column[]::new);
    return all.select(columns);
  }

  /** A time in the middle of the last day, e.g. for events that happen "now" in a test. */
  public Instant lastDayNoon() {
    return lastDay.atTime(12, 0).toInstant(ZoneOffset.UTC);
  }

  private double[] popularity() {
    int[] rank = new int[products];
    for (int p = 0; p < products; p++) {
      rank[p] = p;
    }
    SplittableRandom shuffle = new SplittableRandom(seed);
    for (int p = products - 1; p > 0; p--) {
      int q = shuffle.nextInt(p + 1);
      int swap = rank[p];
      rank[p] = rank[q];
      rank[q] = swap;
    }
    double[] weight = new double[products];
    for (int p = 0; p < products; p++) {
      weight[p] = 1.0 / (rank[p] + 1);
    }
    return weight;
  }

  private static double[] cumulative(double[] weight, java.util.function.IntPredicate included) {
    double[] cumulative = new double[weight.length];
    double total = 0;
    for (int p = 0; p < weight.length; p++) {
      total += included.test(p) ? weight[p] : 0;
      cumulative[p] = total;
    }
    for (int p = 0; p < weight.length; p++) {
      cumulative[p] /= total;
    }
    return cumulative;
  }

  private static int pick(double[] cumulative, SplittableRandom random) {
    int found = Arrays.binarySearch(cumulative, random.nextDouble());
    int index = found >= 0 ? found : -found - 1;
    // skip zero-weight products that share the cumulative value of their predecessor
    while (index > 0 && cumulative[index] == cumulative[index - 1]) {
      index--;
    }
    return Math.min(index, cumulative.length - 1);
  }
}
