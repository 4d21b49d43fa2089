package dev.lakehouse.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakehouse.Lakehouse;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.InProcessCli;
import dev.lakehouse.testing.Poll;
import dev.lakehouse.testing.RedisServer;
import dev.lakehouse.testing.TestLakehouse;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Serving against a real redis-server: a promoted model trained on the planted world, pushed to
 * gold and Redis; expected lists are computed here in plain Java from the saved factors.
 */
class RecommendServingTest {
  private static final String USER = PreferenceWorld.userId(7);
  private static final String NEW_USER = "u-new";
  private static RedisServer redis;
  private static Lakehouse lakehouse;
  private static FactorModel model;
  private static ChildJvm.Result pushed;
  // as pushed, before the real-time test replaces lists
  private static JsonNode userList;
  private static JsonNode coldStartList;
  private static long userTtlSeconds;

  @BeforeAll
  static void trainAndPush() {
    redis = RedisServer.start();
    lakehouse = RecommendTrainingTest.withWorld(30_000, "recommend.rank=8", "recommend.max-iter=6",
        "recommend.redis-url=" + redis.url(), "recommend.ttl=1h", "recommend.trigger-interval=200ms");
    new RecommendTraining(lakehouse.config(), lakehouse.catalog()).trainImplicit(lakehouse.spark(), Optional.empty());
    model = FactorModel.current(lakehouse.spark(), lakehouse.config(), lakehouse.catalog(), FactorModel.NAME).orElseThrow();
    // a user who arrived after training looked at two products of category c3
    appendEvents(List.of(event(NEW_USER, "view", "p-00003", "c3", 1), event(NEW_USER, "view", "p-00011", "c3", 2)));
    pushed = InProcessCli.execute(lakehouse.config(), "recommend", "push");
    try (Jedis jedis = new Jedis(java.net.URI.create(redis.url()))) {
      userTtlSeconds = jedis.ttl("reco:user:" + USER);
      userList = parse(jedis.get("reco:user:" + USER));
      coldStartList = parse(jedis.get("reco:user:" + NEW_USER));
    }
  }

