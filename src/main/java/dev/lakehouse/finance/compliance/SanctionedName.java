package dev.lakehouse.finance.compliance;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * One entry of the sanctions list: a person or company under one id, with every name it is known by.
 * The list is kept as a table with one row per (entry, name); group it by entry to build these.
 *
 * @param id the entry's id on the list, e.g. {@code SDN-12345}
 * @param names the primary name first, then aliases and other spellings; at least one, none blank
 */
public record SanctionedName(String id, List<String> names) implements Serializable {
  private static final long serialVersionUID = 1L;

  public SanctionedName {
    Checks.nonBlank(id, "sanctioned entry id");
    names = List.copyOf(Checks.present(names, "names of sanctioned entry " + id));
    if (names.isEmpty()) {
      throw new IllegalArgumentException(
          String.format("Invalid names of sanctioned entry %s: an entry needs at least one name", id));
    }
    names.forEach(name -> Checks.nonBlank(name, "name of sanctioned entry " + id));
  }

  /** An entry from its id, its primary name and any aliases. */
  public static SanctionedName of(String id, String name, String... aliases) {
    String[] names = new String[aliases.length + 1];
    names[0] = name;
    System.arraycopy(aliases, 0, names, 1, aliases.length);
    return new SanctionedName(id, Arrays.asList(names));
  }
}
