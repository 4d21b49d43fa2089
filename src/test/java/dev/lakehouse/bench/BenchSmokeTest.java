package dev.lakehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Benches cannot rot: every bench/*.java compiles against today's code, and runs its {@code --smoke}
 * size in this JVM, sharing its SparkSession; each bench checks its own figures (it throws when a
 * stage lost records or a figure is not a number), and this checks each printed its result lines.
 * The shell benches (bench/commands, bench/logs) run theirs in bench/smoke, after the jar is built.
 */
class BenchSmokeTest {
  private static final Path BENCH = Path.of("bench").toAbsolutePath();
  private static final Path CLASSES = Path.of("target", "bench-classes").toAbsolutePath();
  private static ClassLoader benches;

  @BeforeAll
  static void compileEveryBench() throws IOException {
    List<String> sources;
    try (Stream<Path> files = Files.list(BENCH)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
    }
    Files.createDirectories(CLASSES);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    List<String> args = new ArrayList<>(List.of("-proc:none", "-nowarn", "-d", CLASSES.toString(),
        "-cp", System.getProperty("java.class.path")));
    args.addAll(sources);
    int exit = javac.run(null, errors, errors, args.toArray(String[]::new));
    assertThat(exit).as("javac bench/*.java:%n%s", errors.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(sources).hasSizeGreaterThanOrEqualTo(6);
    benches = new URLClassLoader(new URL[] {CLASSES.toUri().toURL()}, BenchSmokeTest.class.getClassLoader());
  }

  @Test
  void quality() {
    assertThat(smoke("QualityBenchmark")).contains("(b) Deequ VerificationSuite:").containsPattern("ratio b/a = \\d+\\.\\d\\d");
  }

  @Test
  void risk() {
    assertThat(smoke("RiskBenchmark")).contains("same scenarios: true").containsPattern("ratio b/a .*: \\d+\\.\\d\\d");
  }

  @Test
  void ingest() {
    assertThat(smoke("IngestBenchmark")).containsPattern("\\(b\\) ingest --available-now:\\s+5,000 records")
        .containsPattern("ratio b/a = \\d+\\.\\d+");
  }

  @Test
  void recommend() {
    assertThat(smoke("RecommendBenchmark")).containsPattern("\\s+1x\\s+3,000\\s+1,000")
        .contains("pipelined / one-by-one =");
  }

  @Test
  void fraud() {
    assertThat(smoke("FraudBenchmark")).contains("(a) plain Java loop", "(b) streaming scoring into gold, rules only")
        .contains("produce-to-score (send -> gold commit): p50");
  }

  @Test
  void freshness() {
    assertThat(smoke("FreshnessBenchmark")).contains("latency = Delta commit time").contains("wall time")
        .contains("per-batch breakdown").containsPattern("\\n +[\\d,]+  merge silver\\.commerce_events\\n");
  }

  /** Runs a bench's main with --smoke here, returning what it printed; a bench's own failure fails the test. */
  private static String smoke(String bench) {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      benches.loadClass(bench).getMethod("main", String[].class).invoke(null, (Object) new String[] {"--smoke"});
    } catch (InvocationTargetException e) {
      throw new AssertionError(bench + " --smoke failed: " + e.getCause() + "\noutput:\n"
          + captured.toString(StandardCharsets.UTF_8), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    } finally {
      System.setOut(out);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    System.out.println(printed);
    return printed;
  }
}
