package dev.lakehouse.finance.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Normal forms and similarities; what must match at 0.92 and what must not. */
class NameMatcherTest {
  private static final double THRESHOLD = NameMatcher.DEFAULT_THRESHOLD;

  @Test
  void normalFormsAreLowerCaseSortedTokens() {
    assertThat(NameMatcher.normalise("Ivanov, Ivan")).isEqualTo("ivan ivanov");
    assertThat(NameMatcher.normalise("  IVAN\t  ivanov ")).isEqualTo("ivan ivanov");
  }

  @Test
  void diacriticsAndSpecialLettersBecomeLatin() {
    assertThat(NameMatcher.normalise("Dr. José GARCÍA-López")).isEqualTo("garcia jose lopez");
    assertThat(NameMatcher.normalise("Łukasz Øster-Straße")).isEqualTo("lukasz oster strasse");
    assertThat(NameMatcher.normalise("Ｆｕｌｌｗｉｄｔｈ ﬁsh")).isEqualTo("fish fullwidth");
  }

  @Test
  void cyrillicIsSpelledInLatin() {
    assertThat(NameMatcher.normalise("Иванов Иван")).isEqualTo("ivan ivanov");
    assertThat(NameMatcher.normalise("Сергей Щукин")).isEqualTo("sergei shchukin");
  }

  @Test
  void honorificsLegalFormsAndArticlesAreDropped() {
    assertThat(NameMatcher.normalise("Mr. John O'Brien")).isEqualTo("john obrien");
    assertThat(NameMatcher.normalise("Müller GmbH")).isEqualTo("muller");
    assertThat(NameMatcher.normalise("The Global Trade Company Ltd.")).isEqualTo("global trade");
    assertThat(NameMatcher.normalise("Banco Rio S.A.")).isEqualTo("banco rio");
  }

  @Test
  void aNameMadeOnlyOfDroppedWordsKeepsThem() {
    assertThat(NameMatcher.normalise("The Company")).isEqualTo("company the");
  }

  @Test
  void nothingLeftIsAnEmptyFormThatMatchesNothing() {
    assertThat(NameMatcher.normalise(null)).isEmpty();
    assertThat(NameMatcher.normalise(" ,.; ")).isEmpty();
    assertThat(NameMatcher.similarity("", "")).isZero();
    assertThat(NameMatcher.similarity(null, "Ivan Ivanov")).isZero();
  }

  @Test
  void orderPunctuationAndCaseDoNotMatter() {
    assertThat(NameMatcher.similarity("Ivanov, Ivan", "Ivan IVANOV")).isEqualTo(1.0);
    assertThat(NameMatcher.similarity("Mr. John O'Brien", "OBRIEN, John")).isEqualTo(1.0);
  }

  @Test
  void transliterationsMatch() {
    assertThat(NameMatcher.similarity("Иванов Иван", "IVANOV, Ivan")).isEqualTo(1.0);
    assertThat(NameMatcher.similarity("José García", "Jose Garcia")).isEqualTo(1.0);
    assertThat(NameMatcher.similarity("Сергей Иванов", "Sergey Ivanov")).isGreaterThanOrEqualTo(THRESHOLD);
  }

  @Test
  void umlautsMatchBothPlainAndGermanSpelling() {
    assertThat(NameMatcher.similarity("Müller GmbH", "MULLER")).isEqualTo(1.0);
    assertThat(NameMatcher.similarity("Müller", "Mueller")).isEqualTo(1.0);
    assertThat(NameMatcher.similarity("Jürgen Schäfer", "SCHAEFER, Juergen")).isEqualTo(1.0);
  }

  @Test
  void spellingVariantsScoreAboveTheThreshold() {
    assertThat(NameMatcher.similarity("Jon Smith", "John Smith")).isCloseTo(0.9733, within(1e-4));
    assertThat(NameMatcher.similarity("Anna Schmitt", "Anna Schmidt")).isCloseTo(0.9667, within(1e-4));
    assertThat(NameMatcher.similarity("Pyotr Ivanov", "Petr Ivanov")).isCloseTo(0.9485, within(1e-4));
    assertThat(NameMatcher.similarity("Mohammed Ali", "Muhammad Ali")).isCloseTo(0.9333, within(1e-4));
  }

  @Test
  void allTokensOfTheShorterNameInsideTheLongerScoreTheContainmentScore() {
    assertThat(NameMatcher.similarity("Ivan Ivanov", "Ivan Sergeyevich Ivanov"))
        .isEqualTo(NameMatcher.CONTAINMENT_SCORE);
  }

  @Test
  void nearMissNamesDoNotMatch() {
    assertThat(NameMatcher.similarity("Ivan Ivanova", "Ivan Petrov")).isCloseTo(0.6923, within(1e-4));
    assertThat(NameMatcher.similarity("John Smith", "Jane Smith")).isCloseTo(0.88, within(1e-4));
    assertThat(NameMatcher.similarity("Ali Hassan", "Ali Hussein")).isLessThan(THRESHOLD);
    assertThat(NameMatcher.similarity("Peter Smith", "Ivan Petrov")).isLessThan(0.5);
  }

  @Test
  void oneSharedTokenIsNotContainment() {
    assertThat(NameMatcher.similarity("Ivanov", "Ivan Ivanov")).isCloseTo(0.8576, within(1e-4));
  }

  @Test
  void similarityIsSymmetric() {
    assertThat(NameMatcher.similarity("Ivan Petrov", "Ivan Ivanova"))
        .isEqualTo(NameMatcher.similarity("Ivan Ivanova", "Ivan Petrov"));
    assertThat(NameMatcher.similarity("Mueller", "Müller")).isEqualTo(NameMatcher.similarity("Müller", "Mueller"));
  }
}
