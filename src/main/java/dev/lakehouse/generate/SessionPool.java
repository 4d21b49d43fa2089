package dev.lakehouse.generate;

import java.util.SplittableRandom;

/**
 * The sessions open at any moment. Each event lands in a random slot; a slot whose session has
 * ended or gone quiet for 30 minutes starts a new session for a user drawn by activity. The pool
 * is sized so that a session sees about one event a minute at average traffic.
 */
final class SessionPool {
  private static final double MEAN_HUMAN_EVENTS = 8;
  private static final int MAX_HUMAN_EVENTS = 60;

  private final Session[] slots;
  private final Users users;
  private final Ids sessionIds;

  SessionPool(long eventsPerDay, Users users, Ids sessionIds) {
    this.slots = new Session[sizeFor(eventsPerDay)];
    this.users = users;
    this.sessionIds = sessionIds;
  }

  static int sizeFor(long eventsPerDay) {
    return (int) Math.max(1, Math.min(400, Math.round(eventsPerDay / 1440.0)));
  }

  Session sessionAt(long atMs, SplittableRandom random) {
    int slot = random.nextInt(slots.length);
    if (slots[slot] == null || slots[slot].isOverAt(atMs)) {
      slots[slot] = start(atMs, random);
    }
    return slots[slot];
  }

  private Session start(long atMs, SplittableRandom random) {
    int user = users.activeUser(random);
    boolean isBot = users.isBot(user);
    int plannedEvents = isBot
        ? Sampling.between(random, 5, 15)
        : Sampling.geometric(random, MEAN_HUMAN_EVENTS, MAX_HUMAN_EVENTS);
    return new Session(sessionIds.next(), user, isBot, plannedEvents, atMs);
  }
}
