package dev.lakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The generator is one producer among others: outside generate/, only the generate and demo commands (and demo's trickle) use it. */
class GeneratorAtTheEdgeTest {
  private static final Path MAIN = Path.of("src", "main", "java");
  private static final Set<Path> ALLOWED = Set.of(
      MAIN.resolve("dev/lakehouse/cli/GenerateCommand.java"),
      MAIN.resolve("dev/lakehouse/cli/DemoCommand.java"),
      MAIN.resolve("dev/lakehouse/cli/DemoTrickle.java"));

  @Test
  void nothingOutsideTheGeneratorAndItsCommandsUsesIt() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      List<String> users = files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.startsWith(MAIN.resolve("dev/lakehouse/generate")) && !ALLOWED.contains(f))
          .filter(f -> read(f).contains("dev.lakehouse.generate"))
          .map(Path::toString)
          .toList();
      assertThat(users).isEmpty();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
