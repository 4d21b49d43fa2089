package dev.lakehouse.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The files a load reads: each argument is a file, a directory (its files at any depth) or a glob
 * ({@code prices/*.csv}, {@code s3a://bucket/prices/2025-*.csv.gz}), through Hadoop's file systems so
 * local paths and object stores read alike. Hidden files (starting with '.' or '_') are skipped.
 */
final class InputFiles {
  private InputFiles() {}

  /** The fully qualified files, sorted, each once; an argument naming no file is an error naming it. */
  static List<String> expand(Configuration hadoop, List<String> arguments) {
    if (arguments.isEmpty()) {
      throw new IllegalArgumentException("Cannot load: no input; give a file, a directory or a glob");
    }
    TreeSet<String> files = new TreeSet<>();
    for (String argument : arguments) {
      int before = files.size();
      try {
        expandOne(hadoop, argument, files);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read '" + argument + "': " + e.getMessage(), e);
      }
      if (files.size() == before) {
        throw new IllegalArgumentException("Cannot load '" + argument + "': it names no readable file");
      }
    }
    return List.copyOf(files);
  }

  private static void expandOne(Configuration hadoop, String argument, TreeSet<String> files) throws IOException {
    Path path = new Path(argument);
    FileSystem fs = path.getFileSystem(hadoop);
    FileStatus[] matches = fs.globStatus(path);
    if (matches == null) {
      return;
    }
    for (FileStatus match : matches) {
      if (match.isDirectory()) {
        RemoteIterator<LocatedFileStatus> listed = fs.listFiles(match.getPath(), true);
        while (listed.hasNext()) {
          LocatedFileStatus file = listed.next();
          if (visible(file.getPath())) {
            files.add(file.getPath().toString());
          }
        }
      } else if (visible(match.getPath())) {
        files.add(fs.makeQualified(match.getPath()).toString());
      }
    }
  }

  private static boolean visible(Path path) {
    String name = path.getName();
    return !name.startsWith(".") && !name.startsWith("_");
  }
}
