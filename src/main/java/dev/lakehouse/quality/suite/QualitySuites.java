package dev.lakehouse.quality.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The quality suites packaged with this build: every {@code quality/<layer>/<domain>_<entity>.yaml}
 * (or {@code .yml}) on the classpath, from a directory or from the jar. Each file holds the suite
 * of the table its path names; the {@code table:} inside must agree.
 */
public final class QualitySuites {
  private static final String RESOURCE_ROOT = "quality";

  private QualitySuites() {}

  /**
   * Every suite, keyed by table name, in file order. Reads and validates the files on each call;
   * hold on to the map when it is needed repeatedly.
   *
   * @throws InvalidQualitySuiteException for the first invalid file
   */
  public static Map<String, QualitySuite> load() {
    Map<String, QualitySuite> suites = new LinkedHashMap<>();
    suiteFiles().forEach(file -> add(suites, file));
    return Collections.unmodifiableMap(suites);
  }

  /** The suite of a table, if it has one. */
  public static Optional<QualitySuite> forTable(String table) {
    return Optional.ofNullable(load().get(table.toLowerCase()));
  }

  private static void add(Map<String, QualitySuite> suites, SuiteFile file) {
    QualitySuite suite = QualitySuite.parse(read(file.path()), file.source());
    String named = file.table().orElseThrow(() -> InvalidQualitySuiteException.ofSuite(file.source(),
        "a suite file must sit at quality/<layer>/<domain>_<entity>.yaml"));
    if (!suite.table().equals(named)) {
      throw InvalidQualitySuiteException.ofSuite(file.source(), String.format(
          "it declares table %s but its path names %s; the file name and the table name must agree",
          suite.table(), named));
    }
    QualitySuite earlier = suites.putIfAbsent(suite.table(), suite);
    if (earlier != null) {
      throw InvalidQualitySuiteException.ofSuite(file.source(), String.format(
          "table %s already has a suite in %s; keep one file per table", suite.table(), earlier.source()));
    }
  }

  /** A suite file and its path from the classpath root, e.g. {@code quality/silver/commerce_events.yaml}. */
  private record SuiteFile(Path path, String source) {
    /** The table the path names: {@code <layer>.<domain>_<entity>}. */
    Optional<String> table() {
      String[] parts = source.replaceFirst("\\.ya?ml$", "").split("/");
      return parts.length == 3 ? Optional.of(parts[1] + "." + parts[2]) : Optional.empty();
    }
  }

  private static List<SuiteFile> suiteFiles() {
    URL root = QualitySuites.class.getClassLoader().getResource(RESOURCE_ROOT);
    if (root == null) {
      throw new IllegalStateException(
          "Cannot find the quality suites: no 'quality/' on the classpath; rebuild with mvn package");
    }
    try {
      Path dir = directoryOf(root.toURI());
      try (Stream<Path> walk = Files.walk(dir)) {
        return walk.filter(Files::isRegularFile)
            .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml$"))
            .sorted()
            .map(p -> new SuiteFile(p, RESOURCE_ROOT + "/" + dir.relativize(p).toString().replace('\\', '/')))
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the quality suites under " + root, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path directoryOf(URI uri) throws IOException {
    if (!"jar".equals(uri.getScheme())) {
      return Path.of(uri);
    }
    FileSystem jar;
    try {
      jar = FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      jar = FileSystems.getFileSystem(uri);
    }
    return jar.getPath(RESOURCE_ROOT);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read quality suite " + file, e);
    }
  }
}
