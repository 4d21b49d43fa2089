package dev.lakehouse.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds damaged files in a streaming query's checkpoint: an offsets or commits log entry, or the
 * query's metadata, that is empty or cut short (Spark then fails with "No content to map due to
 * end-of-input" and names no file). Each entry is a version line ("v1") followed by JSON lines
 * ("-" for a source without offsets); metadata is one JSON object.
 */
public final class Checkpoints {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Checkpoints() {}

  /** A damaged file and what to do about it. */
  public record Damage(String file, String advice) {}

  /** The first damaged file of the checkpoint at {@code root}, if any. */
  public static Optional<Damage> damage(String root, Configuration hadoop) {
    try {
      Path checkpoint = new Path(root);
      FileSystem fs = checkpoint.getFileSystem(hadoop);
      Path metadata = new Path(checkpoint, "metadata");
      if (fs.exists(metadata) && !isJson(read(fs, metadata).orElse(""))) {
        return Optional.of(new Damage(metadata.toString(), "it holds the query's id; restore it from a backup, "
            + "or start a new checkpoint (a new query id: its first writes are not deduplicated against the old ones)"));
      }
      for (String log : List.of("commits", "offsets")) {
        for (FileStatus entry : entries(fs, new Path(checkpoint, log))) {
          if (!isLogEntry(read(fs, entry.getPath()).orElse(""))) {
            return Optional.of(new Damage(entry.getPath().toString(), advice(log, entry.getPath().getName())));
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String advice(String log, String batch) {
    if (log.equals("commits")) {
      return "delete it and restart: batch " + batch + " runs again over the same offsets (offsets/" + batch
          + "), and its writes are idempotent, so nothing is written twice";
    }
    return "if ops.pipeline_events has no row for batch " + batch + " of this query, delete it (and commits/" + batch
        + " if present) and restart: the batch is planned again; if it has one, the batch was written: restore the "
        + "file from a backup rather than plan the batch again";
  }

  private static List<FileStatus> entries(FileSystem fs, Path dir) throws IOException {
    if (!fs.exists(dir)) {
      return List.of();
    }
    List<FileStatus> entries = new ArrayList<>();
    for (FileStatus status : fs.listStatus(dir)) {
      if (status.isFile() && status.getPath().getName().matches("\\d+")) {
        entries.add(status);
      }
    }
    return entries;
  }

  /** The file's text; empty when it cannot be read whole (on a local disk Hadoop checks it against its .crc). */
  private static Optional<String> read(FileSystem fs, Path file) {
    try (InputStream in = fs.open(file)) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean isLogEntry(String text) {
    List<String> lines = text.lines().toList();
    if (lines.size() < 2 || !lines.get(0).matches("v\\d+")) {
      return false;
    }
    return lines.stream().skip(1).allMatch(line -> line.equals("-") || isJson(line));
  }

  private static boolean isJson(String text) {
    if (text.isBlank()) {
      return false;
    }
    try {
      JSON.readTree(text);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
