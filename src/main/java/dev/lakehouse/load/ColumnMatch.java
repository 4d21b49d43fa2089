package dev.lakehouse.load;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * Which column of the table each column of a file fills: the one named by {@code --map src=dst}, or
 * else the input column of the same name, ignoring case. Columns of the file that fill nothing are
 * ignored (and reported); {@code --set column=value} fills a column with one value for every row.
 */
final class ColumnMatch implements Serializable {
  private static final long serialVersionUID = 1L;

  private final StructType inputs;
  private final Map<String, String> renames;
  private final Map<String, String> constants;

  /**
   * @param inputs    the columns a file may fill
   * @param renames   source column -> table column ({@code --map}); sources match ignoring case
   * @param constants table column -> the text of its value in every row ({@code --set})
   */
  ColumnMatch(StructType inputs, Map<String, String> renames, Map<String, String> constants) {
    this.inputs = inputs;
    this.renames = new LinkedHashMap<>();
    renames.forEach((source, target) -> this.renames.put(source.toLowerCase(Locale.ROOT), target));
    this.constants = new LinkedHashMap<>(constants);
  }

  StructType inputs() {
    return inputs;
  }

  Map<String, String> constants() {
    return constants;
  }

  /** The table column a file column fills, or null when it fills none. */
  String target(String sourceColumn) {
    String name = sourceColumn.replace("\uFEFF", "").strip();
    String renamed = renames.get(name.toLowerCase(Locale.ROOT));
    if (renamed != null) {
      return renamed;
    }
    for (String input : inputs.fieldNames()) {
      if (input.equalsIgnoreCase(name)) {
        return constants.containsKey(input) ? null : input;
      }
    }
    return null;
  }

  /** For a file's header: for each input column, the index of the header column that fills it (-1: none). */
  Resolved resolve(List<String> header) {
    int[] sources = new int[inputs.size()];
    Arrays.fill(sources, -1);
    List<String> ignored = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<String> names = Arrays.asList(inputs.fieldNames());
    for (int i = 0; i < header.size(); i++) {
      String target = target(header.get(i));
      if (target == null) {
        ignored.add(header.get(i).replace("\uFEFF", "").strip());
        continue;
      }
      int at = names.indexOf(target);
      if (sources[at] >= 0) {
        problems.add(String.format("columns '%s' and '%s' both fill %s", header.get(sources[at]), header.get(i), target));
      } else {
        sources[at] = i;
      }
    }
    return new Resolved(sources, ignored, problems);
  }

  /** Header positions of the input columns, the header columns left out, and contradictions. */
  record Resolved(int[] sources, List<String> ignored, List<String> problems) implements Serializable {
    boolean fills(int input) {
      return sources[input] >= 0;
    }
  }
}
