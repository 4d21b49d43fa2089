package dev.lakehouse.logs.analyze;

import dev.lakehouse.logs.parse.FormatDetector;
import dev.lakehouse.logs.parse.LogFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The log files an analysis reads: each argument is a file, a directory (its regular files, at any
 * depth, hidden ones skipped) or a glob ({@code logs/access*.log}, {@code /var/log/**.gz}); each
 * file's format is the one named, or detected from its first lines ({@code auto}).
 */
public final class LogInputs {
  public static final String AUTO = "auto";

  private LogInputs() {}

  /** The files the arguments name, sorted, each once. */
  public static List<Path> expand(List<String> arguments) {
    if (arguments.isEmpty()) {
      throw new IllegalArgumentException("no input: give a file, a directory or a glob");
    }
    TreeSet<Path> files = new TreeSet<>();
    for (String argument : arguments) {
      List<Path> found = expandOne(argument);
      if (found.isEmpty()) {
        throw new IllegalArgumentException("'" + argument + "' names no readable file");
      }
      files.addAll(found);
    }
    return List.copyOf(files);
  }

  /**
   * Each file with its format; {@code format} is {@code auto} or a format name. A file whose
   * format cannot be detected maps to null: its lines are all rejected with the parser's reason.
   */
  public static Map<Path, LogFormat> formats(List<Path> files, String format) {
    LogFormat named = AUTO.equalsIgnoreCase(format) ? null : LogFormat.fromName(format);
    Map<Path, LogFormat> formats = new LinkedHashMap<>();
    for (Path file : files) {
      formats.put(file, named != null ? named : FormatDetector.detect(firstLines(file)).orElse(null));
    }
    return formats;
  }

  private static List<Path> expandOne(String argument) {
    Path path = Path.of(argument);
    if (Files.isRegularFile(path)) {
      return Files.isReadable(path) ? List.of(path.toAbsolutePath().normalize()) : List.of();
    }
    if (Files.isDirectory(path)) {
      return walk(path, file -> true);
    }
    if (!argument.contains("*") && !argument.contains("?") && !argument.contains("[") && !argument.contains("{")) {
      throw new IllegalArgumentException("'" + argument + "': no such file or directory");
    }
    // the directory part before the first wildcard is where the glob starts
    int wildcard = firstWildcard(argument);
    int slash = argument.lastIndexOf('/', wildcard);
    Path base = slash < 0 ? Path.of(".") : Path.of(slash == 0 ? "/" : argument.substring(0, slash));
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + base.toAbsolutePath().normalize()
        + "/" + argument.substring(slash + 1));
    return walk(base, file -> matcher.matches(file));
  }

  private static int firstWildcard(String glob) {
    int first = glob.length();
    for (char c : new char[] {'*', '?', '[', '{'}) {
      int at = glob.indexOf(c);
      if (at >= 0 && at < first) {
        first = at;
      }
    }
    return first;
  }

  private static List<Path> walk(Path root, java.util.function.Predicate<Path> accept) {
    try (Stream<Path> paths = Files.walk(root)) {
      List<Path> files = new ArrayList<>();
      paths.map(p -> p.toAbsolutePath().normalize())
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(accept)
          .forEach(files::add);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  private static List<String> firstLines(Path file) {
    List<String> lines = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while (lines.size() < FormatDetector.SAMPLE_LINES && (line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return lines;
  }
}
