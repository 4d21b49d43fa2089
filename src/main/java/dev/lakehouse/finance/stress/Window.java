package dev.lakehouse.finance.stress;

import java.util.Objects;

/**
 * Which stretch of the price history a {@link Scenario.HistoricalWindow} replays. A window runs from
 * the close of its start day to the close of its end day; its PnL applies each instrument's relative
 * move over that stretch to today's position values (see {@link Scenario.HistoricalWindow}).
 */
public sealed interface Window permits Window.Worst, Window.Fixed, Window.Named {

  /** The window in words, e.g. {@code worst 10-day window}. */
  String describe();

  /**
   * The N-trading-day window with the worst PnL for the current positions: over every start day s of
   * the history with a close N trading days later, the move from the close of day s to the close of
   * day s + N (N daily moves, N + 1 closes). Windows overlap. Ties go to the earliest window.
   *
   * @param days N, at least 1; {@value #DEFAULT_DAYS} in the default library
   */
  record Worst(int days) implements Window {
    /** Controls how long the worst window of the default library is: 10 trading days, the regulatory horizon. */
    public static final int DEFAULT_DAYS = 10;

    public Worst {
      if (days < 1) {
        throw new IllegalArgumentException(String.format("Invalid worst window of %d days: must be at least 1", days));
      }
    }

    @Override
    public String describe() {
      return "worst " + days + "-day window";
    }
  }

  /**
   * A fixed span of dates. Its ends need not be trading days: the window starts at the last close on
   * or before {@code from} and ends at the last close on or before {@code to}; both must lie inside
   * the history and be different days.
   */
  record Fixed(DateRange range) implements Window {
    public Fixed {
      Objects.requireNonNull(range, "range");
    }

    @Override
    public String describe() {
      return "window " + range;
    }
  }

  /**
   * A placeholder for a window whose dates are known only at run time, e.g. {@code crash}: the caller
   * passes the dates with {@link StressTest#withNamedWindows}, and they are then used as a {@link Fixed}
   * window.
   *
   * @param name lower case, digits, '_' and '-'
   */
  record Named(String name) implements Window {
    public Named {
      if (name == null || !ScenarioNames.NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(String.format(
            "Invalid window name '%s': use lower-case letters, digits, '_' and '-'", name));
      }
    }

    @Override
    public String describe() {
      return "window " + name;
    }
  }
}
