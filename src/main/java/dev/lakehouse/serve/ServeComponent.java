package dev.lakehouse.serve;

import dev.lakehouse.Lakehouse;

/**
 * One endpoint of the long-running server (the SQL endpoint, the dashboard). Every component shares
 * the server's one warm {@link Lakehouse}: its SparkSession and registered tables.
 */
public interface ServeComponent extends AutoCloseable {
  /** A short name for messages, e.g. "SQL endpoint". */
  String name();

  /** Starts serving and returns the address clients use (a JDBC or HTTP URL). */
  String start(Lakehouse lakehouse, ServeAccess access);

  /** Stops serving; safe to call more than once. */
  @Override
  void close();
}
