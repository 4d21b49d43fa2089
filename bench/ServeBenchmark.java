import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * bench/serve: the day's revenue per 5-minute window (a dashboard's typical query) over JDBC on a warm
 * SQL endpoint against the same query through {@code bin/lakehouse sql -e}, a cold process per query.
 * Both read one scratch lakehouse whose gold.commerce_sales_5m holds DAYS days of PRODUCTS products
 * per window; both must return the same figures.
 */
public class ServeBenchmark {
  static final String DAY = "2026-11-20";
  static final String QUERY = "SELECT window_start, round(sum(revenue), 2) AS revenue, sum(orders) AS orders "
      + "FROM gold.commerce_sales_5m WHERE sales_date = DATE'" + DAY + "' GROUP BY window_start ORDER BY window_start";

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int days = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    int products = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    int jdbcRuns = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    int coldRuns = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    Path work = root.resolve("bench/results/serve");
    Path home = work.resolve("home");
    deleteRecursively(home);
    Files.createDirectories(work);
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("LAKEHOUSE_HOME", home.toString());
    env.remove("LAKEHOUSE_SERVE_TOKEN");

    long rows = (long) days * 288 * products;
    System.out.printf("gold.commerce_sales_5m: %d days x 288 windows x %d products = %,d rows; machine: %d cores%n",
        days, products, rows, Runtime.getRuntime().availableProcessors());
    run(root, env, work.resolve("load.log"), "sql", "-e", load(days, products));

    int port = freePort();
    Process server = start(root, env, work.resolve("serve.log"), "serve", "--sql-port", Integer.toString(port),
        "--http-port", "0");
    try {
      awaitServing(server, work.resolve("serve.log"));
      List<Double> warm = new ArrayList<>();
      List<String> overJdbc;
      try (Connection connection = DriverManager.getConnection("jdbc:hive2://127.0.0.1:" + port + "/default", "bench", "")) {
        for (int i = 0; i < 5; i++) {
          query(connection);
        }
        overJdbc = query(connection);
        for (int i = 0; i < jdbcRuns; i++) {
          long start = System.nanoTime();
          query(connection);
          warm.add((System.nanoTime() - start) / 1e9);
        }
      }
      List<Double> cold = new ArrayList<>();
      String printed = "";
      for (int i = 0; i < coldRuns; i++) {
        long start = System.nanoTime();
        printed = run(root, env, work.resolve("cold.log"), "sql", "--max-rows", "1000", "-e", QUERY);
        cold.add((System.nanoTime() - start) / 1e9);
      }
      List<String> inProcess = rowsPrinted(printed);

      System.out.printf("query: %s%n", QUERY);
      System.out.printf("  JDBC, warm server (Hive JDBC driver, one connection, %d runs after 5 warm-up): p50 %.3f s, p95 %.3f s%n",
          jdbcRuns, percentile(warm, 50), percentile(warm, 95));
      System.out.printf("  bin/lakehouse sql -e, cold process (%d runs): p50 %.2f s, p95 %.2f s%n",
          coldRuns, percentile(cold, 50), percentile(cold, 95));
      System.out.printf("  ratio, cold p50 / warm p50: %.0fx%n", percentile(cold, 50) / percentile(warm, 50));
      boolean same = overJdbc.equals(inProcess);
      System.out.printf("  figures: %d windows both ways, %s%n", overJdbc.size(), same ? "identical" : "DIFFERENT");
      if (!same || overJdbc.size() != 288) {
        System.out.println("JDBC:    " + overJdbc.subList(0, Math.min(3, overJdbc.size())));
        System.out.println("sql -e:  " + inProcess.subList(0, Math.min(3, inProcess.size())));
        System.exit(1);
      }
    } finally {
      server.destroy();
      server.waitFor(60, TimeUnit.SECONDS);
    }
  }

  /** DAYS x 288 windows x PRODUCTS rows ending on DAY, deterministic. */
  static String load(int days, int products) {
    return "INSERT INTO gold.commerce_sales_5m "
        + "SELECT window_start, window_start + INTERVAL 5 MINUTES, CAST(window_start AS DATE), concat('p-', p), "
        + "element_at(array('books', 'toys', 'garden', 'kitchen'), CAST(p % 4 + 1 AS INT)), "
        + "round(quantity * price, 2), quantity, orders, price, timestamp'" + DAY + " 23:59:59' "
        + "FROM (SELECT timestamp'" + DAY + " 00:00:00' - INTERVAL " + (days - 1) + " DAYS "
        + "+ make_interval(0, 0, 0, 0, 0, CAST(w.id * 5 AS INT), 0) AS window_start, p.id AS p, "
        + "pmod(hash(w.id, p.id), 5) + 1 AS quantity, pmod(hash(w.id, p.id), 3) + 1 AS orders, "
        + "round(5 + pmod(hash(p.id), 9500) / 100.0, 2) AS price "
        + "FROM range(" + days * 288 + ") w CROSS JOIN range(" + products + ") p)";
  }

  static List<String> query(Connection connection) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(QUERY)) {
      while (result.next()) {
        rows.add(normalized(result.getString(1) + " | " + result.getString(2) + " | " + result.getString(3)));
      }
    }
    return rows;
  }

  /** The rows `sql -e` printed: the lines between the -+- separator and "(N rows)". */
  static List<String> rowsPrinted(String stdout) {
    List<String> lines = List.of(stdout.split("\n"));
    int separator = 0;
    while (separator < lines.size() && !lines.get(separator).matches("[-+]+")) {
      separator++;
    }
    List<String> rows = new ArrayList<>();
    for (int i = separator + 1; i < lines.size() && !lines.get(i).startsWith("("); i++) {
      rows.add(normalized(String.join(" | ", List.of(lines.get(i).split("\\s*\\|\\s*")).stream().map(String::trim).toList())));
    }
    return rows;
  }

  /** Timestamps with or without ".0", as the JDBC driver and java.sql.Timestamp print them. */
  static String normalized(String row) {
    return row.replaceAll("(\\d\\d:\\d\\d:\\d\\d)\\.0\\b", "$1");
  }

  static String run(Path root, Map<String, String> env, Path log, String... args) throws Exception {
    Process process = start(root, env, log, args);
    if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("bin/lakehouse " + String.join(" ", args).substring(0, 40) + "... failed: "
          + tail(log));
    }
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  static Process start(Path root, Map<String, String> env, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(root.resolve("bin/lakehouse").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false)
        .redirectOutput(log.toFile()).redirectError(ProcessBuilder.Redirect.appendTo(log.resolveSibling(log.getFileName() + ".err").toFile()));
    builder.environment().clear();
    builder.environment().putAll(env);
    return builder.start();
  }

  static void awaitServing(Process server, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (!Files.readString(log).contains("\nServing ") && !Files.readString(log).startsWith("Serving ")) {
      if (!server.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("bin/lakehouse serve did not start: " + tail(log) + tail(log.resolveSibling(log.getFileName() + ".err")));
      }
      Thread.sleep(200);
    }
  }

  static double percentile(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "";
    }
    String text = Files.readString(log);
    return text.substring(Math.max(0, text.length() - 3000));
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Collections.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
