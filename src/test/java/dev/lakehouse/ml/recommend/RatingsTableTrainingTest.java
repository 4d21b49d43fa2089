package dev.lakehouse.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.ml.ModelRegistry;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.InProcessCli;
import dev.lakehouse.testing.TestLakehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Explicit ratings loaded from a user's CSV into silver.commerce_ratings, then `recommend train --explicit`. */
class RatingsTableTrainingTest {
  @Test
  void ratingsLoadedIntoTheTableTrainTheExplicitModelAndABadRowIsHeldNotDropped() throws Exception {
    Lakehouse lakehouse = TestLakehouse.fresh();
    // MovieLens-style columns; the planted world: 5 stars for the user's favourite category, 2 otherwise
    List<String> lines = new ArrayList<>(List.of("userId,movieId,rating,timestamp", "u-1,p-1,five,1763719200"));
    java.util.Set<String> rated = new java.util.HashSet<>();
    for (Row r : RecommendTrainingTest.WORLD.events(lakehouse.spark(), 4000).collectAsList()) {
      if (!rated.add(r.getString(2) + "|" + r.getString(3))) {
        continue;   // one rating per user and product, as in a ratings export
      }
      int user = Integer.parseInt(r.getString(2).substring(2));
      boolean favourite = r.getString(4).equals(PreferenceWorld.category(RecommendTrainingTest.WORLD.favourite(user)));
      lines.add(String.join(",", r.getString(2), r.getString(3), favourite ? "5" : "2",
          Long.toString(r.getTimestamp(5).getTime() / 1000)));
    }
    Path file = Path.of(lakehouse.config().path("ratings.csv"));
    Files.write(file, lines);

    ChildJvm.Result loaded = InProcessCli.execute(lakehouse.config(), "load", "silver.commerce_ratings", file.toString(),
        "--map", "userId=user_id", "--map", "movieId=product_id", "--map", "timestamp=rated_at");
    assertThat(loaded.exitCode()).as(loaded.output()).isZero();
    assertThat(loaded.output()).contains("1 held", "load.type.rating", "ratings.csv:2");
    assertThat(lakehouse.spark().table("silver.commerce_ratings").count()).isEqualTo(rated.size());

    ChildJvm.Result trained = InProcessCli.execute(lakehouse.config(), "recommend", "train", "--explicit");
    assertThat(trained.exitCode()).as(trained.output()).isZero();
    assertThat(trained.output()).contains("recommend-als-explicit v1 (als-explicit)", "RMSE");
    ModelRegistry.Version v1 = new ModelRegistry(lakehouse.config(), lakehouse.catalog())
        .versions(lakehouse.spark(), FactorModel.EXPLICIT_NAME).get(0);
    assertThat(v1.trainingData()).containsOnlyKeys("silver.commerce_ratings");
    assertThat(v1.parameters()).containsEntry("ratings_table", "silver.commerce_ratings");
    assertThat(v1.metrics().get("holdout.als.rmse")).isBetween(0.0, 3.0);
  }
}
