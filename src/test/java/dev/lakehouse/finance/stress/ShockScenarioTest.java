package dev.lakehouse.finance.stress;

import static dev.lakehouse.finance.stress.Fixtures.aapl;
import static dev.lakehouse.finance.stress.Fixtures.eurusd;
import static dev.lakehouse.finance.stress.Fixtures.jpm;
import static dev.lakehouse.finance.stress.Fixtures.position;
import static dev.lakehouse.finance.stress.Fixtures.sap;
import static dev.lakehouse.finance.stress.Fixtures.tlt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hypothetical shocks: value x (product of (1 + move) over the rules hitting the position) - value. */
class ShockScenarioTest {
  private static final double CENT = 1e-9;

  @Test
  void equityMinusTwentyOnTwoPositions() {
    // AAPL 20,000 x -0.20 = -4,000; JPM 7,500 x -0.20 = -1,500; total -5,500 of 27,500
    StressResult result = run(shock(ShockRule.assetClass("equity", -0.20)), aapl(), jpm());

    assertThat(result.pnl()).isCloseTo(-5_500, within(CENT));
    assertThat(result.portfolioValue()).isCloseTo(27_500, within(CENT));
    assertThat(result.pnlPct()).isCloseTo(-0.20, within(1e-12));
    assertThat(result.pnlByInstrument()).containsOnlyKeys("AAPL", "JPM");
    assertThat(result.pnlByInstrument().get("AAPL")).isCloseTo(-4_000, within(CENT));
    assertThat(result.pnlByInstrument().get("JPM")).isCloseTo(-1_500, within(CENT));
    assertThat(result.worstInstrument()).hasValueSatisfying(worst -> assertThat(worst.instrumentId()).isEqualTo("AAPL"));
    assertThat(result.kind()).isEqualTo(ScenarioKind.HYPOTHETICAL);
    assertThat(result.kind().label()).isEqualTo("hypothetical");
    assertThat(result.window()).isEmpty();
    assertThat(result.portfolioId()).isEqualTo("p1");
    assertThat(result.detail()).isEqualTo("asset_class equity -20% (2 positions)");
  }

  @Test
  void sectorShockHitsOnlyThatSector() {
    // technology -40%: AAPL 20,000 -> -8,000; JPM (financials) and TLT (rates) untouched
    StressResult result = run(shock(ShockRule.sector("technology", -0.40)), aapl(), jpm(), tlt());

    assertThat(result.pnl()).isCloseTo(-8_000, within(CENT));
    assertThat(result.pnlByInstrument().keySet()).containsExactly("AAPL", "JPM", "TLT");
    assertThat(result.pnlByInstrument().get("JPM")).isZero();
    assertThat(result.pnlByInstrument().get("TLT")).isZero();
    assertThat(result.detail()).isEqualTo("sector technology -40% (1 position)");
  }

  @Test
  void currencyMoveHitsTheEurStockAndTheEurUsdInstrument() {
    // EUR -15% vs USD: SAP (quoted in EUR) 12,000 -> -1,800; EURUSD (the price of a euro) 11,000 -> -1,650;
    // AAPL (USD) untouched; total -3,450
    StressResult result = run(shock(ShockRule.currency("EUR", -0.15)), aapl(), sap(), eurusd());

    assertThat(result.pnlByInstrument().get("AAPL")).isZero();
    assertThat(result.pnlByInstrument().get("SAP")).isCloseTo(-1_800, within(CENT));
    assertThat(result.pnlByInstrument().get("EURUSD")).isCloseTo(-1_650, within(CENT));
    assertThat(result.pnl()).isCloseTo(-3_450, within(CENT));
    assertThat(result.detail()).isEqualTo("currency EUR -15% vs USD (2 positions)");
  }

