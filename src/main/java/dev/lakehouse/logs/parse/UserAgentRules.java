package dev.lakehouse.logs.parse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The substring rules behind {@link UserAgentInfo}, most specific first: Edge and Opera say "Chrome" too,
 * Chrome says "Safari", iOS says "like Mac OS X", Android says "Linux". Results for up to 10,000
 * distinct agents are remembered (a pure function's cache, shared by the threads of a JVM, emptied when full).
 */
final class UserAgentRules {
  private static final String OTHER = "Other";
  private static final UserAgentInfo UNKNOWN = new UserAgentInfo(OTHER, OTHER, UserAgentInfo.OTHER, false);

  /** A name and the case-sensitive tokens that mean it. */
  private record Rule(String name, List<String> tokens) {
    boolean matches(String userAgent) {
      for (String token : tokens) {
        if (userAgent.contains(token)) {
          return true;
        }
      }
      return false;
    }
  }

  private static final List<Rule> BROWSERS = List.of(
      new Rule("Edge", List.of("Edg/", "Edge/", "EdgA/", "EdgiOS/")),
      new Rule("Opera", List.of("OPR/", "Opera", "OPiOS/")),
      new Rule("Samsung Internet", List.of("SamsungBrowser/")),
      new Rule("Firefox", List.of("Firefox/", "FxiOS/")),
      new Rule("Chrome", List.of("Chrome/", "CriOS/", "Chromium/")),
      new Rule("Internet Explorer", List.of("MSIE ", "Trident/")),
      new Rule("Safari", List.of("Safari/")));
  private static final List<Rule> SYSTEMS = List.of(
      new Rule("iOS", List.of("iPhone", "iPad", "iPod")),
      new Rule("Android", List.of("Android")),
      new Rule("Windows", List.of("Windows")),
      new Rule("ChromeOS", List.of("CrOS")),
      new Rule("macOS", List.of("Mac OS X", "Macintosh")),
      new Rule("Linux", List.of("Linux", "X11")));
  // whole words, lower case: clients that are programs rather than browsers, and scanners
  private static final Set<String> TOOLS = Set.of(
      "curl", "wget", "python-requests", "python-urllib", "python-httpx", "aiohttp", "go-http-client", "java",
      "libwww-perl", "apache-httpclient", "scrapy", "headlesschrome", "phantomjs", "facebookexternalhit",
      "sqlmap", "nikto", "nmap", "masscan", "zgrab", "nuclei", "wpscan", "dirbuster", "gobuster", "slurp");
  // parts of words, lower case: Googlebot, bingbot, AhrefsBot, Baiduspider, SomeCrawler
  private static final List<String> BOT_PARTS = List.of("bot", "spider", "crawl");
  // words that contain a bot part without being one (a phone brand)
  private static final String NOT_BOT_PREFIX = "cubot";

  // real traffic has few distinct agents: they are remembered, up to a bound whatever comes
  private static final int REMEMBERED_AGENTS = 10_000;
  private static final int REMEMBERED_LENGTH = 512;
  private static final Map<String, UserAgentInfo> REMEMBERED = new ConcurrentHashMap<>();

  private UserAgentRules() {}

  static UserAgentInfo classify(String userAgent) {
    if (userAgent == null || userAgent.isBlank() || userAgent.equals("-")) {
      return UNKNOWN;
    }
    UserAgentInfo known = REMEMBERED.get(userAgent);
    if (known != null) {
      return known;
    }
    UserAgentInfo info = classified(userAgent);
    if (userAgent.length() <= REMEMBERED_LENGTH) {
      remember(userAgent, info);
    }
    return info;
  }

  // when full, start again: the agents seen often come back at once, one-off ones do not
  private static void remember(String userAgent, UserAgentInfo info) {
    if (REMEMBERED.size() >= REMEMBERED_AGENTS) {
      REMEMBERED.clear();
    }
    REMEMBERED.put(userAgent, info);
  }

  private static UserAgentInfo classified(String userAgent) {
    String os = firstName(SYSTEMS, userAgent);
    String bot = botName(userAgent);
    if (bot != null) {
      return new UserAgentInfo(bot, os, UserAgentInfo.BOT, true);
    }
    return new UserAgentInfo(firstName(BROWSERS, userAgent), os, deviceClass(userAgent, os), false);
  }

  private static String deviceClass(String userAgent, String os) {
    if (userAgent.contains("iPad") || userAgent.contains("Tablet")) {
      return UserAgentInfo.TABLET;
    }
    if (os.equals("Android")) {
      return userAgent.contains("Mobile") ? UserAgentInfo.MOBILE : UserAgentInfo.TABLET;
    }
    if (userAgent.contains("iPhone") || userAgent.contains("iPod") || userAgent.contains("Mobi")) {
      return UserAgentInfo.MOBILE;
    }
    return os.equals(OTHER) ? UserAgentInfo.OTHER : UserAgentInfo.DESKTOP;
  }

  private static String firstName(List<Rule> rules, String userAgent) {
    for (Rule rule : rules) {
      if (rule.matches(userAgent)) {
        return rule.name();
      }
    }
    return OTHER;
  }

  // the first tool word, else the first word with a bot part, as the agent writes it: "Googlebot", "Nikto"
  private static String botName(String userAgent) {
    String lower = asciiLowerCase(userAgent);
    String botWord = null;
    for (int start = nextWord(lower, 0), end; start < lower.length(); start = nextWord(lower, end)) {
      end = wordEnd(lower, start);
      String word = lower.substring(start, end);
      if (TOOLS.contains(word)) {
        return userAgent.substring(start, end);
      }
      botWord = botWord == null && hasBotPart(word) ? userAgent.substring(start, end) : botWord;
    }
    return botWord;
  }

  private static boolean hasBotPart(String word) {
    for (String part : BOT_PARTS) {
      if (word.contains(part)) {
        return !word.startsWith(NOT_BOT_PREFIX);
      }
    }
    return false;
  }

  private static int nextWord(String text, int from) {
    int at = from;
    while (at < text.length() && !isWordChar(text.charAt(at))) {
      at++;
    }
    return at;
  }

  private static int wordEnd(String text, int start) {
    int end = start;
    while (end < text.length() && isWordChar(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || Cursor.isDigit(c) || c == '-' || c == '_';
  }

  // same length as the input, so indexes agree (String.toLowerCase may change the length)
  private static String asciiLowerCase(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = chars[i] >= 'A' && chars[i] <= 'Z' ? (char) (chars[i] + 32) : chars[i];
    }
    return new String(chars);
  }
}
