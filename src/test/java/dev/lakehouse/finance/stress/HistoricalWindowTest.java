package dev.lakehouse.finance.stress;

import static dev.lakehouse.finance.stress.Fixtures.equity;
import static dev.lakehouse.finance.stress.Fixtures.weekdays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Historical windows: PnL = quantity x price_now x (close_end / close_start - 1), per instrument. */
class HistoricalWindowTest {
  private static final double CENT = 1e-9;

  // 25 weekdays: index 0-4 = Jan 1-5, 5-9 = Jan 8-12, 10-14 = Jan 15-19, 15-19 = Jan 22-26, 20-24 = Jan 29-Feb 2
  private static final List<LocalDate> DAYS = weekdays(LocalDate.of(2024, 1, 1), 25);

  // A: 100 up to index 5 (Jan 8), down 4 a day to 60 at index 15 (Jan 22), back up 4 a day to 96 at index 24
  private static final double[] A = {
      100, 100, 100, 100, 100, 100, 96, 92, 88, 84, 80, 76, 72, 68, 64, 60, 64, 68, 72, 76, 80, 84, 88, 92, 96};
  // B: 50, halving at index 18 (Jan 25): a deeper fall in percent than A's, on a small position
  private static final double[] B = {
      50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 25, 25, 25, 25, 25, 25, 25};

  private static final PriceHistory HISTORY = PriceHistory.of(DAYS, Map.of("A", A, "B", B));

  // A: 10 x 96 = 960 today; B: 4 x 25 = 100 today
  private static final List<PositionValue> POSITIONS = List.of(equity("p1", "A", 10, 96), equity("p1", "B", 4, 25));

