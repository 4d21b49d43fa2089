package dev.lakehouse.logs.security;

import java.util.List;

/**
 * Which attack tool a User-Agent names: vulnerability and port scanners (Nikto, Nessus, OpenVAS, Acunetix, Nuclei,
 * Nmap's scripting engine, masscan, ZGrab), SQL injection tools (sqlmap, Havij), content brute-forcers (DirBuster,
 * dirb, Gobuster), WordPress and file-inclusion scanners (WPScan, fimap, w3af), the password guesser Hydra, and
 * the self-named bots of old exploit kits (ZmEu, Morfeus, Jorgee).
 *
 * <p>A name counts as a whole word, any case, where a word is a run of ASCII letters and digits:
 * {@code Mozilla/5.00 (Nikto/2.5.0)} and {@code OWASP_DirBuster_Project} name a tool, {@code HydraBrowser}
 * does not. General HTTP clients ({@code curl}, {@code Wget}, {@code python-requests}, {@code Go-http-client})
 * are not tools here: scripts, monitors and integrations send them every day, so they say nothing alone.
 * Static and stateless, safe in any thread and in a Spark UDF.
 */
public final class BadAgents {
  // lower case, as returned; dirb and dirbuster are different words, so each finds only itself
  private static final List<String> TOOLS = List.of(
      "sqlmap", "nikto", "nmap", "masscan", "zgrab", "gobuster", "dirbuster", "dirb", "wpscan", "acunetix",
      "nessus", "openvas", "w3af", "hydra", "nuclei", "fimap", "havij", "zmeu", "morfeus", "jorgee");

  private BadAgents() {}

  /**
   * The lower-case name of the first attack tool the agent names, such as {@code "nikto"} or {@code "sqlmap"};
   * null when it names none, and for a null, empty or {@code "-"} agent.
   */
  public static String tool(String userAgent) {
    if (userAgent == null) {
      return null;
    }
    int start = nextWord(userAgent, 0);
    while (start < userAgent.length()) {
      int end = wordEnd(userAgent, start);
      String tool = toolNamed(userAgent, start, end);
      if (tool != null) {
        return tool;
      }
      start = nextWord(userAgent, end);
    }
    return null;
  }

  // compares in place: no substring per word
  private static String toolNamed(String userAgent, int start, int end) {
    for (String tool : TOOLS) {
      if (tool.length() == end - start && userAgent.regionMatches(true, start, tool, 0, tool.length())) {
        return tool;
      }
    }
    return null;
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

  // hyphens and underscores split words: DirBuster-1.0-RC1, OWASP_DirBuster_Project
  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
