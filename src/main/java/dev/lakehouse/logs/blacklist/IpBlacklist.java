package dev.lakehouse.logs.blacklist;

import static org.apache.spark.sql.functions.col;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.ops.DeltaRetries;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * gold.logs_ip_blacklist: listing is idempotent per entry (listing again extends the expiry and
 * counts a hit), removal deletes the entry, and {@link #registerFunction} makes the active entries
 * available to SQL as {@code lakehouse_is_blacklisted(ip)}, which refine uses to flag requests.
 */
public final class IpBlacklist {
  public static final String TABLE = "gold.logs_ip_blacklist";
  public static final String FUNCTION = "lakehouse_is_blacklisted";
  public static final String MANUAL = "manual";

  private static final StructType SCHEMA = new StructType()
      .add("entry", DataTypes.StringType, false)
      .add("range_start", DataTypes.StringType, false)
      .add("range_end", DataTypes.StringType, false)
      .add("reason", DataTypes.StringType, false)
      .add("source", DataTypes.StringType, false)
      .add("first_seen_at", DataTypes.TimestampType, false)
      .add("updated_at", DataTypes.TimestampType, false)
      .add("expires_at", DataTypes.TimestampType)
      .add("hits", DataTypes.LongType, false);

  /** One listing: an address or block, why, by whom, and for how long (null: for good). */
  public record Listing(String entry, String reason, String source, Instant listedAt, Duration ttl) {
    public Listing {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("a blacklist entry needs a reason");
      }
      if (ttl != null && (ttl.isZero() || ttl.isNegative())) {
        throw new IllegalArgumentException("ttl '" + ttl + "' must be greater than zero");
      }
    }
  }

  private final String location;

  public IpBlacklist(TableCatalog catalog) {
    this(catalog.location(TABLE));
  }

  public IpBlacklist(String location) {
    this.location = location;
  }

  /** Lists entries; an entry already present gets the later expiry, the newer reason and one more hit. */
  public void add(SparkSession spark, List<Listing> listings) {
    if (listings.isEmpty()) {
      return;
    }
    List<Row> rows = new ArrayList<>();
    for (Listing listing : listings) {
      IpRange range = IpRange.parse(listing.entry());
      Timestamp at = Timestamp.from(listing.listedAt());
      Timestamp expires = listing.ttl() == null ? null : Timestamp.from(listing.listedAt().plus(listing.ttl()));
      rows.add(RowFactory.create(range.entry(), range.start(), range.end(), listing.reason(), listing.source(), at, at,
          expires, 1L));
    }
    Dataset<Row> incoming = spark.createDataFrame(rows, SCHEMA).dropDuplicates("entry");
    DeltaRetries.onConflict(() -> DeltaTable.forPath(spark, location).as("b")
        .merge(incoming.as("n"), "b.entry = n.entry")
        .whenMatched()
        .updateExpr(Map.of(
            "reason", "n.reason",
            "source", "n.source",
            "updated_at", "n.updated_at",
            "hits", "b.hits + 1",
            // never shorten a listing: null (for good) wins, else the later expiry
            "expires_at", "CASE WHEN b.expires_at IS NULL OR n.expires_at IS NULL THEN NULL "
                + "ELSE greatest(b.expires_at, n.expires_at) END"))
        .whenNotMatched()
        .insertAll()
        .execute());
  }

  /** Removes an entry; false when it was not listed. */
  public boolean remove(SparkSession spark, String entry) {
    String normalized = IpRange.parse(entry).entry();
    DeltaTable table = DeltaTable.forPath(spark, location);
    if (table.toDF().where(col("entry").equalTo(normalized)).isEmpty()) {
      return false;
    }
    DeltaRetries.onConflict(() -> table.delete(col("entry").equalTo(normalized)));
    return true;
  }

  /** Entries with whether each is active now, newest first. */
  public Dataset<Row> list(SparkSession spark) {
    return spark.read().format("delta").load(location)
        .selectExpr("entry", "reason", "source", "first_seen_at", "expires_at",
            "expires_at IS NULL OR expires_at > current_timestamp() AS active", "hits")
        .orderBy(col("updated_at").desc());
  }

  /** The entries not expired at {@code at}. */
  public AddressRanges active(SparkSession spark, Instant at) {
    List<IpRange> ranges = new ArrayList<>();
    for (Row row : spark.read().format("delta").load(location)
        .where(col("expires_at").isNull()
            .or(col("expires_at").gt(Timestamp.from(at))))
        .select("entry", "range_start", "range_end").collectAsList()) {
      ranges.add(new IpRange(row.getString(0), row.getString(1), row.getString(2)));
    }
    return AddressRanges.of(ranges);
  }

  /**
   * (Re)defines {@code lakehouse_is_blacklisted(ip)} in this session over the entries active now.
   * Call it before each batch that derives the flag, so the batch sees the current list.
   */
  public void registerFunction(SparkSession spark) {
    register(spark, active(spark, Instant.now()));
  }

  /** Defines the function over a given set of ranges (an empty set when the table is absent). */
  public static void register(SparkSession spark, AddressRanges ranges) {
    spark.udf().register(FUNCTION, (UDF1<String, Boolean>) ranges::contains, DataTypes.BooleanType);
  }
}