  @Test
  void worstTenDayWindowIsThePortfoliosWorst() {
    // windows s -> s + 10 for s = 0..14. s = 5 (Jan 8 -> Jan 22): A 100 -> 60, -40% of 960 = -384; B flat.
    // Neighbours are milder: s = 4: A 100 -> 64, -345.6; s = 6: A 96 -> 64, -320.
    // B's -50% window (s = 8: B 50 -> 25, -50; A 88 -> 72, -174.55) totals only -224.55.
    StressResult result = run(worst(10));

    assertThat(result.window()).contains(new DateRange(LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 22)));
    assertThat(result.pnl()).isCloseTo(-384, within(CENT));
    assertThat(result.pnlByInstrument().get("A")).isCloseTo(-384, within(CENT));
    assertThat(result.pnlByInstrument().get("B")).isZero();
    assertThat(result.kind()).isEqualTo(ScenarioKind.HISTORICAL);
    assertThat(result.detail()).isEqualTo("worst 10-day window of 25 trading days (15 windows): closes of 2024-01-08 "
        + "to 2024-01-22 (10 trading days), relative moves applied to today's prices");
  }

  @Test
  void tiedWindowsGoToTheEarliest() {
    // 2-day windows: s = 0 (200 -> 180) and s = 3 (400 -> 360) both fall 10%, s = 1 and 2 rise; s = 0 wins:
    // Jan 1 -> Jan 3. 1 x 360 x -0.10 = -36
    PriceHistory history = PriceHistory.of(weekdays(LocalDate.of(2024, 1, 1), 6), Map.of("A", new double[] {200, 190, 180, 400, 380, 360}));

    StressResult result = run(worst(2), List.of(equity("p1", "A", 1, 360)), history);

    assertThat(result.window()).contains(new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 3)));
    assertThat(result.pnl()).isCloseTo(-36, within(CENT));
  }

  @Test
  void aStrictlyWorseLaterWindowWins() {
    // as above, but the second fall is 400 -> 356, -11%: Jan 4 -> Jan 8 (index 3 -> 5); 1 x 356 x -0.11 = -39.16
    PriceHistory history = PriceHistory.of(weekdays(LocalDate.of(2024, 1, 1), 6), Map.of("A", new double[] {200, 190, 180, 400, 380, 356}));

    StressResult result = run(worst(2), List.of(equity("p1", "A", 1, 356)), history);

    assertThat(result.window()).contains(new DateRange(LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 8)));
    assertThat(result.pnl()).isCloseTo(-39.16, within(CENT));
  }

  @Test
  void fixedWindowOnTradingDays() {
    StressResult result = run(new Scenario.HistoricalWindow("fixed", "", new Window.Fixed(
        new DateRange(LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 22)))));

    assertThat(result.pnl()).isCloseTo(-384, within(CENT));
    assertThat(result.window()).contains(new DateRange(LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 22)));
  }

  @Test
  void fixedWindowEndsSnapToTheLastCloseOnOrBefore() {
    // Sat Jan 6 -> Fri Jan 5 (index 4: A 100, B 50); Sun Jan 21 -> Fri Jan 19 (index 14: A 64, B 50)
    // A: 960 x (64 / 100 - 1) = -345.6; B: 0
    StressResult result = run(new Scenario.HistoricalWindow("fixed", "", new Window.Fixed(weekend())));

    assertThat(result.pnl()).isCloseTo(-345.6, within(CENT));
    assertThat(result.window()).contains(new DateRange(LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 19)));
    assertThat(result.detail()).isEqualTo("window 2024-01-06 to 2024-01-21: closes of 2024-01-05 to 2024-01-19 "
        + "(10 trading days), relative moves applied to today's prices");
  }

  @Test
  void namedWindowTakesItsDatesAtRunTime() {
    Scenario crash = new Scenario.HistoricalWindow("historical_crash", "", new Window.Named("crash"));

    StressResult result = StressTest.run(crash, POSITIONS, HISTORY, Map.of("crash", weekend()));

    assertThat(result.pnl()).isCloseTo(-345.6, within(CENT));
    assertThat(result.detail()).startsWith("window crash 2024-01-06 to 2024-01-21: closes of 2024-01-05 to 2024-01-19");
  }

  @Test
  void namedWindowWithoutDatesIsAnError() {
    Scenario crash = new Scenario.HistoricalWindow("historical_crash", "", new Window.Named("crash"));

    assertThatThrownBy(() -> run(crash))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot run scenario 'historical_crash': window 'crash' has no dates; "
            + "pass them with StressTest.withNamedWindows (given: none)");
  }

  @Test
  void windowOutsideTheHistoryIsAnError() {
    Scenario early = new Scenario.HistoricalWindow("early", "", new Window.Fixed(
        new DateRange(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 1, 10))));

    assertThatThrownBy(() -> run(early))
        .hasMessage("Cannot run scenario 'early' (window 2023-12-01 to 2024-01-10): the price history covers 2024-01-01 to 2024-02-02");
  }

  @Test
  void windowWithoutAMoveIsAnError() {
    // Sat Jan 6 and Sun Jan 7 both fall back to Fri Jan 5
    Scenario weekendOnly = new Scenario.HistoricalWindow("weekend", "", new Window.Fixed(
        new DateRange(LocalDate.of(2024, 1, 6), LocalDate.of(2024, 1, 7))));

    assertThatThrownBy(() -> run(weekendOnly))
        .hasMessage("Cannot run scenario 'weekend' (window 2024-01-06 to 2024-01-07): no trading day closes inside it, "
            + "both ends fall on the close of 2024-01-05");
  }

  @Test
  void tooShortAHistoryIsAnError() {
    // 25 closes hold 24 daily moves: no 25-day window
    assertThatThrownBy(() -> run(worst(25)))
        .hasMessage("Cannot run scenario 'worst' (worst 25-day window): the price history has 25 trading days, need at least 26");
  }

  @Test
  void anInstrumentWithoutHistoryIsAnError() {
    List<PositionValue> positions = List.of(equity("p1", "A", 10, 96), equity("p1", "C", 1, 10));

    assertThatThrownBy(() -> run(worst(10), positions, HISTORY))
        .hasMessageStartingWith("Cannot run scenario 'worst': no price history for instrument C (the history has ");
  }

  private static DateRange weekend() {
    return new DateRange(LocalDate.of(2024, 1, 6), LocalDate.of(2024, 1, 21));
  }

  private static Scenario worst(int days) {
    return new Scenario.HistoricalWindow("worst", "", new Window.Worst(days));
  }

  private static StressResult run(Scenario scenario) {
    return run(scenario, POSITIONS, HISTORY);
  }

  private static StressResult run(Scenario scenario, List<PositionValue> positions, PriceHistory history) {
    return StressTest.defaults().run(scenario, positions, history);
  }
}
