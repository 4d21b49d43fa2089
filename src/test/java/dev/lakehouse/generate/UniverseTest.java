package dev.lakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.generate.Instrument.AssetClass;
import dev.lakehouse.generate.Instrument.Sector;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UniverseTest {
  @Test
  void theIntradayInstrumentsAreTheOnesTheTickStreamTicksInItsOrder() {
    List<GeneratedRecord> ticks = new ArrayList<>();
    new PriceGenerator(new SplittableRandom(1), new TimeFormats(LocalDate.of(2026, 11, 21)), 1).ticks(0, ticks);
    List<String> ticked = ticks.stream().map(t -> new String(t.key(), StandardCharsets.UTF_8)).toList();
    assertThat(ticked).isEqualTo(ids(Universe.intraday())).hasSize(PriceGenerator.INSTRUMENT_COUNT).hasSize(20);
  }

  @Test
  void theDailyUniverseAddsGbpUsdToTheIntradayOne() {
    assertThat(Universe.instruments()).startsWith(Universe.intraday().toArray(Instrument[]::new)).hasSize(21);
    assertThat(Universe.instruments().get(20).id()).isEqualTo("GBPUSD");
    assertThat(ids(Universe.instruments())).doesNotHaveDuplicates();
  }

  @Test
  void everyCurrencyHasAUsdPair() {
    assertThat(Universe.instruments()).extracting(Instrument::currency).containsOnly("USD", "EUR", "GBP");
    assertThat(Universe.instruments()).filteredOn(i -> !i.currency().equals("USD"))
        .allSatisfy(i -> assertThat(Universe.instrument(i.currency() + "USD").assetClass()).isEqualTo(AssetClass.FX));
  }

  @Test
  void sectorsAgreeWithAssetClasses() {
    assertThat(Universe.instruments()).allSatisfy(i -> {
      switch (i.assetClass()) {
        case FX -> assertThat(i.sector()).isEqualTo(Sector.CURRENCY);
        case BOND -> assertThat(i.sector()).isEqualTo(Sector.RATES);
        case EQUITY -> assertThat(i.sector()).isNotIn(Sector.CURRENCY, Sector.RATES);
      }
    });
    assertThat(Universe.instrument("XOM").sector().label()).isEqualTo("energy");
    assertThat(Universe.instrument("TLT").assetClass().label()).isEqualTo("bond");
  }

  @Test
  void rejectsAnUnknownInstrumentAndANonPositiveStartPrice() {
    assertThatThrownBy(() -> Universe.instrument("IBM")).hasMessageStartingWith("Cannot find instrument 'IBM': the universe holds [AAPL,");
    assertThatThrownBy(() -> new Instrument("X", "X", AssetClass.EQUITY, Sector.ENERGY, "USD", 1, 0.01, 0, 2))
        .hasMessage("Invalid start price 0.0 of X: must be positive");
  }

  private static List<String> ids(List<Instrument> instruments) {
    return instruments.stream().map(Instrument::id).toList();
  }
}
