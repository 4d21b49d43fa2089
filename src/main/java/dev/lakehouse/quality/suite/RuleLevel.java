package dev.lakehouse.quality.suite;

/** How serious a broken rule is; maps to Deequ's {@code CheckLevel.Error} and {@code CheckLevel.Warning}. */
public enum RuleLevel {
  ERROR,
  WARNING;

  /** The spelling in a suite file: {@code error} or {@code warning}. */
  public String yamlName() {
    return name().toLowerCase();
  }
}
