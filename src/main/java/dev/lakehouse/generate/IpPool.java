package dev.lakehouse.generate;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The web clients: a few thousand public IPv4 addresses and some IPv6 ones, each with one browser,
 * with Zipf activity (offices and mobile carrier NATs send far more than single homes).
 */
final class IpPool {
  static final int IPV4_CLIENTS = 3000;
  static final int IPV6_CLIENTS = 150;
  private static final double ACTIVITY_EXPONENT = 0.7;
  // first octets of ranges allocated to ISPs; private, loopback and documentation ranges left out
  private static final int[] FIRST_OCTETS = {
      2, 5, 24, 31, 37, 46, 50, 62, 66, 68, 71, 73, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88,
      89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 104, 107, 108, 109, 141, 145, 151, 176, 178, 185, 188,
      193, 194, 195, 212, 213, 217};
  private static final String[] IPV6_PREFIXES = {"2a02:8108:", "2003:e6:", "2a01:c23:", "2600:1700:", "2a00:23c7:"};

  private final String[] addresses = new String[IPV4_CLIENTS + IPV6_CLIENTS];
  private final int[] agents = new int[addresses.length];
  private final int[] clientByRank;
  private final WeightedChoice activity = WeightedChoice.zipf(addresses.length, ACTIVITY_EXPONENT);

  IpPool(SplittableRandom world) {
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < addresses.length; c++) {
      do {
        addresses[c] = c < IPV4_CLIENTS ? ipv4(world) : ipv6(world);
      } while (!seen.add(addresses[c]));
      agents[c] = UserAgents.pick(world);
    }
    clientByRank = Shuffle.permutation(addresses.length, world);
  }

  int activeClient(SplittableRandom random) {
    return clientByRank[activity.pick(random)];
  }

  String address(int client) {
    return addresses[client];
  }

  String agent(int client) {
    return UserAgents.agent(agents[client]);
  }

  boolean isBot(int client) {
    return UserAgents.isBot(agents[client]);
  }

  /** Any public-looking IPv4 address, for sources outside the shop's own clients. */
  static String ipv4(SplittableRandom random) {
    return FIRST_OCTETS[random.nextInt(FIRST_OCTETS.length)] + "." + random.nextInt(256) + "."
        + random.nextInt(256) + "." + (1 + random.nextInt(254));
  }

  private static String ipv6(SplittableRandom random) {
    StringBuilder address = new StringBuilder(Sampling.oneOf(random, IPV6_PREFIXES));
    for (int group = 0; group < 6; group++) {
      address.append(group == 0 ? "" : ":").append(Integer.toHexString(random.nextInt(0x10000)));
    }
    return address.toString();
  }
}
