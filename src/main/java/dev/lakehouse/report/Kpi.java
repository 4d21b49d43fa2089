package dev.lakehouse.report;

import java.util.Locale;
import java.util.Objects;

/**
 * A headline number, shown as a tile: {@code 1,000,000 requests} over its label. The tile carries
 * {@code data-kpi="<slug of the label>"} and {@code data-value="<the exact number>"}.
 *
 * @param label what the number is, e.g. {@code Unique visitors}
 * @param value the number; NaN shows as {@code n/a}
 * @param unit shown after the number, e.g. {@code ms} or {@code %}; null for none
 */
public record Kpi(String label, double value, String unit) {
  public Kpi {
    Objects.requireNonNull(label, "label");
  }

  public Kpi(String label, double value) {
    this(label, value, null);
  }

  /** The label in lower case with every run of other characters than a-z and 0-9 as one {@code -}. */
  public String slug() {
    String slug = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return slug.isEmpty() ? "kpi" : slug;
  }
}
