package dev.lakehouse.cli;

import dev.lakehouse.Timings;
import dev.lakehouse.Lakehouse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Run Spark SQL over the registered tables: one statement (-e), a file (-f), or a prompt.",
        "Example: lakehouse sql -e \"select count(*) from bronze.commerce_events\""})
final class SqlCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = {"-e", "--execute"}, paramLabel = "SQL", description = "Statement(s) to run; ';' separates several.")
  String statement;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "File of statements separated by ';'.")
  Path file;

  @Option(names = "--max-rows", paramLabel = "N", defaultValue = "100", description = "Rows printed per result (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Override
  public Integer call() throws IOException {
    if (maxRows < 1) {
      throw new IllegalArgumentException("Invalid --max-rows " + maxRows + ": must be at least 1");
    }
    if (file != null && !Files.isReadable(file)) {
      throw new IllegalArgumentException("Cannot read SQL file " + file + ": it does not exist or is not readable");
    }
    SparkSession spark = Lakehouse.open(options.config(), "lakehouse-sql").spark();
    if (statement != null) {
      runAll(spark, statement);
    } else if (file != null) {
      runAll(spark, Files.readString(file, StandardCharsets.UTF_8));
    } else {
      prompt(spark);
    }
    return 0;
  }

  private void runAll(SparkSession spark, String text) {
    for (String sql : statements(text)) {
      Timings.time("statement: " + sql.replaceAll("\\s+", " "), () -> Printing.table(spark.sql(sql), maxRows));
    }
  }

  private void prompt(SparkSession spark) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder pending = new StringBuilder();
    System.out.print("lakehouse> ");
    System.out.flush();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (pending.length() == 0 && (line.trim().equals("quit") || line.trim().equals("exit"))) {
        break;
      }
      pending.append(line).append('\n');
      if (line.trim().endsWith(";")) {
        try {
          runAll(spark, pending.toString());
        } catch (RuntimeException e) {
          System.out.println("Error: " + Main.oneLine(e));
        }
        pending.setLength(0);
      }
      System.out.print(pending.length() == 0 ? "lakehouse> " : "        -> ");
      System.out.flush();
    }
    System.out.println();
  }

  /** Splits on ';' outside quotes; drops empty statements. */
  static List<String> statements(String text) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (char c : text.toCharArray()) {
      if (quote == 0 && (c == '\'' || c == '"' || c == '`')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      }
      if (c == ';' && quote == 0) {
        statements.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    statements.add(current.toString());
    return statements.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
