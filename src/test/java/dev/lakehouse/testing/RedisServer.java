package dev.lakehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * A real Redis server (the Debian {@code redis-server}) as a child process on a free loopback
 * port, without persistence. Started by a test, stopped by it ({@link #close}); {@link #stop} and
 * {@link #restart} (same port) let a test see what happens while Redis is away.
 */
public final class RedisServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final int port;
  private final Path log;
  private Process process;

  private RedisServer(int port) {
    this.port = port;
    this.log = Path.of("target", "redis-" + port + ".log").toAbsolutePath();
  }

  /** Starts a server on a free loopback port and waits until it answers PING. */
  public static RedisServer start() {
    RedisServer server = new RedisServer(freePort());
    server.launch();
    return server;
  }

  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:<port>}, as {@code alerts.redis-url} takes it. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** A new connection to the server; the caller closes it. */
  public Jedis client() {
    return new Jedis("127.0.0.1", port);
  }

  /** Stops the server and waits until its process is gone. */
  public void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    process = null;
  }

  /** Stops it and starts it again on the same port (empty: nothing is persisted). */
  public void restart() {
    stop();
    launch();
  }

  @Override
  public void close() {
    stop();
  }

  private void launch() {
    ProcessBuilder builder = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--daemonize", "no")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    try {
      Files.createDirectories(log.getParent());
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError("Cannot start redis-server (install the Debian package: apt-get install redis-server): "
          + e.getMessage(), e);
    }
    Poll.until("redis-server on port " + port + " to answer PING", START_TIMEOUT, this::answers);
  }

  private boolean answers() {
    if (!process.isAlive()) {
      throw new AssertionError("redis-server on port " + port + " exited with " + process.exitValue() + ":\n" + logText());
    }
    try (Jedis jedis = client()) {
      return "PONG".equals(jedis.ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private String logText() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
