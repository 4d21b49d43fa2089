package dev.lakehouse.quality.suite;

import dev.lakehouse.Timings;
import dev.lakehouse.catalog.ClasspathDirectory;
import dev.lakehouse.catalog.ClasspathDirectory.ResourceFile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The quality suites packaged with this build: every {@code quality/<layer>/<domain>_<entity>.yaml}
 * (or {@code .yml}) on the classpath, from a directory or from the jar. Each file holds the suite
 * of the table its path names; the {@code table:} inside must agree.
 */
public final class QualitySuites {
  private static final String RESOURCE_ROOT = "quality";

  private QualitySuites() {}

  private static Map<String, QualitySuite> loaded;

  /**
   * Every suite, keyed by table name, in file order. The files travel in the jar, so they are read
   * and validated once per JVM (an invalid file fails every call, not only the first).
   *
   * @throws InvalidQualitySuiteException for the first invalid file
   */
  public static synchronized Map<String, QualitySuite> load() {
    if (loaded == null) {
      loaded = Timings.time("read quality suites", QualitySuites::read);
    }
    return loaded;
  }

  private static Map<String, QualitySuite> read() {
    Map<String, QualitySuite> suites = new LinkedHashMap<>();
    ClasspathDirectory.files(RESOURCE_ROOT, ".*\\.ya?ml$").forEach(file -> add(suites, file));
    return Collections.unmodifiableMap(suites);
  }

  /** The suite of a table, if it has one. */
  public static Optional<QualitySuite> forTable(String table) {
    return Optional.ofNullable(load().get(table.toLowerCase()));
  }

  private static void add(Map<String, QualitySuite> suites, ResourceFile file) {
    QualitySuite suite = QualitySuite.parse(file.text(), file.path());
    String named = tableNamedBy(file.path()).orElseThrow(() -> InvalidQualitySuiteException.ofSuite(file.path(),
        "a suite file must sit at quality/<layer>/<domain>_<entity>.yaml"));
    if (!suite.table().equals(named)) {
      throw InvalidQualitySuiteException.ofSuite(file.path(), String.format(
          "it declares table %s but its path names %s; the file name and the table name must agree",
          suite.table(), named));
    }
    QualitySuite earlier = suites.putIfAbsent(suite.table(), suite);
    if (earlier != null) {
      throw InvalidQualitySuiteException.ofSuite(file.path(), String.format(
          "table %s already has a suite in %s; keep one file per table", suite.table(), earlier.source()));
    }
  }

  /** The table a path names: {@code quality/<layer>/<domain>_<entity>.yaml} -> {@code <layer>.<domain>_<entity>}. */
  private static Optional<String> tableNamedBy(String path) {
    String[] parts = path.replaceFirst("\\.ya?ml$", "").split("/");
    return parts.length == 3 ? Optional.of(parts[1] + "." + parts[2]) : Optional.empty();
  }
}
