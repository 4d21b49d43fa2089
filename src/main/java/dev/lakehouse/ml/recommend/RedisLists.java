package dev.lakehouse.ml.recommend;

import java.net.URI;
import java.util.Iterator;
import java.util.Optional;
import org.apache.spark.sql.Row;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * Recommendation lists in Redis. Key schema:
 * <ul>
 *   <li>{@code reco:user:<user_id>}: a string, the user's list as JSON
 *       {@code {"user_id":..,"source":"als|popular-category|realtime","model_version":N,"generated_at":..,
 *       "items":[{"rank":1,"product_id":..,"category":..,"score":..},...]}}, expiring after
 *       {@code recommend.ttl};
 *   <li>{@code reco:popular}: the same JSON (user_id "*", source "popular") with the overall popular
 *       items, for users without a list; same expiry.
 * </ul>
 * Writes go through a pipeline, {@link #BATCH} commands per round trip.
 */
public final class RedisLists {
  public static final String USER_PREFIX = "reco:user:";
  public static final String POPULAR = "reco:popular";
  static final int BATCH = 1000;
  static final int TIMEOUT_MS = 2000;

  private RedisLists() {}

  public static String userKey(String userId) {
    return USER_PREFIX + userId;
  }

  public static Jedis connect(String url) {
    return new Jedis(URI.create(url), TIMEOUT_MS);
  }

  /** Sets every (key, json) row with the expiry, pipelined; returns how many. */
  public static long pushPipelined(String url, long ttlSeconds, Iterator<Row> keyValues) {
    long pushed = 0;
    try (Jedis jedis = connect(url)) {
      Pipeline pipeline = jedis.pipelined();
      while (keyValues.hasNext()) {
        Row row = keyValues.next();
        pipeline.setex(row.getString(0), ttlSeconds, row.getString(1));
        if (++pushed % BATCH == 0) {
          pipeline.sync();
        }
      }
      pipeline.sync();
    }
    return pushed;
  }

  /** The same, one command and round trip at a time (the baseline of bench/recommend). */
  public static long pushOneByOne(String url, long ttlSeconds, Iterator<Row> keyValues) {
    long pushed = 0;
    try (Jedis jedis = connect(url)) {
      while (keyValues.hasNext()) {
        Row row = keyValues.next();
        jedis.setex(row.getString(0), ttlSeconds, row.getString(1));
        pushed++;
      }
    }
    return pushed;
  }

  /** The value of a key, if set; throws a JedisConnectionException when Redis cannot be reached. */
  public static Optional<String> read(String url, String key) {
    try (Jedis jedis = connect(url)) {
      return Optional.ofNullable(jedis.get(key));
    }
  }
}
