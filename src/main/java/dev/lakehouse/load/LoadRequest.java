package dev.lakehouse.load;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code load}: the table, the files (files, directories or globs), how to read them, and time
 * as parameters ({@code asOf} the day new versions of a type 2 dimension start, and the default of
 * columns declared {@code _as_of}; {@code loadTime} stamped on loaded rows).
 *
 * @param format    csv, json or parquet for every file; empty: by each file's extension
 * @param csv       CSV delimiter (0: ',' or a tab for .tsv), quote and quote escape
 * @param renames   file column -> table column ({@code --map})
 * @param constants table column -> one value for every row ({@code --set})
 */
public record LoadRequest(String table, List<String> inputs, Optional<FileRecords.Format> format,
    FileRecords.CsvOptions csv, Map<String, String> renames, Map<String, String> constants, Optional<LocalDate> asOf,
    Instant loadTime) {

  /** Comma-separated CSV with double quotes, doubled to escape one. */
  public static final FileRecords.CsvOptions CSV_DEFAULTS = new FileRecords.CsvOptions((char) 0, '"', '"');

  public LoadRequest {
    Objects.requireNonNull(table, "table");
    inputs = List.copyOf(inputs);
    renames = Map.copyOf(renames);
    constants = Map.copyOf(constants);
    Objects.requireNonNull(loadTime, "loadTime");
  }

  /** Files read by extension, comma-separated CSV, no renames or constants. */
  public static LoadRequest of(String table, List<String> inputs, Optional<LocalDate> asOf, Instant loadTime) {
    return new LoadRequest(table, inputs, Optional.empty(), CSV_DEFAULTS, Map.of(), Map.of(), asOf, loadTime);
  }

  /** The same load with these renames ({@code --map}). */
  public LoadRequest withRenames(Map<String, String> more) {
    return new LoadRequest(table, inputs, format, csv, more, constants, asOf, loadTime);
  }

  /** The same load with these constants ({@code --set}). */
  public LoadRequest withConstants(Map<String, String> more) {
    return new LoadRequest(table, inputs, format, csv, renames, more, asOf, loadTime);
  }
}
