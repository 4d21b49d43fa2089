package dev.lakehouse.testing;

import dev.lakehouse.config.LakehouseConfig;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the CLI in a separate JVM (a real process that can be killed), with the test classpath. */
public final class ChildJvm {
  private ChildJvm() {}

  /** Starts {@code lakehouse <args>} with every key of {@code config} passed as --conf; output goes to {@code log}. */
  public static Process start(LakehouseConfig config, Path log, String... args) {
    return startMain("dev.lakehouse.cli.Main", config, log, args);
  }

  /** Starts {@code mainClass} of the test classpath the same way: {@code args}, then every key as --conf. */
  public static Process startMain(String mainClass, LakehouseConfig config, Path log, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@" + Path.of("conf", "jvm.options").toAbsolutePath());
    command.add("-Xmx1g");
    command.add("-Dlog4j2.configurationFile=" + Path.of("src", "test", "resources", "log4j2-test.properties").toAbsolutePath());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    config.values().forEach((key, value) -> {
      command.add("--conf");
      command.add(key + "=" + value);
    });
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().keySet().removeIf(name -> name.startsWith("LAKEHOUSE_"));
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs to completion (at most {@code timeoutSeconds}) and returns exit code and output. */
  public static Result run(LakehouseConfig config, long timeoutSeconds, String... args) {
    try {
      Path log = File.createTempFile("lakehouse-child", ".log", new File("target")).toPath();
      Process process = start(config, log, args);
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("lakehouse " + String.join(" ", args) + " did not finish in " + timeoutSeconds
            + "s; output:\n" + Files.readString(log, StandardCharsets.UTF_8));
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public record Result(int exitCode, String output) {}
}
