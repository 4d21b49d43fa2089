package dev.lakehouse.finance.stress;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A span of calendar dates, both ends included, {@code from} before {@code to}: a historical stress
 * window such as a crash episode. The ends need not be trading days; see {@link Window.Fixed} for how
 * they are matched to the price history.
 */
public record DateRange(LocalDate from, LocalDate to) {

  public DateRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          String.format("Invalid date range %s to %s: from must be before to", from, to));
    }
  }

  @Override
  public String toString() {
    return from + " to " + to;
  }
}