  @Test
  void rulesCompoundMultiplicatively() {
    // equity -20%, technology -40%, EUR -15%:
    // AAPL 20,000 x (0.8 x 0.6 - 1)        = -10,400
    // JPM   7,500 x (0.8 - 1)              =  -1,500
    // TLT   9,000                          =       0
    // SAP  12,000 x (0.8 x 0.6 x 0.85 - 1) = 12,000 x (0.408 - 1) = -7,104
    // total -19,004
    Scenario scenario = shock(ShockRule.assetClass("equity", -0.20), ShockRule.sector("technology", -0.40),
        ShockRule.currency("EUR", -0.15));

    StressResult result = run(scenario, aapl(), jpm(), tlt(), sap());

    assertThat(result.pnlByInstrument().get("AAPL")).isCloseTo(-10_400, within(CENT));
    assertThat(result.pnlByInstrument().get("JPM")).isCloseTo(-1_500, within(CENT));
    assertThat(result.pnlByInstrument().get("TLT")).isZero();
    assertThat(result.pnlByInstrument().get("SAP")).isCloseTo(-7_104, within(CENT));
    assertThat(result.pnl()).isCloseTo(-19_004, within(CENT));
    assertThat(result.detail()).isEqualTo(
        "asset_class equity -20% (3 positions); sector technology -40% (2 positions); currency EUR -15% vs USD (1 position)");
  }

  @Test
  void equityCrashWithBondsUp() {
    // AAPL 20,000 x -0.35 = -7,000; TLT 9,000 x +0.05 = +450; total -6,550; the worst is AAPL
    StressResult result = run(shock(ShockRule.assetClass("equity", -0.35), ShockRule.assetClass("bond", 0.05)), aapl(), tlt());

    assertThat(result.pnl()).isCloseTo(-6_550, within(CENT));
    assertThat(result.pnlByInstrument().get("TLT")).isCloseTo(450, within(CENT));
    assertThat(result.worstInstrument()).hasValueSatisfying(worst -> {
      assertThat(worst.instrumentId()).isEqualTo("AAPL");
      assertThat(worst.pnl()).isCloseTo(-7_000, within(CENT));
    });
    assertThat(result.detail()).isEqualTo("asset_class equity -35% (1 position); asset_class bond +5% (1 position)");
  }

  @Test
  void foreignSelectsEveryCurrencyButTheBase() {
    // USD up 10%: SAP 12,000 x -0.10 = -1,200; EURUSD 11,000 x -0.10 = -1,100; AAPL untouched
    StressResult result = run(shock(ShockRule.currency(ShockRule.CURRENCY_FOREIGN, -0.10)), aapl(), sap(), eurusd());

    assertThat(result.pnl()).isCloseTo(-2_300, within(CENT));
    assertThat(result.pnlByInstrument().get("AAPL")).isZero();
  }

  @Test
  void anotherBaseCurrencyMovesTheDollarInstead() {
    // base EUR, prices in EUR: AAPL 100 x 180 = 18,000 EUR falls with USD -10% -> -1,800; SAP (EUR) untouched
    PositionValue apple = position("AAPL", 100, 180, "USD", "equity", "technology");
    PositionValue sap = position("SAP", 50, 220, "EUR", "equity", "technology");

    StressResult result = StressTest.inBaseCurrency("EUR")
        .run(shock(ShockRule.currency("USD", -0.10)), List.of(apple, sap), PriceHistory.empty());

    assertThat(result.pnlByInstrument().get("AAPL")).isCloseTo(-1_800, within(CENT));
    assertThat(result.pnlByInstrument().get("SAP")).isZero();
    assertThat(result.detail()).isEqualTo("currency USD -10% vs EUR (1 position)");
  }