  private static JsonNode parse(String json) {
    try {
      return json == null ? null : new ObjectMapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stopRedis() {
    redis.stop();
  }

  private static Row event(String user, String type, String product, String category, int second) {
    Timestamp at = Timestamp.from(RecommendTrainingTest.WORLD.lastDayNoon().plusSeconds(86_400 + second));
    return RowFactory.create("t-" + user + "-" + product + "-" + second, type, user, product, category, at);
  }

  private static void appendEvents(List<Row> rows) {
    String silver = lakehouse.catalog().location("silver.commerce_events");
    PreferenceWorld.asSilver(lakehouse.spark().createDataFrame(rows, PreferenceWorld.EVENTS),
            lakehouse.spark().read().format("delta").load(silver).schema())
        .write().format("delta").mode("append").save(silver);
  }

  private static JsonNode redisList(String url, String key) throws Exception {
    try (Jedis jedis = new Jedis(java.net.URI.create(url))) {
      String json = jedis.get(key);
      return json == null ? null : new ObjectMapper().readTree(json);
    }
  }

  private static List<String> products(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.get("items").forEach(item -> ids.add(item.get("product_id").asText()));
    return ids;
  }

  private static Map<String, float[]> factors(Dataset<Row> factors, String idColumn) {
    Map<String, float[]> byId = new HashMap<>();
    for (Row r : factors.collectAsList()) {
      List<Float> f = r.getList(r.fieldIndex("features"));
      float[] a = new float[f.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = f.get(i);
      }
      byId.put(r.getAs(idColumn), a);
    }
    return byId;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }

  private static Set<String> bought(String user) {
    Set<String> bought = new HashSet<>();
    lakehouse.spark().read().format("delta").load(lakehouse.catalog().location("silver.commerce_events"))
        .where("event_type = 'purchase' AND user_id = '" + user + "'").select("product_id").collectAsList()
        .forEach(r -> bought.add(r.getString(0)));
    return bought;
  }

  // the n best of candidates by score, ties by id, as the jobs order them
  private static List<String> best(Map<String, Double> scores, int n) {
    return scores.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(n).map(Map.Entry::getKey).toList();
  }

  @Test
  void pushWritesEachKnownUsersBestUnboughtItemsToGoldAndRedisWithTheTtl() throws Exception {
    assertThat(pushed.exitCode()).as(pushed.output()).isZero();
    assertThat(pushed.output()).contains("Pushed", "1 cold-start users", "TTL 3600s");
    Map<String, float[]> users = factors(model.userFactors(), "user_id");
    Map<String, float[]> items = factors(model.itemFactors(), "product_id");
    Set<String> bought = bought(USER);
    Map<String, Double> scores = new HashMap<>();
    items.forEach((id, f) -> {
      if (!bought.contains(id)) {
        scores.put(id, dot(users.get(USER), f));
      }
    });
    JsonNode list = userList;
    assertThat(list.get("source").asText()).isEqualTo("als");
    assertThat(products(list)).containsExactlyElementsOf(best(scores, 10));
    List<String> gold = lakehouse.spark().sql("SELECT product_id FROM gold.commerce_recommendations WHERE user_id = '"
        + USER + "' ORDER BY rank").collectAsList().stream().map(r -> r.getString(0)).toList();
    assertThat(gold).containsExactlyElementsOf(products(list));
    assertThat(userTtlSeconds).isBetween(3500L, 3600L);
    // the planted preference shows: most recommended items are of the user's favourite category
    double favourite = lakehouse.spark().sql("SELECT CAST(avg(CASE WHEN category = fav THEN 1 ELSE 0 END) AS DOUBLE) FROM"
        + " gold.commerce_recommendations r JOIN (SELECT user_id, max_by(category, n) fav FROM (SELECT user_id, category,"
        + " count(*) n FROM silver.commerce_events GROUP BY 1, 2) GROUP BY 1) f USING (user_id) WHERE source = 'als'")
        .head().getDouble(0);
    assertThat(favourite).isGreaterThan(0.5);
  }

  @Test
  void aColdStartUserGetsThePopularItemsOfTheCategoriesTheyTouched() throws Exception {
    Map<String, Double> c3 = new HashMap<>();
    model.popular().where("category = 'c3'").collectAsList()
        .forEach(r -> c3.put(r.getAs("product_id"), r.<Double>getAs("popularity")));
    assertThat(coldStartList.get("source").asText()).isEqualTo("popular-category");
    assertThat(products(coldStartList)).containsExactlyElementsOf(best(c3, 10));
    assertThat(lakehouse.spark().sql("SELECT product_id FROM gold.commerce_recommendations WHERE user_id = '" + NEW_USER
        + "' AND source = 'popular-category' ORDER BY rank").collectAsList().stream().map(r -> r.getString(0)).toList())
        .containsExactlyElementsOf(best(c3, 10));
  }

  @Test
  void anUnknownUserGetsTheOverallPopularItems() throws Exception {
    ChildJvm.Result answer = InProcessCli.execute(lakehouse.config(), "recommend", "for", "--user", "nobody");
    assertThat(answer.exitCode()).as(answer.output()).isZero();
    assertThat(answer.output()).contains("Recommendations for nobody (popular, model v1, from redis)",
        "Note: Redis holds no list for nobody (reco:user:nobody); these are the overall popular items (reco:popular)");
    Map<String, Double> all = new HashMap<>();
    model.popular().collectAsList().forEach(r -> all.put(r.getAs("product_id"), r.<Double>getAs("popularity")));
    assertThat(products(redisList(redis.url(), "reco:popular"))).containsExactlyElementsOf(best(all, 10));
  }

  @Test
  void aListExpiresAfterTheTtl() {
    LakehouseConfig shortLived = TestLakehouse.with(lakehouse.config(), "recommend.ttl=1s");
    Dataset<Row> one = lakehouse.spark().sql("SELECT 'reco:user:short-lived' AS key, '{}' AS value");
    new RecommendServing(shortLived, lakehouse.catalog()).pushToRedis(one);
    try (Jedis jedis = new Jedis(java.net.URI.create(redis.url()))) {
      assertThat(jedis.exists("reco:user:short-lived")).isTrue();
      Poll.until("reco:user:short-lived to expire", Duration.ofSeconds(15), () -> !jedis.exists("reco:user:short-lived"));
    }
  }

  @Test
  void forAnswersFromRedisAndFromTheDeltaTableWithAWarningWhenRedisIsDown() {
    RedisServer other = RedisServer.start();
    try {
      LakehouseConfig config = TestLakehouse.with(lakehouse.config(), "recommend.redis-url=" + other.url());
      new RecommendServing(config, lakehouse.catalog()).pushToRedis(RecommendServing.asJson(
          lakehouse.spark().read().format("delta").load(lakehouse.catalog().location(RecommendServing.TABLE))));
      ChildJvm.Result up = InProcessCli.execute(config, "recommend", "for", "--user", USER);
      assertThat(up.exitCode()).as(up.output()).isZero();
      assertThat(up.output()).contains("(als, model v1, from redis)").doesNotContain("Warning");
      other.stop();
      ChildJvm.Result down = InProcessCli.execute(config, "recommend", "for", "--user", USER);
      assertThat(down.exitCode()).as(down.output()).isZero();
      assertThat(down.output()).contains("Warning: Redis at " + other.url() + " is unreachable",
          "answering from gold.commerce_recommendations", "(als, model v1, from gold.commerce_recommendations)");
      assertThat(itemLines(down.output())).isEqualTo(itemLines(up.output()));
    } finally {
      other.stop();
    }
  }

  @Test
  void forAnswersFromRedisInAProcessThatNeverStartsSpark() {
    ChildJvm.Result answer = ChildJvm.run(lakehouse.config(), 120, "recommend", "for", "--user", USER, "--timings");

    assertThat(answer.exitCode()).as(answer.output()).isZero();
    assertThat(answer.output()).contains("Recommendations for " + USER + " (", "from redis)", "timings (")
        .doesNotContain("spark session", "Warning");
    assertThat(itemLines(answer.output())).hasSize(10);
  }

  @Test
  void beforeAnyPushTheMostBoughtProductsAnswer() {
    Dataset<Row> events = lakehouse.spark().createDataFrame(List.of(
        RowFactory.create("a", "purchase", "p-2", "c1"), RowFactory.create("b", "purchase", "p-2", "c1"),
        RowFactory.create("c", "purchase", "p-1", "c2"), RowFactory.create("d", "view", "p-1", "c2"),
        RowFactory.create("e", "view", "p-3", "c2"), RowFactory.create("f", "view", null, null)),
        new org.apache.spark.sql.types.StructType().add("event_id", "string").add("event_type", "string")
            .add("product_id", "string").add("category", "string"));

    List<String> ranked = RecommendServing.mostBought(events, 2).collectAsList().stream()
        .map(r -> r.getAs("rank") + " " + r.getAs("product_id") + " " + r.getAs("category") + " " + r.getAs("score"))
        .toList();

    assertThat(ranked).containsExactly("1 p-2 c1 2.0", "2 p-1 c2 1.0");
  }

  private static List<String> itemLines(String output) {
    return output.lines().filter(l -> l.matches("\\s+\\d+\\s+p-.*")).toList();
  }

  @Test
  void aViewUpdatesTheUsersRedisListWithinSecondsWithSimilarItemsNotBought() throws Exception {
    StreamingQuery query = new RecommendStream(lakehouse.config(), lakehouse.catalog())
        .start(lakehouse.spark(), Trigger.ProcessingTime(200));
    try {
      // the backlog first: every user active in silver gets a real-time list
      Poll.until("the backlog batch", Duration.ofMinutes(2), () -> java.util.Arrays.stream(query.recentProgress())
          .anyMatch(p -> p.numInputRows() > 0));
      String viewer = PreferenceWorld.userId(11);
      int favourite = RecommendTrainingTest.WORLD.favourite(11);
      String viewed = null;
      for (int p = 0; p < 200 && viewed == null; p++) {
        if (p % 8 != favourite && !bought(viewer).contains(PreferenceWorld.productId(p))) {
          viewed = PreferenceWorld.productId(p);
        }
      }
      Map<String, float[]> items = factors(model.itemFactors(), "product_id");
      float[] seen = items.get(viewed);
      Map<String, Double> similarity = new HashMap<>();
      String target = viewed;
      items.forEach((id, f) -> {
        if (!id.equals(target)) {
          similarity.put(id, dot(seen, f) / Math.sqrt(dot(seen, seen) * dot(f, f)));
        }
      });
      Set<String> bought = bought(viewer);
      Map<String, Double> candidates = new HashMap<>();
      best(similarity, RecommendStream.NEIGHBOURS).forEach(id -> {
        if (!bought.contains(id)) {
          candidates.put(id, similarity.get(id));
        }
      });
      List<String> expected = best(candidates, 10);
      long started = System.nanoTime();
      appendEvents(List.of(event(viewer, "view", viewed, PreferenceWorld.category(Integer.parseInt(viewed.substring(2)) % 8), 5)));
      Poll.until("the real-time list of " + viewer + " after viewing " + viewed, Duration.ofSeconds(60), () -> {
        try {
          JsonNode list = redisList(redis.url(), "reco:user:" + viewer);
          return list != null && list.get("source").asText().equals("realtime") && products(list).equals(expected);
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      });
      System.out.printf("real-time list updated %.1f s after the view was appended to silver%n",
          (System.nanoTime() - started) / 1e9);
    } finally {
      query.stop();
    }
  }
}
