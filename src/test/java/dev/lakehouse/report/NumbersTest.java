package dev.lakehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void displayHasThousandsSeparatorsAndAtMostTwoDecimals() {
    assertThat(Numbers.display(Long.valueOf(1_234_567L))).isEqualTo("1,234,567");
    assertThat(Numbers.display(1_234_567.891)).isEqualTo("1,234,567.89");
    assertThat(Numbers.display(-1234.5)).isEqualTo("-1,234.5");
    assertThat(Numbers.display(1_000_000.0)).isEqualTo("1,000,000");
    assertThat(Numbers.display(Long.valueOf(Long.MAX_VALUE))).isEqualTo("9,223,372,036,854,775,807");
    assertThat(Numbers.display(new BigInteger("123456789012345678901"))).isEqualTo("123,456,789,012,345,678,901");
  }

  @Test
  void displayKeepsThreeSignificantDigitsOfSmallFractions() {
    assertThat(Numbers.display(0.00123456)).isEqualTo("0.00123");
    assertThat(Numbers.display(0.5)).isEqualTo("0.5");
    assertThat(Numbers.display(-0.0421)).isEqualTo("-0.0421");
  }

  @Test
  void displayOfZeroAndMissing() {
    assertThat(Numbers.display(0.0)).isEqualTo("0");
    assertThat(Numbers.display(-0.0)).isEqualTo("0");
    assertThat(Numbers.display(Double.NaN)).isEqualTo("n/a");
    assertThat(Numbers.display((Number) null)).isEqualTo("n/a");
    assertThat(Numbers.display(Double.NEGATIVE_INFINITY)).isEqualTo("-∞");
  }

  @Test
  void rawIsTheExactNumberWithoutSeparatorsOrExponent() {
    assertThat(Numbers.raw(1e6)).isEqualTo("1000000");
    assertThat(Numbers.raw(1_000_000)).isEqualTo("1000000");
    assertThat(Numbers.raw(0.1)).isEqualTo("0.1");
    assertThat(Numbers.raw(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(Numbers.raw(1e-7)).isEqualTo("0.0000001");
    assertThat(Numbers.raw(1e20)).isEqualTo("100000000000000000000");
    assertThat(Numbers.raw(-2.5)).isEqualTo("-2.5");
    assertThat(Numbers.raw(0.1f)).isEqualTo("0.1");
    assertThat(Numbers.raw(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
    assertThat(Numbers.raw(new BigDecimal("12.3400"))).isEqualTo("12.34");
  }

  @Test
  void rawOfZeroAndNonFinite() {
    assertThat(Numbers.raw(-0.0)).isEqualTo("0");
    assertThat(Numbers.raw(new BigDecimal("0.000"))).isEqualTo("0");
    assertThat(Numbers.raw(Double.NaN)).isEqualTo("NaN");
    assertThat(Numbers.raw(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
  }

  @Test
  void coordinatesHaveAtMostTwoDecimalsAndNoNegativeZero() {
    assertThat(Numbers.coordinate(12.5)).isEqualTo("12.5");
    assertThat(Numbers.coordinate(12.0)).isEqualTo("12");
    assertThat(Numbers.coordinate(1.0 / 3)).isEqualTo("0.33");
    assertThat(Numbers.coordinate(-0.001)).isEqualTo("0");
    assertThat(Numbers.coordinate(250)).isEqualTo("250");
  }

  @Test
  void formatsTheSameWhateverTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(Numbers.display(1234.5)).isEqualTo("1,234.5");
      assertThat(Numbers.raw(1234.5)).isEqualTo("1234.5");
      assertThat(Numbers.coordinate(1234.5)).isEqualTo("1234.5");
      assertThat(Scale.covering(0, 0.3).tickLabels()).containsExactly("0.0", "0.1", "0.2", "0.3");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void escapeTurnsMarkupIntoEntities() {
    assertThat(Markup.escape("<a href=\"x\">Tom & Jerry's</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    assertThat(Markup.escape(null)).isEmpty();
  }

  @Test
  void escapeReplacesWhatXmlCannotHoldAndKeepsTheRest() {
    assertThat(Markup.escape("a\u0000b\u001bc\td\n")).isEqualTo("a\uFFFDb\uFFFDc\td\n");
    assertThat(Markup.escape("lone \uD83D surrogate")).isEqualTo("lone \uFFFD surrogate");
    assertThat(Markup.escape("rocket \uD83D\uDE80 · café")).isEqualTo("rocket \uD83D\uDE80 · café");
  }
}
