package dev.lakehouse.logs.parse;

import java.io.Serializable;

/**
 * What a User-Agent header says about the client, by substring rules (no database, so no versions and
 * no device models).
 *
 * @param browser Chrome, Firefox, Safari, Edge, Opera, Samsung Internet, Internet Explorer or Other; for
 *     bots the bot's own name as it writes it (Googlebot, bingbot, curl, python-requests, sqlmap, Nikto ...)
 * @param os Windows, macOS, Linux, Android, iOS, ChromeOS or Other
 * @param deviceClass desktop, mobile, tablet, bot or other
 * @param isBot whether a crawler, a script or a scanner sent it rather than a person's browser
 */
public record UserAgentInfo(String browser, String os, String deviceClass, boolean isBot) implements Serializable {
  public static final String DESKTOP = "desktop";
  public static final String MOBILE = "mobile";
  public static final String TABLET = "tablet";
  public static final String BOT = "bot";
  public static final String OTHER = "other";

  /** The classification of a User-Agent header; null, empty and {@code -} give Other, Other, other. */
  public static UserAgentInfo of(String userAgent) {
    return UserAgentRules.classify(userAgent);
  }
}
