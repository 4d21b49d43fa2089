package dev.lakehouse.serve.sql;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.serve.ServeAccess;
import dev.lakehouse.serve.ServeComponent;

/** The SQL endpoint over the HiveServer2 protocol (placeholder until it is built). */
public final class SqlEndpoint implements ServeComponent {
  private final int port;
  private final boolean allowWrites;

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
    throw new UnsupportedOperationException("Cannot start the SQL endpoint on port " + port + " (writes "
        + (allowWrites ? "allowed" : "refused") + "): not built yet");
  }

  @Override
  public void close() {}
}
