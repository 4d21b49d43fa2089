package dev.lakehouse.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.config.InvalidConfigException;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.ml.ModelRegistry;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.InProcessCli;
import dev.lakehouse.testing.TestLakehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code recommend train} on a world with planted category preferences (600 users, 200 products
 * in 8 categories, 80% of a user's events in the favourite category): ALS must find them and beat
 * popularity; training again on the same data gives the same model, which is not promoted.
 */
class RecommendTrainingTest {
  static final PreferenceWorld WORLD = new PreferenceWorld(600, 200, 8, 0.8, 30, LocalDate.of(2026, 11, 21), 5);
  static final String[] SMALL_ALS = {"recommend.rank=8", "recommend.max-iter=6"};
  private static Lakehouse lakehouse;
  private static ChildJvm.Result first;
  private static ChildJvm.Result second;

  /** The planted world's events in silver.commerce_events of a fresh lakehouse. */
  static Lakehouse withWorld(long events, String... overrides) {
    Lakehouse lakehouse = TestLakehouse.fresh(overrides);
    String silver = lakehouse.catalog().location("silver.commerce_events");
    WORLD.silverEvents(lakehouse.spark(), events, lakehouse.spark().read().format("delta").load(silver).schema())
        .write().format("delta").mode("append").save(silver);
    return lakehouse;
  }

  @BeforeAll
  static void train() {
    lakehouse = withWorld(40_000, SMALL_ALS);
    first = InProcessCli.execute(lakehouse.config(), "recommend", "train");
    second = InProcessCli.execute(lakehouse.config(), "recommend", "train", "--date", "2026-11-21");
    System.out.println(first.output());
  }

  private static List<ModelRegistry.Version> versions(String name) {
    return new ModelRegistry(lakehouse.config(), lakehouse.catalog()).versions(lakehouse.spark(), name);
  }

  @Test
  void alsBeatsPopularityOnPlantedPreferencesAndIsPromoted() {
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.output()).contains("Recommender recommend-als v1 (als-implicit)", "precision@10", "NDCG@10",
        "MAP@10", "Decision: holdout NDCG@10", "> popularity", ": promoted");
    ModelRegistry.Version v1 = versions(FactorModel.NAME).get(0);
    Map<String, Double> m = v1.metrics();
    assertThat(v1.status()).isEqualTo(ModelRegistry.PROMOTED);
    assertThat(m.get("holdout.users")).isGreaterThan(300);
    assertThat(m.get("holdout.als.precision_at_10")).isGreaterThan(m.get("holdout.popularity.precision_at_10"));
    assertThat(m.get("holdout.als.ndcg_at_10")).isGreaterThan(m.get("holdout.popularity.ndcg_at_10"));
    assertThat(v1.trainingData()).containsOnlyKeys("silver.commerce_events");
    assertThat(v1.parameters()).containsEntry("rank", "8").containsEntry("weights", "view=1.0,click=2.0,cart=3.0,purchase=5.0");
    assertThat(Files.exists(Path.of(v1.path(), "metrics.json"))).isTrue();
  }

  @Test
  void theSameModelAgainIsNotBetterAndIsKeptOutOfService() {
    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.output()).contains("recommend-als v2", "current model v1", "kept current model v1");
    assertThat(versions(FactorModel.NAME)).extracting(ModelRegistry.Version::status)
        .containsExactly(ModelRegistry.PROMOTED, ModelRegistry.REJECTED);
    ChildJvm.Result listed = InProcessCli.execute(lakehouse.config(), "recommend", "models");
    assertThat(listed.output()).contains("recommend-als", "promoted", "rejected", "holdout.als.ndcg_at_10");
    ChildJvm.Result rollback = InProcessCli.execute(lakehouse.config(), "recommend", "rollback");
    assertThat(rollback.exitCode()).isEqualTo(1);
    assertThat(rollback.output()).contains("Cannot roll back model 'recommend-als': version 1 is the first ever promoted");
  }

  @Test
  void explicitRatingsAreTrainedWithRmseAndUnreadableLinesCounted() throws Exception {
    // ratings 5 for the favourite category, 2 otherwise; two lines that cannot be read
    List<String> lines = new ArrayList<>(List.of("user\titem\trating\ttimestamp", "u-1,p-1"));
    for (Row r : WORLD.events(lakehouse.spark(), 6000).collectAsList()) {
      int user = Integer.parseInt(r.getString(2).substring(2));
      boolean favourite = r.getString(4).equals(PreferenceWorld.category(WORLD.favourite(user)));
      lines.add(String.join(r.getString(0).hashCode() % 2 == 0 ? "\t" : ",", r.getString(2), r.getString(3), favourite ? "5" : "2",
          Long.toString(r.getTimestamp(5).getTime() / 1000)));
    }
    Path file = Files.createTempFile(Path.of("target"), "ratings", ".tsv");
    Files.write(file, lines);
    ChildJvm.Result result = InProcessCli.execute(lakehouse.config(), "recommend", "train", "--ratings", file.toString());
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("recommend-als-explicit v1 (als-explicit)", "2 unreadable lines left out",
        "RMSE");
    ModelRegistry.Version v1 = versions(FactorModel.EXPLICIT_NAME).get(0);
    assertThat(v1.metrics().get("holdout.als.rmse")).isBetween(0.0, 3.0);
    assertThat(v1.metrics().get("input.rejected_lines")).isEqualTo(2.0);
  }

  @Test
  void invalidSettingsNameTheKeyTheValueAndTheRule() {
    assertThatThrownBy(() -> LakehouseConfig.load(Map.of(), List.of("recommend.ttl=1500ms")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("recommend.ttl").hasMessageContaining("1500ms").hasMessageContaining("whole number of seconds");
    assertThatThrownBy(() -> LakehouseConfig.load(Map.of(), List.of("recommend.redis-url=http://host:1")))
        .hasMessageContaining("recommend.redis-url").hasMessageContaining("http://host:1")
        .hasMessageContaining("redis://host:port");
    assertThatThrownBy(() -> LakehouseConfig.load(Map.of(), List.of("recommend.weight-view=0")))
        .hasMessageContaining("recommend.weight-view").hasMessageContaining("must be a number > 0");
  }
}
