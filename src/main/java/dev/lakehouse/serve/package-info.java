/**
 * The long-running `serve` process: one warm SparkSession with every declared table registered,
 * shared by its components (the SQL endpoint for JDBC/ODBC clients, the web dashboard and its JSON
 * API). {@link dev.lakehouse.serve.ServeAccess} holds the one rule for who may connect.
 */
package dev.lakehouse.serve;
