package dev.lakehouse.serve.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.delta.util.FileNames;

/**
 * The latest committed Delta version of each table, found without reading the table: a Delta table's
 * versions are contiguous commit files {@code _delta_log/<version>.json}, so after the first look a
 * table has a new commit exactly when the file of the next version exists. One check costs one file
 * status (a stat on a local disk, a HEAD on an object store), whatever the size of the log.
 *
 * <p>A table that was deleted and created again (its known version's file is gone) is listed once
 * more. Not thread-safe: one poller owns it.
 */
final class TableVersions {
  /** The version of a table that has no commit yet (or does not exist). */
  static final long NONE = -1;

  /** Every this many checks of a table, also confirm that its known version still exists. */
  private static final int CONFIRM_EVERY = 40;

  private final Configuration hadoop;
  private final Map<String, Tracked> tables = new HashMap<>();

  TableVersions(Configuration hadoop) {
    this.hadoop = hadoop;
  }

  /** The latest version of the table at {@code location}, checking for newer commits now. */
  long latest(String location) {
    Tracked table = tables.computeIfAbsent(location, this::track);
    try {
      table.advance();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Delta log of " + location + ": " + e.getMessage(), e);
    }
    return table.version;
  }

  private Tracked track(String location) {
    Path log = new Path(location, "_delta_log");
    try {
      return new Tracked(log.getFileSystem(hadoop), log);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the file system of " + location + ": " + e.getMessage(), e);
    }
  }

  private static final class Tracked {
    private final FileSystem fs;
    private final Path log;
    private long version = NONE;
    private boolean listed;
    private int checks;

    Tracked(FileSystem fs, Path log) {
      this.fs = fs;
      this.log = log;
    }

    void advance() throws IOException {
      if (!listed || (++checks % CONFIRM_EVERY == 0 && version != NONE && !fs.exists(commitFile(version)))) {
        version = newestListed();
        listed = true;
      }
      while (fs.exists(commitFile(version + 1))) {
        version++;
      }
    }

    // the highest commit file in the log, or NONE without a log
    private long newestListed() throws IOException {
      if (!fs.exists(log)) {
        return NONE;
      }
      long newest = NONE;
      for (FileStatus file : fs.listStatus(log)) {
        if (FileNames.isDeltaFile(file)) {
          newest = Math.max(newest, FileNames.deltaVersion(file));
        }
      }
      return newest;
    }

    // the commit file of a version as the Delta protocol names it (%020d.json); tables here use no commit coordinator
    private Path commitFile(long v) {
      return FileNames.unsafeDeltaFile(log, v);
    }
  }
}
