package dev.lakehouse.logs.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScannerRulesTest {

  @Test
  void defaultsAreTheConfiguredOnes() {
    assertThat(ScannerRules.MIN_DISTINCT_404).isEqualTo(20);
    assertThat(ScannerRules.MIN_FAILED_LOGINS).isEqualTo(10);
  }

  @ParameterizedTest(name = "{0} distinct 404s in {1} requests -> {2}")
  @CsvSource(textBlock = """
      300, 320,    true
      20,  20,     true
      20,  50000,  true
      19,  19,     false
      10,  500,    false
      0,   0,      false
      25,  10,     false
      """)
  void aScannerMissesManyDistinctPaths(long distinct404Paths, long requests, boolean scanner) {
    assertThat(ScannerRules.isScanner(distinct404Paths, requests)).isEqualTo(scanner);
  }

  @Test
  void theScannerThresholdCanBeConfigured() {
    assertThat(ScannerRules.isScanner(5, 5, 5)).isTrue();
    assertThat(ScannerRules.isScanner(4, 100, 5)).isFalse();
    assertThat(ScannerRules.isScanner(30, 100, 50)).isFalse();
  }

  @ParameterizedTest(name = "{0} failed logins -> {1}")
  @CsvSource({"0, false", "5, false", "9, false", "10, true", "2000, true"})
  void aPasswordGuesserFailsManyLogins(long failedLogins, boolean bruteForce) {
    assertThat(ScannerRules.isBruteForce(failedLogins)).isEqualTo(bruteForce);
  }

  @Test
  void theBruteForceThresholdCanBeConfigured() {
    assertThat(ScannerRules.isBruteForce(3, 3)).isTrue();
    assertThat(ScannerRules.isBruteForce(2, 3)).isFalse();
  }
}
