package dev.lakehouse.finance.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The best match on a small hand-made list, its tie-break, and the list's own checks. */
class SanctionsListTest {
  private static final List<SanctionedName> ENTRIES = List.of(
      SanctionedName.of("SDN-2", "IVANOV, Ivan Sergeyevich", "Иван Иванов", "Vanya Ivanov"),
      SanctionedName.of("SDN-1", "Global Trade Company Ltd.", "GT Holdings S.A."),
      SanctionedName.of("SDN-3", "PETROV, Pavel"));
  private static final SanctionsList LIST = SanctionsList.of(ENTRIES);

  @Test
  void matchesAnAliasAndSaysWhichOne() {
    NameMatch match = LIST.match("Ivan IVANOV", 0.92).orElseThrow();

    assertThat(match.entryId()).isEqualTo("SDN-2");
    assertThat(match.matchedName()).isEqualTo("Иван Иванов");
    assertThat(match.score()).isEqualTo(1.0);
  }

  @Test
  void matchesAPrimaryNameWithoutItsLegalForm() {
    NameMatch match = LIST.match("THE GLOBAL TRADE CO", 0.92).orElseThrow();

    assertThat(match.entryId()).isEqualTo("SDN-1");
    assertThat(match.matchedName()).isEqualTo("Global Trade Company Ltd.");
  }

  @Test
  void aNearMissIsNoMatch() {
    assertThat(LIST.match("Ivan Petrov", 0.92)).isEmpty();
    assertThat(LIST.match("Pavel Petrova-Smirnova", 0.92)).isEmpty();
  }

  @Test
  void theThresholdDecides() {
    // Jon Smith / John Smith is 0.973
    SanctionsList smiths = SanctionsList.of(List.of(SanctionedName.of("UK-7", "John Smith")));

    assertThat(smiths.match("Jon Smith", 0.97)).isPresent();
    assertThat(smiths.match("Jon Smith", 0.98)).isEmpty();
  }

  @Test
  void noNameNoMatch() {
    assertThat(LIST.match(null, 0.92)).isEmpty();
    assertThat(LIST.match("  ", 0.92)).isEmpty();
  }

  @Test
  void tiesGoToTheSmallestEntryIdWhateverTheListOrder() {
    SanctionedName b = SanctionedName.of("B-1", "Anna Kowalska");
    SanctionedName a = SanctionedName.of("A-9", "KOWALSKA, Anna");

    Optional<NameMatch> oneOrder = SanctionsList.of(List.of(b, a)).match("Anna Kowalska", 0.92);
    Optional<NameMatch> otherOrder = SanctionsList.of(List.of(a, b)).match("Anna Kowalska", 0.92);

    assertThat(oneOrder).map(NameMatch::entryId).contains("A-9");
    assertThat(otherOrder).isEqualTo(oneOrder);
  }

  @Test
  void theStaticMatcherGivesTheSameAnswer() {
    assertThat(NameMatcher.match("Ivan IVANOV", ENTRIES, 0.92)).isEqualTo(LIST.match("Ivan IVANOV", 0.92));
  }

  @Test
  void survivesSerializationForABroadcast() throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(LIST);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      SanctionsList copy = (SanctionsList) in.readObject();

      assertThat(copy.size()).isEqualTo(3);
      assertThat(copy.match("Ivan IVANOV", 0.92)).isEqualTo(LIST.match("Ivan IVANOV", 0.92));
    }
  }

  @Test
  void rejectsAThresholdOutsideZeroToOne() {
    assertThatThrownBy(() -> LIST.match("Ivan Ivanov", 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid name match threshold 1.5: must be a similarity in (0, 1], e.g. 0.92");
  }

  @Test
  void rejectsADuplicateEntryId() {
    List<SanctionedName> twice = List.of(SanctionedName.of("SDN-1", "A B"), SanctionedName.of("SDN-1", "C D"));

    assertThatThrownBy(() -> SanctionsList.of(twice))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid sanctions list: entry id SDN-1 appears twice; give each entry one id and all its names");
  }

  @Test
  void rejectsANameWithNothingToMatchOn() {
    assertThatThrownBy(() -> SanctionsList.of(List.of(SanctionedName.of("SDN-1", "--"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid name '--' of sanctioned entry SDN-1: no letter or digit is left to match on");
  }

  @Test
  void rejectsAnEntryWithoutNames() {
    assertThatThrownBy(() -> new SanctionedName("SDN-1", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid names of sanctioned entry SDN-1: an entry needs at least one name");
    assertThatThrownBy(() -> SanctionedName.of("SDN-1", "A", " "))
        .hasMessage("Invalid name of sanctioned entry SDN-1 ' ': must not be blank");
  }
}
