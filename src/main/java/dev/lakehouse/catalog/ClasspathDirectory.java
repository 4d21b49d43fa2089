package dev.lakehouse.catalog;

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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The text files under a folder on the classpath, whether it is a directory (tests, an IDE) or a
 * folder inside the application jar (bin/lakehouse, spark-submit): tables/ and quality/ travel so.
 */
public final class ClasspathDirectory {
  private ClasspathDirectory() {}

  /** A file and its path from the classpath root, e.g. {@code tables/bronze/commerce_events.sql}. */
  public record ResourceFile(String path, String text) {}

  /** Files under {@code root} whose names match {@code namePattern}, sorted by path. */
  public static List<ResourceFile> files(String root, String namePattern) {
    URL url = ClasspathDirectory.class.getClassLoader().getResource(root);
    if (url == null) {
      throw new IllegalStateException("Cannot find '" + root + "/' on the classpath; rebuild with mvn package");
    }
    try {
      Path dir = directoryOf(url.toURI(), root);
      try (Stream<Path> walk = Files.walk(dir)) {
        return walk.filter(Files::isRegularFile)
            .filter(p -> p.getFileName().toString().matches(namePattern))
            .sorted()
            .map(p -> new ResourceFile(root + "/" + dir.relativize(p).toString().replace('\\', '/'), read(p)))
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the files under " + url, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path directoryOf(URI uri, String root) throws IOException {
    if (!"jar".equals(uri.getScheme())) {
      return Path.of(uri);
    }
    FileSystem jar;
    try {
      jar = FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      jar = FileSystems.getFileSystem(uri);
    }
    return jar.getPath(root);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
