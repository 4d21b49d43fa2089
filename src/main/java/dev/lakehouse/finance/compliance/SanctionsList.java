package dev.lakehouse.finance.compliance;

import java.io.Serializable;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The sanctions list, prepared for screening: every name normalised once. Serializable, so a Spark
 * job can broadcast it and call {@link #match} from a UDF. Entries are kept in id order, which makes
 * the tie-break of {@link #match} independent of the order the table was read in.
 */
public final class SanctionsList implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One listed name with its normal forms. */
  private record ListedName(SanctionedName entry, String name, List<String> forms) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private final List<ListedName> names;
  private final int entries;

  private SanctionsList(List<ListedName> names, int entries) {
    this.names = names;
    this.entries = entries;
  }

  /** The list prepared for matching; entry ids must be unique and every name must keep a letter or digit. */
  public static SanctionsList of(List<SanctionedName> entries) {
    Checks.present(entries, "sanctions list");
    requireUniqueIds(entries);
    List<ListedName> names = entries.stream()
        .sorted(Comparator.comparing(SanctionedName::id))
        .flatMap(entry -> entry.names().stream().map(name -> listed(entry, name)))
        .toList();
    return new SanctionsList(names, entries.size());
  }

  /** How many entries (not names) the list has. */
  public int size() {
    return entries;
  }

  /**
   * The listed name most similar to {@code name}, if its similarity is at least {@code threshold};
   * empty for a null or blank name. Ties go to the smallest entry id, then to the entry's earlier name.
   */
  public Optional<NameMatch> match(String name, double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          String.format("Invalid name match threshold %s: must be a similarity in (0, 1], e.g. 0.92", threshold));
    }
    List<String> forms = NameMatcher.forms(name);
    ListedName best = null;
    double bestScore = 0;
    for (ListedName listed : names) {
      double score = NameMatcher.similarityOfForms(forms, listed.forms());
      if (score > bestScore) {
        best = listed;
        bestScore = score;
      }
    }
    return bestScore >= threshold
        ? Optional.of(new NameMatch(best.entry(), best.name(), bestScore))
        : Optional.empty();
  }

  private static ListedName listed(SanctionedName entry, String name) {
    List<String> forms = NameMatcher.forms(name);
    if (forms.isEmpty()) {
      throw new IllegalArgumentException(String.format(
          "Invalid name '%s' of sanctioned entry %s: no letter or digit is left to match on", name, entry.id()));
    }
    return new ListedName(entry, name, forms);
  }

  private static void requireUniqueIds(List<SanctionedName> entries) {
    Set<String> seen = new HashSet<>();
    for (SanctionedName entry : Checks.present(entries, "sanctions list")) {
      if (!seen.add(Checks.present(entry, "sanctions list entry").id())) {
        throw new IllegalArgumentException(String.format(
            "Invalid sanctions list: entry id %s appears twice; give each entry one id and all its names", entry.id()));
      }
    }
  }
}
