package dev.lakehouse.logs.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which attacks a request's path and query try: SQL injection, cross-site scripting, path traversal. For the
 * log analyzer and the streaming detectors, called once per request.
 *
 * <p>The path and query are matched as one text ({@code path?query}), percent-decoded up to twice ({@code +} a
 * space in the query) and lower-cased, so {@code %27%20OR%20}, {@code %2527} and {@code ' Or } look the same.
 * Each kind is a few precompiled patterns of alternatives, each a shape attack tools send and searches do
 * not, and each pattern runs only when the text holds one of its literal hints (a quote, {@code union},
 * {@code <}, {@code ..}), so most requests need no regular expression at all:
 *
 * <ul>
 *   <li>SQL injection: a quote then {@code or}/{@code and} and a comparison ({@code ' or '1'='1},
 *       {@code ' or 1=1}), {@code or 1=1} or {@code or 'a'='a} without a quote before,
 *       {@code union [all] select} followed by a column list, {@code ;drop table} and other stacked statements,
 *       a quote then a comment ({@code '--}, {@code ' #}), {@code order by 3--}, {@code sleep(5)},
 *       {@code benchmark(}, {@code waitfor delay}, {@code information_schema}, {@code xp_cmdshell},
 *       {@code @@version}, {@code load_file(}, {@code into outfile}, {@code extractvalue(}.
 *   <li>XSS: {@code <script}, {@code <svg}, {@code <iframe}, {@code <img ... src=}, an event handler such as
 *       {@code onerror=} or {@code onload=} after a space, quote or slash, {@code javascript:} or
 *       {@code vbscript:} before code, {@code data:text/html}, {@code alert(}, {@code prompt(},
 *       {@code confirm(}, {@code document.cookie}.
 *   <li>Path traversal: {@code ../}, {@code ..\} and Tomcat's {@code ..;/}, {@code /etc/passwd},
 *       {@code /etc/shadow}, {@code c:\windows}, {@code boot.ini}, {@code win.ini}, {@code /proc/self/}.
 * </ul>
 *
 * Words alone are not attacks: {@code q=union+jack+flag}, {@code q=select+shoes}, {@code q=o'brien},
 * {@code q=sleep+(2021+film)} and {@code q=javascript:+the+good+parts} match nothing. Text that is an attack
 * in a search box still counts: {@code q=this+or+1=1}, {@code q=c:\windows+tips}, and an ellipsis before a
 * slash ({@code wait.../next}) is a step up. The patterns have no nested or overlapping quantifiers,
 * so matching time grows linearly with the length of the text. Static and stateless, safe in any thread and
 * in a Spark UDF.
 */
public final class ProbeSignatures {
  // between SQL keywords: spaces, newlines, comments (union/**/select) and parentheses (union(select
  private static final String GAP = "[\\s/*(]+";

  private static final List<Signature> SQL_INJECTION = List.of(
      new Signature(List.of("'", "\""),
          // a quote ends the string, then a condition: ' or '1'='1, ' or 1=1, ') or ('a'='a, " or ""=", 'or'x'='x
          "['\"][\\s)]*(?:or|and)\\b[\\s(]*(?:'\\w*'|\"\\w*\"|\\w+)\\s*(?:=|<|>|like\\b)",
          // a quote then a comment that cuts the rest of the statement off: admin'--, 1' #, 1')/*
          "'[\\s)]*(?:--|#|/\\*)",
          "\"[\\s)]*--",
          // a quote then the column count for a union: 1' order by 3
          "'[\\s)]*(?:order|group)" + GAP + "by\\b"),
      new Signature(List.of("or", "and", "having"),
          // a condition after a number needs no quote: id=1 or 1=1--, id=1 and 5=5, id=1 or 'a'='a', having 1=1
          "\\b(?:or|and|having)" + GAP + "(?:\\d+|'\\w*'|\"\\w*\")\\s*=\\s*(?:\\d+\\b|'|\")",
          // the column count without a quote: 1 order by 10#
          "\\border" + GAP + "by" + GAP + "\\d+[\\s/*]*(?:--|#)"),
      new Signature(List.of("union"),
          // union select and a column list, a star, a number, null or a from: union all select null,null--
          "\\bunion" + GAP + "(?:(?:all|distinct)" + GAP + ")?select" + GAP
              + "(?:\\*|null\\b|\\d|@@|'|\"|[\\w.]+\\s*(?:,|\\(|--|#|/\\*|\\bfrom\\b))"),
      new Signature(List.of(";"),
          // a second statement after a semicolon: ';drop table orders--, ; delete from, ;exec xp_...
          ";[\\s/*]*(?:(?:drop|truncate|alter)" + GAP + "(?:table|database)\\b|delete" + GAP + "from\\b"
              + "|insert" + GAP + "into\\b|shutdown\\b|declare" + GAP + "@|exec(?:ute)?" + GAP + "\\w)"),
      new Signature(List.of("sleep(", "benchmark(", "waitfor"),
          // time-based blind probes: sleep(5), pg_sleep(5), benchmark(5000000,md5(1)), waitfor delay '0:0:5';
          // no space before the parenthesis, which tools never write and searches do: "sleep (2021 film)"
          "\\b(?:sleep|pg_sleep)\\(\\s*[\\d(]",
          "\\bbenchmark\\(\\s*\\d",
          "\\bwaitfor" + GAP + "delay\\b"),
      new Signature(
          List.of("information_schema", "xp_cmdshell", "@@version", "load_file", "into", "extractvalue", "updatexml"),
          // reading the catalogue, the server or its files
          "information_schema",
          "xp_cmdshell",
          "@@version\\b",
          "\\bload_file\\s*\\(",
          "\\binto" + GAP + "(?:out|dump)file\\b",
          // MySQL's XML functions, which error-based injection uses to print a query's result in the error
          "\\b(?:extractvalue|updatexml)\\s*\\("));

  private static final List<Signature> XSS = List.of(
      new Signature(List.of("<"),
          // tags that run script or load it
          "<script\\b",
          "<svg\\b",
          "<iframe\\b",
          "<img[\\s/+][^>]{0,200}?src\\s*="),
      new Signature(
          List.of("onerror", "onload", "onmouse", "onfocus", "onclick", "ontoggle", "onbegin", "onpageshow",
              "onanimation"),
          // an event handler as an attribute: <img src=x onerror=, "onmouseover=", <svg/onload= (not &onload=1)
          "[\\s\"'/;+]on(?:error|load|mouseover|mouseenter|focus|click|toggle|begin|pageshow|animationstart)\\s*="),
      new Signature(List.of("script", "data:"),
          // a script URL followed by code: javascript:alert(1), javascript://%0a... (not a book title)
          "\\b(?:javascript|vbscript)\\s*:\\s*[^\\s(/`]*[(/`]",
          "\\bdata:text/html\\b"),
      new Signature(List.of("alert", "prompt", "confirm", "document."),
          // the payloads' favourite proofs of execution
          "\\b(?:alert|prompt|confirm)[(`]",
          "\\bdocument\\.(?:cookie|domain)\\b"));

  private static final List<Signature> PATH_TRAVERSAL = List.of(
      new Signature(List.of(".."),
          // a step up: ../, ..\, and ..;/ which Tomcat normalises away
          "\\.\\.;?[/\\\\]"),
      new Signature(List.of("etc/", "windows", "winnt", ".ini", "/proc/self/"),
          // the files a traversal reads to prove it worked
          "\\betc/(?:passwd|shadow)\\b",
          "\\bc:[/\\\\]+(?:windows|winnt)\\b",
          "\\b(?:boot|win)\\.ini\\b",
          "/proc/self/"));

  // values() copies its array on every call
  private static final ProbeKind[] KINDS = ProbeKind.values();
  // every result is one of eight sets, made once: a probe costs no allocation for its answer
  private static final List<Set<ProbeKind>> SETS_BY_MASK = setsByMask();

  private ProbeSignatures() {}

  /**
   * The kinds of attack the request tries, in {@link ProbeKind} order; empty for ordinary requests.
   *
   * @param path the request path, percent-encoding kept; may hold a {@code ?} and query itself; may be null
   * @param query what follows the {@code ?}, without it; may be null
   * @return an unmodifiable set, never null
   */
  public static Set<ProbeKind> probes(String path, String query) {
    String text = UrlText.matchable(path, query);
    int mask = 0;
    for (ProbeKind kind : KINDS) {
      mask |= matches(kind, text) ? 1 << kind.ordinal() : 0;
    }
    return SETS_BY_MASK.get(mask);
  }

  /**
   * The {@link ProbeKind#ruleId() rule id} of the first kind in {@link ProbeKind} order the request tries, or
   * null when it tries none; stops at the first match.
   */
  public static String firstProbe(String path, String query) {
    String text = UrlText.matchable(path, query);
    for (ProbeKind kind : KINDS) {
      if (matches(kind, text)) {
        return kind.ruleId();
      }
    }
    return null;
  }

  private static boolean matches(ProbeKind kind, String text) {
    for (Signature signature : signatures(kind)) {
      if (signature.matches(text)) {
        return true;
      }
    }
    return false;
  }

  private static List<Signature> signatures(ProbeKind kind) {
    return switch (kind) {
      case SQL_INJECTION -> SQL_INJECTION;
      case XSS -> XSS;
      case PATH_TRAVERSAL -> PATH_TRAVERSAL;
    };
  }

  private static List<Set<ProbeKind>> setsByMask() {
    List<Set<ProbeKind>> sets = new ArrayList<>();
    for (int mask = 0; mask < 1 << KINDS.length; mask++) {
      Set<ProbeKind> set = EnumSet.noneOf(ProbeKind.class);
      for (ProbeKind kind : KINDS) {
        if ((mask & 1 << kind.ordinal()) != 0) {
          set.add(kind);
        }
      }
      sets.add(Collections.unmodifiableSet(set));
    }
    return List.copyOf(sets);
  }

  /**
   * Alternatives that all need one of a few literal hints in the text. The hints are looked for first, with
   * {@code indexOf}, so most requests never reach a regular expression: an ordinary path costs a few dozen
   * string searches instead of trying every alternative at every character.
   */
  private static final class Signature {
    private final List<String> hints;
    private final Pattern pattern;

    Signature(List<String> hints, String... alternatives) {
      this.hints = hints;
      this.pattern = Pattern.compile("(?:" + String.join(")|(?:", alternatives) + ")");
    }

    boolean matches(String text) {
      for (String hint : hints) {
        if (text.contains(hint)) {
          return pattern.matcher(text).find();
        }
      }
      return false;
    }
  }
}
