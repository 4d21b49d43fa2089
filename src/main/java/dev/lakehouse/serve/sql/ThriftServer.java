package dev.lakehouse.serve.sql;

import java.lang.reflect.InvocationTargetException;
import org.apache.spark.sql.SparkSession;

/**
 * Spark's Thrift server (HiveServer2 protocol) over a session of ours, started by reflection: it is
 * not on Maven Central, so it comes from a Spark distribution at run time (PySpark's jars/, which
 * bin/lakehouse adds to the classpath of {@code serve}), not from the compile classpath.
 */
final class ThriftServer implements AutoCloseable {
  static final String SERVER_CLASS = "org.apache.spark.sql.hive.thriftserver.HiveThriftServer2";

  private final Object server;

  private ThriftServer(Object server) {
    this.server = server;
  }

  /** Fails with what to do when no Spark distribution put the Thrift server on the classpath. */
  static void requireOnClasspath() {
    serverClass();
  }

  /** Starts serving {@code spark}'s catalog with the Hive settings already in its session conf. */
  static ThriftServer start(SparkSession spark) {
    try {
      Object server = serverClass().getMethod("startWithContext", org.apache.spark.sql.SQLContext.class)
          .invoke(null, spark.sqlContext());
      return new ThriftServer(server);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new IllegalStateException("Cannot start the SQL endpoint: " + rootMessage(cause), cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot start the SQL endpoint: " + SERVER_CLASS
          + " has no startWithContext(SQLContext); it needs the Spark 3.5.7 Thrift Server", e);
    }
  }

  private static Class<?> serverClass() {
    try {
      return Class.forName(SERVER_CLASS);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("Cannot start the SQL endpoint: the Spark Thrift Server (" + SERVER_CLASS
          + ") is not on the classpath (" + e + "). bin/lakehouse serve takes it from PySpark 3.5.7's jars: run "
          + "bin/setup-python (or set LAKEHOUSE_VENV to a virtualenv with pyspark==3.5.7, or SPARK_HOME to a Spark "
          + "3.5.7 distribution), or start serve with --sql-port 0 to run without the SQL endpoint", e);
    }
  }

  @Override
  public void close() {
    try {
      server.getClass().getMethod("stop").invoke(server);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot stop the SQL endpoint", e);
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String where = root == error ? "" : " (" + error.getMessage() + ")";
    return root + where;
  }
}
