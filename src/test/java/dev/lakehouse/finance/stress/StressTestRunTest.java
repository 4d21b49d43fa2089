package dev.lakehouse.finance.stress;

import static dev.lakehouse.finance.stress.Fixtures.equity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Running scenarios: one portfolio per run, every portfolio with runAll, settings checked. */
class StressTestRunTest {
  private static final Scenario EQUITY_DOWN = new Scenario.Shock("equity_down", "", List.of(ShockRule.assetClass("equity", -0.20)));
  private static final Scenario ALL_UP = new Scenario.Shock("all_up", "", List.of(ShockRule.all(0.10)));

  @Test
  void runAllGivesOneResultPerPortfolioAndScenario() {
    // beta: 10 x 100 = 1,000; alpha: 20 x 50 + 5 x 40 = 1,200; portfolios in id order, scenarios in the given order
    List<PositionValue> positions = List.of(equity("beta", "X", 10, 100), equity("alpha", "Y", 20, 50), equity("alpha", "Z", 5, 40));

    List<StressResult> results = StressTest.defaults().runAll(List.of(EQUITY_DOWN, ALL_UP), positions, PriceHistory.empty());

    assertThat(results).extracting(StressResult::portfolioId, StressResult::scenarioName)
        .containsExactly(tuple("alpha", "equity_down"), tuple("alpha", "all_up"), tuple("beta", "equity_down"), tuple("beta", "all_up"));
    assertThat(results.get(0).pnl()).isCloseTo(-240, within(1e-9));
    assertThat(results.get(1).pnl()).isCloseTo(120, within(1e-9));
    assertThat(results.get(2).pnl()).isCloseTo(-200, within(1e-9));
    assertThat(results.get(3).portfolioValue()).isCloseTo(1_000, within(1e-9));
  }

  @Test
  void oneRunTakesOnePortfolio() {
    List<PositionValue> mixed = List.of(equity("alpha", "X", 1, 10), equity("beta", "Y", 1, 10));

    assertThatThrownBy(() -> StressTest.defaults().run(EQUITY_DOWN, mixed, PriceHistory.empty()))
        .hasMessage("Cannot stress the positions of several portfolios at once (alpha, beta): pass one portfolio's positions, or use runAll");
    assertThatThrownBy(() -> StressTest.defaults().run(EQUITY_DOWN, List.of(), PriceHistory.empty()))
        .hasMessage("Cannot stress an empty portfolio: pass at least one position");
  }

  @Test
  void settingsAreChecked() {
    assertThat(StressTest.defaults().baseCurrency()).isEqualTo("USD");
    assertThatThrownBy(() -> StressTest.inBaseCurrency("usd"))
        .hasMessage("Invalid base currency 'usd': must be a 3-letter upper-case ISO 4217 code such as USD");
    assertThatThrownBy(() -> new PositionValue("p1", "X", 1, 0, "USD", "equity", "technology"))
        .hasMessage("Invalid price 0.0 of X in portfolio p1: must be positive and finite");
  }

  @Test
  void pnlPctOfAPortfolioWorthNothingIsNaN() {
    // long 1,000 and short 1,000 of different stocks: worth 0
    List<PositionValue> flat = List.of(equity("p1", "X", 10, 100), equity("p1", "Y", -10, 100));

    StressResult result = StressTest.defaults().run(EQUITY_DOWN, flat, PriceHistory.empty());

    assertThat(result.portfolioValue()).isZero();
    assertThat(result.pnlPct()).isNaN();
  }
}
