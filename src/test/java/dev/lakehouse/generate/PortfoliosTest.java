package dev.lakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lakehouse.generate.Instrument.AssetClass;
import dev.lakehouse.generate.Portfolios.Position;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PortfoliosTest {
  private static final LocalDate FROM = LocalDate.of(2023, 1, 2);
  private static final LocalDate TO = LocalDate.of(2025, 12, 31);
  private static final Map<String, List<Position>> BY_PORTFOLIO = Portfolios.positions(FROM).stream()
      .collect(Collectors.groupingBy(Position::portfolioId));

  @Test
  void eachOfTheThreePortfoliosHoldsPositions() {
    assertThat(BY_PORTFOLIO.keySet()).containsExactlyInAnyOrderElementsOf(Portfolios.ids()).hasSize(3);
    assertThat(BY_PORTFOLIO.values()).allSatisfy(positions -> assertThat(positions).isNotEmpty());
  }

  @Test
  void eachPositionIsInItsInstrumentsCurrencyAndUniquePerPortfolio() {
    assertThat(Portfolios.positions(FROM))
        .allMatch(p -> p.currency().equals(Universe.instrument(p.instrumentId()).currency()))
        .allMatch(p -> p.quantity() != 0 && p.quantity() == Math.rint(p.quantity()));
    BY_PORTFOLIO.values().forEach(positions ->
        assertThat(positions).extracting(Position::instrumentId).doesNotHaveDuplicates());
  }

  @Test
  void globalEquityIsLongTenEquitiesSomeInEuroAndPounds() {
    List<Position> positions = BY_PORTFOLIO.get(Portfolios.GLOBAL_EQUITY);
    assertThat(positions).hasSize(10)
        .allMatch(p -> p.quantity() > 0 && assetClass(p) == AssetClass.EQUITY);
    assertThat(positions).extracting(Position::currency).contains("USD", "EUR", "GBP");
  }

  @Test
  void balancedIsSixtyFortyEquitiesAndTreasuriesAtStartPrices() {
    MarketHistory history = MarketHistory.of(42, FROM, TO);
    double total = Portfolios.marketValueUsd(Portfolios.BALANCED, history, FROM);
    double bonds = BY_PORTFOLIO.get(Portfolios.BALANCED).stream()
        .filter(p -> assetClass(p) == AssetClass.BOND)
        .mapToDouble(p -> p.quantity() * history.close(p.instrumentId(), FROM))
        .sum();
    assertThat(total).isCloseTo(10_000_000, within(1_000.0));
    assertThat(bonds / total).isCloseTo(0.40, within(0.001));
  }

  @Test
  void macroIsLongAndShortWithCurrencyAndBonds() {
    List<Position> positions = BY_PORTFOLIO.get(Portfolios.MACRO);
    assertThat(positions).anyMatch(p -> p.quantity() < 0 && assetClass(p) == AssetClass.EQUITY)
        .anyMatch(p -> p.quantity() > 0 && assetClass(p) == AssetClass.EQUITY)
        .anyMatch(p -> p.instrumentId().equals("EURUSD"))
        .anyMatch(p -> assetClass(p) == AssetClass.BOND);
  }

  @Test
  void marketValuesStayBetweenFiveAndFiftyMillionDollars() {
    for (long seed : new long[] {1, 2, 42}) {
      MarketHistory history = MarketHistory.of(seed, FROM, TO);
      for (String portfolio : Portfolios.ids()) {
        assertThat(history.tradingDays()).allSatisfy(day -> assertThat(Portfolios.marketValueUsd(portfolio, history, day))
            .as("%s on %s, seed %s", portfolio, day, seed).isBetween(5e6, 50e6));
      }
    }
  }

  @Test
  void holdingsAreTheSameOnEveryDate() {
    assertThat(Portfolios.positions(LocalDate.of(2025, 6, 30))).isEqualTo(Portfolios.positions(FROM));
  }

  @Test
  void rejectsAnUnknownPortfolioAndAMissingDate() {
    MarketHistory history = MarketHistory.of(42, FROM, FROM);
    assertThatThrownBy(() -> Portfolios.marketValueUsd("carry", history, FROM))
        .hasMessage("Cannot find portfolio 'carry': the portfolios are [global-equity, balanced, macro]");
    assertThatThrownBy(() -> Portfolios.positions(null)).hasMessageStartingWith("Invalid as-of date null");
  }

  private static AssetClass assetClass(Position position) {
    return Universe.instrument(position.instrumentId()).assetClass();
  }
}
