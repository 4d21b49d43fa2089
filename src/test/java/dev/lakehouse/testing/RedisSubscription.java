package dev.lakehouse.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/** A subscriber to one Redis pub/sub channel, on its own thread, collecting the messages. */
public final class RedisSubscription implements AutoCloseable {
  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final CountDownLatch subscribed = new CountDownLatch(1);
  private final JedisPubSub listener = new JedisPubSub() {
    @Override
    public void onMessage(String channel, String message) {
      messages.add(message);
    }

    @Override
    public void onSubscribe(String channel, int subscribedChannels) {
      subscribed.countDown();
    }
  };
  private final Thread thread;

  private RedisSubscription(RedisServer server, String channel) {
    thread = new Thread(() -> {
      try (Jedis jedis = server.client()) {
        jedis.subscribe(listener, channel);
      }
    }, "redis-subscription-" + channel);
    thread.setDaemon(true);
    thread.start();
  }

  /** Subscribes and returns once Redis confirmed the subscription. */
  public static RedisSubscription to(RedisServer server, String channel) {
    RedisSubscription subscription = new RedisSubscription(server, channel);
    try {
      if (!subscription.subscribed.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("Timed out after 10s subscribing to " + channel);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return subscription;
  }

  /** The next {@code count} messages, waiting at most {@code timeout} for them. */
  public List<String> next(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> received = new ArrayList<>();
    try {
      while (received.size() < count) {
        String message = messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (message == null) {
          throw new AssertionError("Timed out after " + timeout.toSeconds() + "s waiting for " + count
              + " messages; received " + received);
        }
        received.add(message);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return received;
  }

  @Override
  public void close() {
    if (listener.isSubscribed()) {
      listener.unsubscribe();
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