  @Test
  void movingTheBaseCurrencyAgainstItselfIsAnError() {
    assertThatThrownBy(() -> run(shock(ShockRule.currency("usd", -0.10)), aapl()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot run scenario 'test_shock': rule 'currency USD -10% vs USD' moves the base currency "
            + "against itself; name a foreign currency or use foreign");
  }

  @Test
  void allMovesEveryPositionAndMatchingIgnoresCase() {
    // all -10% on 20,000 + 9,000; Equity matches equity
    StressResult all = run(shock(ShockRule.all(-0.10)), aapl(), tlt());
    StressResult upperCase = run(shock(ShockRule.assetClass("Equity", -0.10)), aapl(), tlt());

    assertThat(all.pnl()).isCloseTo(-2_900, within(CENT));
    assertThat(upperCase.pnl()).isCloseTo(-2_000, within(CENT));
  }

  @Test
  void aRuleHittingNothingShowsInTheDetail() {
    StressResult result = run(shock(ShockRule.sector("tecnology", -0.40)), aapl());

    assertThat(result.pnl()).isZero();
    assertThat(result.worstInstrument()).isEmpty();
    assertThat(result.detail()).isEqualTo("sector tecnology -40% (0 positions: no position has sector tecnology "
        + "(held: technology))");
  }

  @Test
  void anFxPositionMovesWithItsFxCurrencyWhateverItsIdAndAnUnknownOneIsNamed() {
    // 10,000 EUR held through an instrument called EUR-CASH, 1.10 USD each: EUR -15% -> -1,650
    PositionValue euroCash = new PositionValue("p1", "EUR-CASH", 10_000, 1.10, "USD", "fx", "currency", "EUR");
    // an fx instrument whose currency is not known: no currency rule can move it, and the result says so
    PositionValue unknown = new PositionValue("p1", "FWD-1", 1_000, 1.0, "USD", "fx", "currency", null);

    StressResult result = run(shock(ShockRule.currency("EUR", -0.15)), aapl(), euroCash, unknown);

    assertThat(result.pnlByInstrument().get("EUR-CASH")).isCloseTo(-1_650, within(CENT));
    assertThat(result.pnlByInstrument().get("FWD-1")).isZero();
    assertThat(result.detail()).isEqualTo("currency EUR -15% vs USD (1 position); not moved by currency rules: FWD-1 (fx "
        + "instrument without fx_currency in silver.finance_instruments: the currency it prices is unknown)");
    // a rule on a currency nothing is exposed to says which currencies are
    assertThat(run(shock(ShockRule.currency("GBP", -0.10)), aapl(), euroCash).detail())
        .isEqualTo("currency GBP -10% vs USD (0 positions: no position is exposed to GBP (exposed currencies: EUR))");
  }

  @Test
  void lotsOfOneInstrumentAreSummed() {
    // 20,000 + 10,000 long, -20% -> -6,000 under one key
    PositionValue secondLot = position("AAPL", 50, 200, "USD", "equity", "technology");

    StressResult result = run(shock(ShockRule.assetClass("equity", -0.20)), aapl(), secondLot);

    assertThat(result.pnlByInstrument()).containsOnlyKeys("AAPL");
    assertThat(result.pnlByInstrument().get("AAPL")).isCloseTo(-6_000, within(CENT));
  }

  @Test
  void aShortPositionGainsWhenPricesFall() {
    // -100 x 200 = -20,000 of value; -20% -> +4,000
    PositionValue shortApple = position("AAPL", -100, 200, "USD", "equity", "technology");

    StressResult result = run(shock(ShockRule.assetClass("equity", -0.20)), shortApple);

    assertThat(result.pnl()).isCloseTo(4_000, within(CENT));
    assertThat(result.pnlPct()).isCloseTo(-0.20, within(1e-12));
  }

  @Test
  void ruleValuesAreChecked() {
    assertThatThrownBy(() -> ShockRule.sector("technology", -1))
        .hasMessage("Invalid move -1.0 for sector technology: must be a finite fraction greater than -1 (-0.20 is a 20% fall)");
    assertThatThrownBy(() -> ShockRule.currency("EURO", -0.1))
        .hasMessage("Invalid currency 'EURO': must be a 3-letter ISO 4217 code such as EUR, or foreign (every currency but the base)");
    assertThat(ShockRule.currency("eur", -0.1).value()).isEqualTo("EUR");
  }

  private static Scenario.Shock shock(ShockRule... rules) {
    return new Scenario.Shock("test_shock", "", List.of(rules));
  }

  private static StressResult run(Scenario scenario, PositionValue... positions) {
    return StressTest.run(scenario, List.of(positions), PriceHistory.empty(), Map.of());
  }
}
