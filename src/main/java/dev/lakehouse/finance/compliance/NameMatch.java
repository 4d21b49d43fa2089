package dev.lakehouse.finance.compliance;

import java.io.Serializable;

/**
 * The best match of a name on the sanctions list.
 *
 * @param entry the sanctioned entry that matched
 * @param matchedName which of the entry's names matched, as listed
 * @param score the similarity of the two names in (0, 1]; 1 when they normalise to the same tokens
 */
public record NameMatch(SanctionedName entry, String matchedName, double score) implements Serializable {
  private static final long serialVersionUID = 1L;

  public String entryId() {
    return entry.id();
  }
}
