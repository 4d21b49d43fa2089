package dev.lakehouse.generate;

import java.util.SplittableRandom;

/** The shop's users: about 2000, each with one browser, a few of them crawlers; activity is Zipf. */
final class Users {
  static final int USERS = 2000;
  private static final double ACTIVITY_EXPONENT = 0.5;

  private final String[] ids = new String[USERS];
  private final int[] agents = new int[USERS];
  private final int[] userByRank;
  private final WeightedChoice activity = WeightedChoice.zipf(USERS, ACTIVITY_EXPONENT);

  Users(SplittableRandom world) {
    for (int u = 0; u < USERS; u++) {
      ids[u] = Ids.numbered("u-", u, 5);
      agents[u] = UserAgents.pick(world);
    }
    userByRank = Shuffle.permutation(USERS, world);
  }

  int activeUser(SplittableRandom random) {
    return userByRank[activity.pick(random)];
  }

  String id(int user) {
    return ids[user];
  }

  String agent(int user) {
    return UserAgents.agent(agents[user]);
  }

  boolean isBot(int user) {
    return UserAgents.isBot(agents[user]);
  }
}
