package dev.lakehouse.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Generated records of one source written to a file, one value per line, as a producer that writes
 * files rather than Kafka would: web access log lines for {@code logs analyze} and the watched
 * directories of {@code ingest.files.*}, payments as JSON lines for {@code finance train
 * --other-payments}. Written under a hidden name and renamed when complete, so a watched directory
 * never sees half a file.
 */
public final class RecordFiles {
  private RecordFiles() {}

  /**
   * Writes the values of {@code source} among the first {@code records} records of a generated day,
   * at most {@code limit} of them; returns how many were written.
   */
  public static long write(Path out, GeneratorSettings settings, long records, String source, long limit) {
    DataGenerator generator = new DataGenerator(settings, records);
    Path partial = out.resolveSibling("." + out.getFileName() + ".partial");
    long written = 0;
    try {
      if (out.toAbsolutePath().getParent() != null) {
        Files.createDirectories(out.toAbsolutePath().getParent());
      }
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20)) {
        while (written < limit && generator.hasNext()) {
          GeneratedRecord record = generator.next();
          if (record.topic().equals(source)) {
            file.write(record.value());
            file.write('\n');
            written++;
          }
        }
      }
      Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  /** About how many records of a day hold {@code lines} access log lines (they are about a quarter of all). */
  public static long recordsForAccessLines(long lines) {
    return lines * 41 / 10 + 1000;
  }
}
