package dev.lakehouse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFileTest {
  @TempDir
  Path dir;

  @Test
  void writesTheRenderedReportAsUtf8() throws IOException {
    HtmlReport report = HtmlReport.titled("Café \uD83D\uDE80 report").subtitle("a · b");
    Path file = dir.resolve("report.html");
    assertThat(report.writeTo(file)).isEqualTo(file);
    assertThat(Files.readAllBytes(file)).isEqualTo(report.render().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void createsMissingDirectories() {
    Path file = dir.resolve("reports/2026-11-22/logs.html");
    HtmlReport.titled("t").writeTo(file);
    assertThat(file).isRegularFile();
  }

  @Test
  void replacesAnEarlierReportAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("report.html");
    HtmlReport.titled("old").writeTo(file);
    HtmlReport.titled("new").writeTo(file);
    assertThat(Files.readString(file)).contains("<h1>new</h1>");
    assertThat(filesIn(dir)).containsExactly(file);
  }

  @Test
  void whenTheFileCannotBeReplacedWhatWasThereStaysAndNoTemporaryFileIsLeft() throws IOException {
    Path occupied = Files.createDirectories(dir.resolve("report.html"));
    Files.writeString(occupied.resolve("keep.txt"), "kept");
    assertThatThrownBy(() -> HtmlReport.titled("t").writeTo(occupied))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("Cannot write the report to " + occupied);
    assertThat(filesIn(dir)).containsExactly(occupied);
    assertThat(Files.readString(occupied.resolve("keep.txt"))).isEqualTo("kept");
  }

  @Test
  void aReaderSeesTheOldReportOrTheNewOneNeverPartOfOne() throws Exception {
    Path file = dir.resolve("report.html");
    HtmlReport first = large("first");
    HtmlReport second = large("second");
    List<String> whole = List.of(first.render(), second.render());
    first.writeTo(file);
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> IntStream.range(0, 20)
        .forEach(i -> (i % 2 == 0 ? second : first).writeTo(file)));
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    do {
      assertThat(whole.contains(Files.readString(file))).as("the file holds one whole report").isTrue();
    } while (!writer.isDone() && Instant.now().isBefore(deadline));
    writer.get();
    assertThat(filesIn(dir)).containsExactly(file);
  }

  private static HtmlReport large(String name) {
    List<List<Object>> rows = IntStream.range(0, 1_000)
        .mapToObj(i -> List.<Object>of("/" + name + "/page/" + i, i * 17L))
        .toList();
    return HtmlReport.titled(name).table(new Table("pages", "Pages", List.of("Path", "Requests"), rows));
  }

  private static List<Path> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }
}
