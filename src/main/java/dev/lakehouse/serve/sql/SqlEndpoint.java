package dev.lakehouse.serve.sql;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.lakehouse.Lakehouse;
import dev.lakehouse.serve.ServeAccess;
import dev.lakehouse.serve.ServeComponent;
import dev.lakehouse.spark.ReadOnlyGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The SQL endpoint: Spark's Thrift server (HiveServer2 protocol, the one beeline, JDBC/ODBC BI tools
 * and PyHive speak) over the server's warm session, with every declared table in its catalog with
 * columns and comments. Each client gets its own session (its own SET options and temporary views)
 * over the shared catalog; Delta reads the latest version of a table on every query, so what the
 * pipelines commit is visible to the next query.
 *
 * <p>Read-only unless built with writes allowed: the {@link ReadOnlyGuard} refuses statements that
 * write, drop, alter or create in every client session. Logins are checked against
 * {@link ServeAccess} by {@link TokenAuthentication}.
 */
public final class SqlEndpoint implements ServeComponent {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final int port;
  private final boolean allowWrites;
  private ThriftServer server;
  private ReadOnlyGuard.Armed guard;

  public SqlEndpoint(int port, boolean allowWrites) {
    this.port = port;
    this.allowWrites = allowWrites;
  }

  @Override
  public String name() {
    return "SQL endpoint";
  }

  @Override
  public String start(Lakehouse lakehouse, ServeAccess access) {
    ThriftServer.requireOnClasspath();
    SparkSession spark = lakehouse.spark();
    HiveServerSettings settings = new HiveServerSettings(access.host(), port, access.requiresToken(),
        workDir(lakehouse));
    // JDBC metadata browse (getTables/getColumns) reads the catalog entries, not the Delta logs
    lakehouse.catalog().describeAll(spark);
    if (!allowWrites) {
      guard = ReadOnlyGuard.arm(spark);
    }
    TokenAuthentication.use(access);
    settings.hiveConf().forEach(spark.conf()::set);
    settings.systemProperties().forEach(System::setProperty);
    try {
      server = ThriftServer.start(spark);
      awaitListening(access.host());
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    return settings.jdbcUrl() + (allowWrites ? " (writes allowed)" : " (read-only)");
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
      server = null;
    }
    Optional.ofNullable(guard).ifPresent(ReadOnlyGuard.Armed::close);
    guard = null;
  }

  private static Path workDir(Lakehouse lakehouse) {
    String location = lakehouse.config().path("serve/hive");
    Path dir = location.contains("://")
        ? Path.of(System.getProperty("java.io.tmpdir"), "lakehouse-serve-" + ProcessHandle.current().pid())
        : Path.of(location);
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the SQL endpoint's work folder " + dir, e);
    }
  }

  /** The Thrift server accepts connections on a thread of its own; returns once it does. */
  private void awaitListening(String host) {
    RetryPolicy<Object> untilListening = RetryPolicy.builder()
        .handle(IOException.class)
        .withDelay(Duration.ofMillis(100))
        .withMaxRetries(-1)
        .withMaxDuration(READY_TIMEOUT)
        .build();
    try {
      Failsafe.with(untilListening).run(() -> {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(host, port), 1000);
        }
      });
    } catch (FailsafeException e) {
      throw new IllegalStateException("Cannot start the SQL endpoint: nothing listens on " + host + ":" + port
          + " " + READY_TIMEOUT.toSeconds() + " s after start (" + e.getCause() + ")", e);
    }
  }
}
