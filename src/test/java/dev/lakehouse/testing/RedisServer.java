package dev.lakehouse.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * A real redis-server (the Debian package's /usr/bin/redis-server) on a free loopback port, without
 * persistence; started by tests and stopped by them ({@link #stop()} or try-with-resources).
 */
public final class RedisServer implements AutoCloseable {
  private static final String BINARY = "/usr/bin/redis-server";
  private final Process process;
  private final int port;

  private RedisServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts a server and waits (at most 20 s) until it answers PING. */
  public static RedisServer start() {
    if (!new File(BINARY).canExecute()) {
      throw new IllegalStateException("Cannot start Redis: " + BINARY + " is missing; install the Debian package redis-server");
    }
    int port = freePort();
    try {
      Process process = new ProcessBuilder(BINARY, "--port", Integer.toString(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      RedisServer server = new RedisServer(process, port);
      Poll.until("redis-server on port " + port + " to answer PING", Duration.ofSeconds(20), server::answers);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + BINARY + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return port;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Stops the server and waits for it to exit. */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private boolean answers() {
    if (!process.isAlive()) {
      throw new IllegalStateException("redis-server on port " + port + " exited with " + process.exitValue());
    }
    try (Jedis jedis = new Jedis("127.0.0.1", port, 500)) {
      return "PONG".equals(jedis.ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
