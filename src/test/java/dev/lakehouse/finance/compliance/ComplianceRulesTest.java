package dev.lakehouse.finance.compliance;

import static dev.lakehouse.finance.compliance.Payments.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Defaults, the boundaries of "large" and "just below", and the messages of invalid settings. */
class ComplianceRulesTest {
  private static final ComplianceRules DEFAULTS = ComplianceRules.defaults();

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertThat(DEFAULTS.reportingThreshold()).isEqualByComparingTo("10000");
    assertThat(DEFAULTS.thresholdsByCurrency()).isEmpty();
    assertThat(DEFAULTS.justBelowFloorFor("EUR")).isEqualByComparingTo("8000");
    assertThat(DEFAULTS.structuringWindow()).isEqualTo(Duration.ofHours(24));
    assertThat(DEFAULTS.structuringMinCount()).isEqualTo(3);
    assertThat(DEFAULTS.sanctionsMatchThreshold()).isEqualTo(0.92);
  }

  @Test
  void largeFromTheThresholdUp() {
    assertThat(DEFAULTS.isLarge(eur("p1", 0, "9999.99"))).isFalse();
    assertThat(DEFAULTS.isLarge(eur("p1", 0, "10000.00"))).isTrue();
    assertThat(DEFAULTS.isLarge(eur("p1", 0, "10000.01"))).isTrue();
  }

  @Test
  void justBelowIsFromEightyPercentUpToButExcludingTheThreshold() {
    assertThat(DEFAULTS.isJustBelow(eur("p1", 0, "7999.99"))).isFalse();
    assertThat(DEFAULTS.isJustBelow(eur("p1", 0, "8000.00"))).isTrue();
    assertThat(DEFAULTS.isJustBelow(eur("p1", 0, "9999.99"))).isTrue();
    assertThat(DEFAULTS.isJustBelow(eur("p1", 0, "10000.00"))).isFalse();
  }

  @Test
  void aCurrencyThresholdReplacesTheDefaultForThatCurrencyOnly() {
    ComplianceRules rules = DEFAULTS.withThresholdFor("GBP", new BigDecimal("8500"));

    assertThat(rules.thresholdFor("GBP")).isEqualByComparingTo("8500");
    assertThat(rules.justBelowFloorFor("GBP")).isEqualByComparingTo("6800");
    assertThat(rules.thresholdFor("USD")).isEqualByComparingTo("10000");
  }

  @Test
  void currencyThresholdsAreACopyInCodeOrder() {
    Map<String, BigDecimal> thresholds = new HashMap<>(Map.of("USD", BigDecimal.TEN, "GBP", BigDecimal.ONE));
    ComplianceRules rules = new ComplianceRules(BigDecimal.TEN, thresholds, new BigDecimal("0.8"), Duration.ofHours(1), 3, 0.9);
    thresholds.put("EUR", BigDecimal.TEN);

    assertThat(rules.thresholdsByCurrency()).containsOnlyKeys("GBP", "USD");
    assertThat(rules.thresholdsByCurrency().keySet()).containsExactly("GBP", "USD");
  }

  @Test
  void rejectsAThresholdThatIsNotPositive() {
    assertThatThrownBy(() -> DEFAULTS.withReportingThreshold(BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid reportingThreshold 0: must be greater than 0");
    assertThatThrownBy(() -> DEFAULTS.withReportingThreshold(null))
        .hasMessage("Invalid reportingThreshold: must not be null");
  }

  @Test
  void rejectsACurrencyThresholdWithABadCodeOrAmount() {
    assertThatThrownBy(() -> DEFAULTS.withThresholdFor("gbp", BigDecimal.TEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid thresholdsByCurrency key 'gbp': must be an ISO 4217 code of three capital letters, e.g. EUR");
    assertThatThrownBy(() -> DEFAULTS.withThresholdFor("GBP", new BigDecimal("-5")))
        .hasMessage("Invalid thresholdsByCurrency[GBP] -5: must be greater than 0");
  }

  @Test
  void rejectsAJustBelowFractionOutsideZeroToOne() {
    assertThatThrownBy(() -> DEFAULTS.withJustBelowFraction(BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid justBelowFraction 1: must be a fraction of the threshold in (0, 1), e.g. 0.80");
    assertThatThrownBy(() -> DEFAULTS.withJustBelowFraction(new BigDecimal("0.00")))
        .hasMessage("Invalid justBelowFraction 0.00: must be a fraction of the threshold in (0, 1), e.g. 0.80");
  }

  @Test
  void rejectsAnEmptyOrNegativeWindow() {
    assertThatThrownBy(() -> DEFAULTS.withStructuringWindow(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid structuringWindow PT0S: must be longer than 0, e.g. PT24H");
    assertThatThrownBy(() -> DEFAULTS.withStructuringWindow(Duration.ofHours(-1)))
        .hasMessage("Invalid structuringWindow PT-1H: must be longer than 0, e.g. PT24H");
  }

  @Test
  void rejectsAMinimumCountBelowTwo() {
    assertThatThrownBy(() -> DEFAULTS.withStructuringMinCount(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid structuringMinCount 1: must be at least 2,"
            + " since one payment below the threshold cannot sum above it");
  }

  @Test
  void rejectsASanctionsThresholdOutsideZeroToOne() {
    assertThatThrownBy(() -> DEFAULTS.withSanctionsMatchThreshold(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid sanctionsMatchThreshold 0.0: must be a similarity in (0, 1], e.g. 0.92");
    assertThatThrownBy(() -> DEFAULTS.withSanctionsMatchThreshold(Double.NaN))
        .hasMessage("Invalid sanctionsMatchThreshold NaN: must be a similarity in (0, 1], e.g. 0.92");
    assertThat(DEFAULTS.withSanctionsMatchThreshold(1).sanctionsMatchThreshold()).isEqualTo(1.0);
  }
}
