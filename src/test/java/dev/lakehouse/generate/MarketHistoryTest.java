package dev.lakehouse.generate;

import static dev.lakehouse.generate.ReturnStatistics.correlation;
import static dev.lakehouse.generate.ReturnStatistics.equityBasketMove;
import static dev.lakehouse.generate.ReturnStatistics.equityBasketReturns;
import static dev.lakehouse.generate.ReturnStatistics.equityIds;
import static dev.lakehouse.generate.ReturnStatistics.kurtosis;
import static dev.lakehouse.generate.ReturnStatistics.returns;
import static dev.lakehouse.generate.ReturnStatistics.slice;
import static dev.lakehouse.generate.ReturnStatistics.standardDeviation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MarketHistoryTest {
  private static final LocalDate FROM = LocalDate.of(2023, 1, 2);
  private static final LocalDate TO = LocalDate.of(2025, 12, 31);
  private static final MarketHistory HISTORY = MarketHistory.of(42, FROM, TO);
  private static final int PEAK = MarketHistory.CRASH_PEAK_DAY;
  private static final int TROUGH = PEAK + MarketHistory.CRASH_DAYS;

  @Test
  void theSameSeedAndRangeGiveTheSameCloses() {
    assertThat(MarketHistory.of(42, FROM, TO).closes()).isDeepEqualTo(HISTORY.closes());
  }

  @Test
  void anotherSeedGivesOtherCloses() {
    double[][] closes = HISTORY.closes();
    double[][] other = MarketHistory.of(43, FROM, TO).closes();
    long sameCloses = IntStream.range(1, other.length).filter(t -> Arrays.equals(other[t], closes[t])).count();
    assertThat(sameCloses).isZero();
  }

  @Test
  void aLaterEndOnlyAppendsDays() {
    MarketHistory shorter = MarketHistory.of(42, FROM, LocalDate.of(2024, 6, 28));
    int days = shorter.tradingDays().size();
    assertThat(HISTORY.tradingDays().subList(0, days)).isEqualTo(shorter.tradingDays());
    assertThat(Arrays.copyOfRange(HISTORY.closes(), 0, days)).isDeepEqualTo(shorter.closes());
  }

  @Test
  void tradingDaysAreEveryWeekdayOfTheRange() {
    List<LocalDate> weekdays = FROM.datesUntil(TO.plusDays(1))
        .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
        .toList();
    assertThat(HISTORY.tradingDays()).isEqualTo(weekdays).hasSize(783);
    assertThat(MarketHistory.of(1, LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 2)).tradingDays()).isEmpty();
  }

  @Test
  void theFirstDayClosesAtTheStartPrices() {
    assertThat(HISTORY.closes()[0]).containsExactly(Universe.instruments().stream().mapToDouble(Instrument::startPrice).toArray());
  }

  @Test
  void everyCloseIsPositiveWithTheInstrumentsDecimals() {
    HISTORY.forEach(row -> {
      assertThat(row.close()).as("close of %s on %s", row.instrumentId(), row.day()).isPositive();
      assertThat(BigDecimal.valueOf(row.close()).stripTrailingZeros().scale())
          .isLessThanOrEqualTo(Universe.instrument(row.instrumentId()).decimals());
    });
  }

  @Test
  void forEachGivesOneRowPerDayAndInstrumentInItsCurrency() {
    List<MarketHistory.DailyClose> rows = new ArrayList<>();
    HISTORY.forEach(rows::add);
    assertThat(rows).hasSize(783 * 21);
    assertThat(rows.get(21 * 5 + 18)).isEqualTo(new MarketHistory.DailyClose(HISTORY.tradingDays().get(5), "TLT",
        HISTORY.close("TLT", HISTORY.tradingDays().get(5)), "USD"));
    assertThat(rows).allMatch(row -> row.currency().equals(Universe.instrument(row.instrumentId()).currency()));
  }

  @Test
  void equitiesMoveTogether() {
    List<double[]> equities = equityIds().stream().map(id -> returns(HISTORY, id)).toList();
    double sum = 0;
    int pairs = 0;
    for (int a = 0; a < equities.size(); a++) {
      for (int b = a + 1; b < equities.size(); b++) {
        sum += correlation(equities.get(a), equities.get(b));
        pairs++;
      }
    }
    assertThat(sum / pairs).isGreaterThan(0.3);
  }

  @Test
  void equityReturnsHaveFatTails() {
    assertThat(kurtosis(equityBasketReturns(HISTORY))).isGreaterThan(5);
    assertThat(equityIds()).allSatisfy(id -> assertThat(kurtosis(returns(HISTORY, id))).as("kurtosis of %s", id).isGreaterThan(3));
  }

  @Test
  void volatilityClusters() {
    double[] magnitudes = Arrays.stream(equityBasketReturns(HISTORY)).map(Math::abs).toArray();
    double[] calm = slice(magnitudes, 0, PEAK);
    assertThat(correlation(slice(calm, 0, calm.length - 1), slice(calm, 1, calm.length))).isGreaterThan(0.1);
  }

  @Test
  void theCrashFallsFromTheThreeHundredthDayForFifteenDays() {
    MarketHistory.Window crash = HISTORY.crashWindow().orElseThrow();
    assertThat(crash).isEqualTo(new MarketHistory.Window(HISTORY.tradingDays().get(300), HISTORY.tradingDays().get(315)));
    assertThat(equityBasketMove(HISTORY, crash)).isBetween(-0.31, -0.25);
  }

  @Test
  void theCrashFallsWithinTheDocumentedRangeForTwentySeeds() {
    for (long seed = 1; seed <= 20; seed++) {
      MarketHistory history = MarketHistory.of(seed, FROM, LocalDate.of(2024, 6, 28));
      assertThat(equityBasketMove(history, history.crashWindow().orElseThrow())).as("seed %s", seed).isBetween(-0.31, -0.25);
    }
  }

  @Test
  void theCrashIsAboutThreeTimesAsVolatileAsTheYearBefore() {
    double[] basket = equityBasketReturns(HISTORY);
    double calm = standardDeviation(slice(basket, PEAK - 250, PEAK));
    double crash = standardDeviation(slice(basket, PEAK, TROUGH));
    assertThat(crash / calm).isBetween(2.0, 5.0);
  }

  @Test
  void treasuriesRallyAgainstEquitiesInTheCrash() {
    MarketHistory.Window crash = HISTORY.crashWindow().orElseThrow();
    double[] basket = slice(equityBasketReturns(HISTORY), PEAK, TROUGH);
    assertThat(correlation(slice(returns(HISTORY, "TLT"), PEAK, TROUGH), basket)).isLessThan(-0.3);
    assertThat(correlation(slice(returns(HISTORY, "IEF"), PEAK, TROUGH), basket)).isLessThan(-0.3);
    assertThat(HISTORY.close("TLT", crash.last())).isGreaterThan(HISTORY.close("TLT", crash.first()));
  }

  @Test
  void theWorstTenDaysOfTheEquityPortfolioOverlapTheCrash() {
    List<LocalDate> days = HISTORY.tradingDays();
    double[] values = days.stream().mapToDouble(d -> Portfolios.marketValueUsd(Portfolios.GLOBAL_EQUITY, HISTORY, d)).toArray();
    int worst = IntStream.range(0, values.length - 10).boxed()
        .min((a, b) -> Double.compare(values[a + 10] / values[a], values[b + 10] / values[b]))
        .orElseThrow();
    MarketHistory.Window crash = HISTORY.crashWindow().orElseThrow();
    assertThat(days.get(worst + 10)).isAfter(crash.first());
    assertThat(days.get(worst)).isBefore(crash.last());
    assertThat(values[worst + 10] / values[worst] - 1).isLessThan(-0.15);
  }

  @Test
  void aRangeEndingBeforeTheTroughHasNoCrash() {
    assertThat(MarketHistory.of(42, FROM, HISTORY.tradingDays().get(TROUGH - 1)).crashWindow()).isEmpty();
    assertThat(MarketHistory.of(42, FROM, HISTORY.tradingDays().get(TROUGH)).crashWindow()).isPresent();
  }

  @Test
  void convertsCurrenciesWithTheirUsdPairs() {
    LocalDate day = HISTORY.tradingDays().get(400);
    assertThat(HISTORY.usdPerUnit("USD", day)).isEqualTo(1.0);
    assertThat(HISTORY.usdPerUnit("EUR", day)).isEqualTo(HISTORY.close("EURUSD", day));
    assertThat(HISTORY.usdPerUnit("GBP", day)).isEqualTo(HISTORY.close("GBPUSD", day));
    assertThatThrownBy(() -> HISTORY.usdPerUnit("JPY", day))
        .hasMessage("Cannot convert JPY to USD: the universe has no JPYUSD pair");
  }

  @Test
  void rejectsAWeekendAnUnknownInstrumentAndABackwardRange() {
    assertThatThrownBy(() -> HISTORY.close("AAPL", LocalDate.of(2024, 6, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot find closes on 2024-06-01: not a trading day of this history (2023-01-02 to 2025-12-31, Monday to Friday)");
    assertThatThrownBy(() -> HISTORY.close("IBM", FROM)).hasMessageStartingWith("Cannot find instrument 'IBM'");
    assertThatThrownBy(() -> MarketHistory.of(1, TO, FROM)).hasMessageStartingWith("Invalid range 2025-12-31 to 2023-01-02");
  }

  @Test
  void namesItsSource() {
    assertThat(HISTORY.source()).isEqualTo("generated:seed=42");
  }
}
