package dev.lakehouse.ml.recommend;

import java.util.List;
import java.util.Set;

/**
 * Ranking quality of top-k lists against each user's relevant items (binary relevance), averaged
 * over users: precision@k (hits over k), recall@k (hits over relevant), NDCG@k (gain 1 at rank i
 * discounted by log2(i + 1), over the ideal ordering) and MAP@k (the mean over users of the
 * precision at each hit, divided by min(relevant, k)).
 */
public record RankingMetrics(long users, double precisionAtK, double recallAtK, double ndcgAtK, double mapAtK) {

  /** One user's ranked recommendations and the items that turned out relevant. */
  public record Judged(List<String> ranked, Set<String> relevant) {}

  /** Averages over users with at least one relevant item; all zeros when there is none. */
  public static RankingMetrics of(List<Judged> judged, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("Invalid k " + k + ": must be at least 1");
    }
    double precision = 0;
    double recall = 0;
    double ndcg = 0;
    double map = 0;
    long users = 0;
    for (Judged user : judged) {
      if (user.relevant().isEmpty()) {
        continue;
      }
      users++;
      int hits = 0;
      double dcg = 0;
      double precisionSum = 0;
      for (int i = 0; i < Math.min(k, user.ranked().size()); i++) {
        if (user.relevant().contains(user.ranked().get(i))) {
          hits++;
          dcg += 1 / log2(i + 2);
          precisionSum += (double) hits / (i + 1);
        }
      }
      double ideal = 0;
      for (int i = 0; i < Math.min(k, user.relevant().size()); i++) {
        ideal += 1 / log2(i + 2);
      }
      precision += (double) hits / k;
      recall += (double) hits / user.relevant().size();
      ndcg += dcg / ideal;
      map += precisionSum / Math.min(k, user.relevant().size());
    }
    return users == 0
        ? new RankingMetrics(0, 0, 0, 0, 0)
        : new RankingMetrics(users, precision / users, recall / users, ndcg / users, map / users);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
