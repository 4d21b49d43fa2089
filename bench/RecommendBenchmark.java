import dev.lakehouse.Lakehouse;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.ml.recommend.PreferenceWorld;
import dev.lakehouse.ml.recommend.RankingMetrics;
import dev.lakehouse.ml.recommend.RecommendTraining;
import dev.lakehouse.ml.recommend.RedisLists;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import redis.clients.jedis.Jedis;

/**
 * bench/recommend.
 * <ol>
 *   <li>Training: the planted-preference world (users and events scaled together, 1x, 4x, 16x) in
 *       silver, then {@code recommend train} (ALS fit, evaluation on the holdout, registration).
 *       Prints seconds, the peak heap of the JVM (driver and local executors) during the run and
 *       the NDCG@10 of ALS and popularity; ratios against 1x.
 *   <li>Redis: KEYS lists of 10 items as JSON, set with expiry one command per round trip, then
 *       pipelined (1000 per round trip), to a redis-server started here. Prints keys/s and the ratio.
 * </ol>
 * {@code --smoke}: 1x of 3,000 events and 500 keys, in a running JVM.
 */
public class RecommendBenchmark {
  public static void main(String[] args) throws Exception {
    boolean smoke = args.length > 0 && args[0].equals("--smoke");
    long base = smoke ? 3_000L : args.length > 0 ? Long.parseLong(args[0]) : 50_000L;
    int keys = smoke ? 500 : args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    Path root = Files.createTempDirectory("lakehouse-bench-recommend");
    System.out.printf("%5s %10s %7s %9s %11s %9s %10s %12s%n", "scale", "events", "users", "train s", "peak heap MB",
        "s / 1x", "NDCG als", "NDCG popular");
    double firstSeconds = 0;
    for (int scale : smoke ? new int[] {1} : new int[] {1, 4, 16}) {
      LakehouseConfig config = LakehouseConfig.load(Map.of(), List.of("home=" + root.resolve("x" + scale),
          "recommend.rank=10", "recommend.max-iter=10"));
      Lakehouse lakehouse = Lakehouse.open(config, "bench-recommend");
      SparkSession spark = lakehouse.spark();
      int users = 1000 * scale;
      long events = base * scale;
      PreferenceWorld world = new PreferenceWorld(users, 500, 10, 0.8, 30, LocalDate.of(2026, 11, 21), 3);
      String silver = lakehouse.catalog().location("silver.commerce_events");
      world.silverEvents(spark, events, spark.read().format("delta").load(silver).schema())
          .write().format("delta").mode("append").save(silver);
      System.gc();
      resetPeaks();
      long started = System.nanoTime();
      RecommendTraining.Result result = new RecommendTraining(config, lakehouse.catalog())
          .trainImplicit(spark, Optional.empty());
      double seconds = (System.nanoTime() - started) / 1e9;
      long peakMb = peakHeapBytes() / (1024 * 1024);
      firstSeconds = scale == 1 ? seconds : firstSeconds;
      RankingMetrics als = result.holdout().byScorer().get("als");
      RankingMetrics popular = result.holdout().byScorer().get("popularity");
      System.out.printf("%4dx %,10d %,7d %9.1f %11d %9.2f %10.4f %12.4f%n", scale, events, users, seconds, peakMb,
          seconds / firstSeconds, als.ndcgAtK(), popular.ndcgAtK());
      if (!(als.ndcgAtK() > 0) || !(popular.ndcgAtK() >= 0)) {
        throw new IllegalStateException("the holdout was not scored: NDCG als " + als.ndcgAtK() + ", popular " + popular.ndcgAtK());
      }
    }
    redis(keys, root);
  }

  private static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeapBytes() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed())
        .sum();
  }

  private static void redis(int keys, Path root) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process server = new ProcessBuilder("/usr/bin/redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no").redirectOutput(root.resolve("redis.log").toFile()).redirectErrorStream(true)
        .start();
    String url = "redis://127.0.0.1:" + port;
    try {
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (true) {
        try (Jedis jedis = new Jedis("127.0.0.1", port, 500)) {
          if ("PONG".equals(jedis.ping())) {
            break;
          }
        } catch (RuntimeException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("redis-server did not answer PING in 20 s", e);
          }
          Thread.onSpinWait();
        }
      }
      List<Row> lists = new ArrayList<>();
      for (int u = 0; u < keys; u++) {
        StringBuilder json = new StringBuilder("{\"user_id\":\"u-" + u + "\",\"source\":\"als\",\"model_version\":1,\"items\":[");
        for (int r = 1; r <= 10; r++) {
          json.append(r > 1 ? "," : "").append("{\"rank\":").append(r).append(",\"product_id\":\"p-")
              .append((u * 31 + r * 7) % 500).append("\",\"category\":\"c1\",\"score\":0.").append(1000 - r).append('}');
        }
        lists.add(RowFactory.create(RedisLists.userKey("u-" + u), json.append("]}").toString()));
      }
      double oneByOne = best(() -> RedisLists.pushOneByOne(url, 3600, lists.iterator()), keys);
      double pipelined = best(() -> RedisLists.pushPipelined(url, 3600, lists.iterator()), keys);
      try (Jedis jedis = new Jedis("127.0.0.1", port, 2000)) {
        System.out.printf("Redis: %,d lists (%d bytes each), keys now in Redis: %,d%n", keys,
            lists.get(0).getString(1).length(), jedis.dbSize());
      }
      System.out.printf("  one SETEX per round trip: %,12.0f keys/s%n", oneByOne);
      System.out.printf("  pipelined (%d per sync):  %,12.0f keys/s   pipelined / one-by-one = %.1f%n", 1000, pipelined,
          pipelined / oneByOne);
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  private static double best(java.util.function.LongSupplier push, int keys) {
    double best = 0;
    for (int run = 0; run < 3; run++) {
      long started = System.nanoTime();
      long pushed = push.getAsLong();
      if (pushed != keys) {
        throw new IllegalStateException("pushed " + pushed + " of " + keys);
      }
      best = Math.max(best, keys / ((System.nanoTime() - started) / 1e9));
    }
    return best;
  }
}
