package dev.lakehouse.quality.suite;

/**
 * What happens to a batch when a rule is broken:
 *
 * <ul>
 *   <li>{@code FAIL} — the batch is not published (the default for level {@code error})</li>
 *   <li>{@code QUARANTINE} — the rows that break the rule go to quarantine with the rule id and the rest
 *       is published; row-level checks only</li>
 *   <li>{@code WARN} — the result is recorded and the batch published (the default for level {@code warning})</li>
 * </ul>
 */
public enum RuleAction {
  FAIL,
  QUARANTINE,
  WARN;

  /** The spelling in a suite file: {@code fail}, {@code quarantine} or {@code warn}. */
  public String yamlName() {
    return name().toLowerCase();
  }

  /** The action of a rule that names none. */
  public static RuleAction defaultFor(RuleLevel level) {
    return level == RuleLevel.ERROR ? FAIL : WARN;
  }
}
