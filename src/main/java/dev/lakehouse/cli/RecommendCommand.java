package dev.lakehouse.cli;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.Timings;
import dev.lakehouse.ml.ModelRegistry;
import dev.lakehouse.ml.recommend.FactorModel;
import dev.lakehouse.ml.recommend.RecommendServing;
import dev.lakehouse.ml.recommend.RecommendStream;
import dev.lakehouse.ml.recommend.RecommendTraining;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "recommend", mixinStandardHelpOptions = true,
    description = "Product recommendations: ALS on behaviour events, served from Redis with gold.commerce_recommendations behind it.",
    subcommands = {RecommendCommand.Train.class, RecommendCommand.Models.class, RecommendCommand.Rollback.class,
        RecommendCommand.Push.class, RecommendCommand.For.class, RecommendCommand.Stream.class})
final class RecommendCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "train", mixinStandardHelpOptions = true,
      description = {"Train ALS on implicit feedback from silver.commerce_events (weights per event type, time decay;",
          "recommend.*), or on explicit ratings with --ratings; evaluate it on the latest recommend.holdout-fraction",
          "of events (precision, recall, NDCG, MAP at recommend.top-n; RMSE for ratings) against popularity and the",
          "promoted model; register it (ops.model_registry, LAKEHOUSE_HOME/models/<name>/<version>) and promote it",
          "only if its NDCG beats what serves now."})
  static final class Train implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Train on events up to this UTC date (default: all).")
    LocalDate date;

    @Option(names = "--ratings", paramLabel = "FILE",
        description = "Explicit ratings instead: lines 'user item rating timestamp' (tab or comma, epoch seconds).")
    String ratings;

    @Option(names = "--explicit",
        description = "Explicit ratings instead, from silver.commerce_ratings (load them with `load silver.commerce_ratings FILE`).")
    boolean explicit;

    @Override
    public Integer call() {
      if (explicit && ratings != null) {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
            "--explicit (silver.commerce_ratings) and --ratings FILE are two sources of ratings: give one");
      }
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-recommend-train");
      RecommendTraining training = new RecommendTraining(lakehouse.config(), lakehouse.catalog());
      RecommendTraining.Result result = ratings != null
          ? training.trainExplicit(lakehouse.spark(), ratings)
          : explicit ? training.trainExplicitFromTable(lakehouse.spark())
          : training.trainImplicit(lakehouse.spark(), Optional.ofNullable(date));
      print(result);
      return 0;
    }

    static void print(RecommendTraining.Result result) {
      ModelRegistry.Version version = result.version();
      System.out.printf("Recommender %s v%d (%s) trained on %,d %s: %,.0f users, %,.0f items%s%n", version.name(),
          version.version(), version.algorithm(), result.trainEvents(),
          version.algorithm().endsWith("explicit") ? "ratings" : "events", version.metrics().get("train.users"),
          version.metrics().get("train.items"),
          result.rejectedLines() > 0 ? String.format(" (%,d unreadable lines left out)", result.rejectedLines()) : "");
      int k = result.k();
      System.out.printf("  holdout: %,.0f users with new items%n", version.metrics().get("holdout.users"));
      System.out.printf("    %-20s %12s %10s %8s %8s%n", "scorer", "precision@" + k, "recall@" + k, "NDCG@" + k,
          "MAP@" + k);
      result.holdout().byScorer().forEach((scorer, m) -> System.out.printf("    %-20s %12.4f %10.4f %8.4f %8.4f%n",
          scorer, m.precisionAtK(), m.recallAtK(), m.ndcgAtK(), m.mapAtK()));
      if (!Double.isNaN(result.holdout().rmse())) {
        System.out.printf("    RMSE (known users and items): %.4f%n", result.holdout().rmse());
      }
      System.out.printf("Decision: %s%n", version.note());
      System.out.println("Saved to " + version.path());
    }
  }

  @Command(name = "models", mixinStandardHelpOptions = true,
      description = "List the recommender's versions (recommend-als and recommend-als-explicit) in ops.model_registry.")
  static final class Models implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-recommend-models");
      ModelRegistry registry = new ModelRegistry(lakehouse.config(), lakehouse.catalog());
      var versions = registry.all(lakehouse.spark()).stream().filter(v -> v.name().startsWith("recommend-")).toList();
      if (versions.isEmpty()) {
        System.out.println("No recommender trained yet (bin/lakehouse recommend train)");
        return 0;
      }
      System.out.printf("%-22s %7s %-11s %-24s %10s  %-20s %s%n", "name", "version", "status", "primary metric", "value",
          "created at", "note");
      for (ModelRegistry.Version v : versions) {
        System.out.printf("%-22s %7d %-11s %-24s %10.4f  %-20s %s%n", v.name(), v.version(), v.status(),
            v.primaryMetric(), v.primary(), v.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), v.note());
      }
      return 0;
    }
  }

  @Command(name = "rollback", mixinStandardHelpOptions = true,
      description = "Promote the recommender's previous version again (same as models rollback recommend-als).")
  static final class Rollback implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--explicit", description = "Roll back recommend-als-explicit instead.")
    boolean explicit;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-recommend-rollback");
      String name = explicit ? FactorModel.EXPLICIT_NAME : FactorModel.NAME;
      ModelRegistry.Version restored = new ModelRegistry(lakehouse.config(), lakehouse.catalog())
          .rollback(lakehouse.spark(), name);
      System.out.printf("Model %s: version %d promoted again (%s = %.4f)%n", name, restored.version(),
          restored.primaryMetric(), restored.primary());
      return 0;
    }
  }

  @Command(name = "push", mixinStandardHelpOptions = true,
      description = {"Write the promoted model's top recommend.top-n lists of every user to gold.commerce_recommendations",
          "(cold-start users: popular items of the categories they touched) and gold.commerce_popular_items, and push",
          "them to Redis (recommend.redis-url; keys reco:user:<id> and reco:popular, expiring after recommend.ttl)."})
  static final class Push implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-recommend-push");
      RecommendServing.Pushed pushed = new RecommendServing(lakehouse.config(), lakehouse.catalog())
          .push(lakehouse.spark());
      System.out.printf("Pushed %,d keys to %s (model v%d): %,d users from the model, %,d cold-start users; TTL %ds%n",
          pushed.keys(), lakehouse.config().recommend().redisUrl(), pushed.modelVersion(), pushed.modelUsers(),
          pushed.coldStartUsers(), lakehouse.config().recommend().ttl().toSeconds());
      return 0;
    }
  }

  @Command(name = "for", mixinStandardHelpOptions = true,
      description = {"A user's recommendations from Redis, without starting Spark; users without a list get the overall",
          "popular items (reco:popular), with a note. When Redis is unreachable or empty, from gold.commerce_recommendations",
          "(else gold.commerce_popular_items, else the most bought products of silver.commerce_events) with a warning."})
  static final class For implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--user", required = true, paramLabel = "USER_ID", description = "The user, e.g. u-000042.")
    String user;

    @Override
    public Integer call() {
      var config = Timings.time("configuration", () -> options.config());
      // Spark starts only when Redis cannot answer
      RecommendServing.Answer answer = RecommendServing.lookup(config, user,
          () -> Lakehouse.open(config, "lakehouse-recommend-for"));
      answer.warning().ifPresent(System.err::println);
      answer.note().ifPresent(System.out::println);
      System.out.printf("Recommendations for %s (%s, model v%d, from %s):%n", answer.userId(), answer.source(),
          answer.modelVersion(), answer.from());
      for (RecommendServing.Item item : answer.items()) {
        System.out.printf("  %2d  %-12s %-14s %10.4f%n", item.rank(), item.productId(),
            item.category() == null ? "-" : item.category(), item.score());
      }
      return 0;
    }
  }

  @Command(name = "stream", mixinStandardHelpOptions = true,
      description = {"Real-time updates: for users active in silver.commerce_events, replace their Redis list with the",
          "items most similar (cosine of the model's item factors) to what they just viewed, minus what they bought.",
          "Runs until Ctrl-C, or with --available-now processes what silver holds and exits."})
  static final class Stream implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--available-now", description = "Process what silver holds now, then exit.")
    boolean availableNow;

    @Override
    public Integer call() throws java.util.concurrent.TimeoutException {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-recommend-stream");
      org.apache.spark.sql.streaming.Trigger trigger = availableNow
          ? org.apache.spark.sql.streaming.Trigger.AvailableNow()
          : org.apache.spark.sql.streaming.Trigger.ProcessingTime(
              lakehouse.config().recommend().triggerInterval().toMillis());
      var query = new RecommendStream(lakehouse.config(), lakehouse.catalog()).start(lakehouse.spark(), trigger);
      if (!availableNow) {
        dev.lakehouse.spark.StreamingQueries.stopOnShutdown(java.util.List.of(query), System.out);
      }
      dev.lakehouse.spark.StreamingQueries.awaitAll(java.util.List.of(query), System.out, java.time.Duration.ofSeconds(10));
      return 0;
    }
  }
}
