package dev.lakehouse.load;

import java.util.List;
import java.util.Map;

/**
 * What a load did. Every record read is counted once: {@code inserted + updated + unchanged + held
 * + duplicates = records}.
 *
 * @param files      files read
 * @param records    records read (CSV records, JSON lines that are not blank, Parquet rows)
 * @param inserted   rows with a key new to the table (type 2: new keys)
 * @param updated    rows whose key was there with other values (type 2: versions closed and opened,
 *                   or corrected the same day)
 * @param unchanged  rows the table already held as they are
 * @param held       rows sent to ops.quarantine (stage load), not loaded
 * @param duplicates exact copies of another row of the input, loaded once
 * @param ignored    columns of the files that fill no column of the table
 * @param heldByRule held rows by the first rule they broke
 * @param examples   up to 10 held rows: "file:line rule: reason"
 * @param version    the table's Delta version after the load; unchanged when nothing was written
 */
public record LoadSummary(String table, int files, long records, long inserted, long updated, long unchanged, long held,
    long duplicates, List<String> ignored, Map<String, Long> heldByRule, List<String> examples, long version) {

  /** Whether the load left the table as it was. */
  public boolean changedNothing() {
    return inserted == 0 && updated == 0;
  }
}
