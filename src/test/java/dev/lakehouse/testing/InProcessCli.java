package dev.lakehouse.testing;

import dev.lakehouse.cli.Main;
import dev.lakehouse.config.LakehouseConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in this JVM (sharing its SparkSession), capturing what it prints. */
public final class InProcessCli {
  private InProcessCli() {}

  public static ChildJvm.Result execute(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      int exit = Main.execute(args);
      return new ChildJvm.Result(exit, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /** The command with every key of {@code config} appended as --conf. */
  public static ChildJvm.Result execute(LakehouseConfig config, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    config.values().forEach((key, value) -> {
      all.add("--conf");
      all.add(key + "=" + value);
    });
    return execute(all.toArray(String[]::new));
  }
}
