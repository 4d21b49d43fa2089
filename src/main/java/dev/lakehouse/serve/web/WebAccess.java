package dev.lakehouse.serve.web;

import dev.lakehouse.serve.ServeAccess;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may use the dashboard, and the guards of its one write (acknowledging an alert):
 *
 * <ul>
 *   <li>When {@link ServeAccess} requires the token, every request must carry
 *       {@code Authorization: Bearer <token>} or the session cookie that {@code POST /login} gives for
 *       the token; anything else gets 401 (a page request gets the login form with it).
 *   <li>On loopback without a token, only loopback host names are accepted in {@code Host}, so a web
 *       page of another site cannot reach the dashboard through DNS rebinding.
 *   <li>A POST needs the CSRF token of this process in {@code X-CSRF-Token} (pages carry it in a meta
 *       tag; {@code GET /api/csrf} gives it to tools), unless it authenticates with the bearer header,
 *       which a browser never sends by itself. A cross-site page cannot read the token: the dashboard
 *       sends no CORS headers.
 * </ul>
 */
final class WebAccess {
  static final String SESSION_COOKIE = "lakehouse_session";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Duration SESSION_LIFETIME = Duration.ofHours(12);
  private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ServeAccess access;
  private final Clock clock;
  private final String csrfToken = randomToken();
  private final Map<String, Instant> sessions = new ConcurrentHashMap<>();

  WebAccess(ServeAccess access, Clock clock) {
    this.access = access;
    this.clock = clock;
  }

  String csrfToken() {
    return csrfToken;
  }

  boolean requiresToken() {
    return access.requiresToken();
  }

  /** The refusal for this request, or null when it may go on. */
  Refusal check(Context ctx) {
    if (!access.requiresToken() && !loopbackHost(ctx.host())) {
      return new Refusal(421, "Invalid Host '" + ctx.host() + "': the dashboard is bound to loopback; "
          + "open it as http://127.0.0.1:<port>/ or http://localhost:<port>/");
    }
    boolean bearer = bearer(ctx) != null;
    if (access.requiresToken() && !(bearer && access.accepts(bearer(ctx))) && !validSession(ctx)) {
      if (ctx.method().name().equals("POST") && ctx.path().equals("/login")) {
        return null;
      }
      return new Refusal(401, "Cannot serve " + ctx.path() + " without the dashboard token: send 'Authorization: Bearer "
          + "<token>' (the value of " + ServeAccess.TOKEN_VARIABLE + ") or log in at /login");
    }
    if (ctx.method().name().equals("POST") && !ctx.path().equals("/login") && !bearer && !csrfMatches(ctx)) {
      return new Refusal(403, "Cannot accept POST " + ctx.path() + " without the page's CSRF token in the "
          + CSRF_HEADER + " header (GET /api/csrf gives it)");
    }
    return null;
  }

  /** POST /login: a session cookie for the right token; false for a wrong one. */
  boolean login(Context ctx, String presented) {
    if (!access.requiresToken() || presented == null || !access.accepts(presented)) {
      return false;
    }
    String session = randomToken();
    Instant now = clock.instant();
    sessions.values().removeIf(expiry -> expiry.isBefore(now));
    sessions.put(session, now.plus(SESSION_LIFETIME));
    Cookie cookie = new Cookie(SESSION_COOKIE, session);
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath("/");
    cookie.setMaxAge((int) SESSION_LIFETIME.toSeconds());
    ctx.cookie(cookie);
    return true;
  }

  /** Security headers sent with every response. */
  static void secureHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
  }

  private boolean validSession(Context ctx) {
    String session = ctx.cookie(SESSION_COOKIE);
    if (session == null) {
      return false;
    }
    Instant expiry = sessions.get(session);
    return expiry != null && expiry.isAfter(clock.instant());
  }

  private boolean csrfMatches(Context ctx) {
    String presented = ctx.header(CSRF_HEADER);
    return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
        csrfToken.getBytes(StandardCharsets.UTF_8));
  }

  private static String bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).trim();
  }

  private static boolean loopbackHost(String hostHeader) {
    if (hostHeader == null) {
      return false;
    }
    String host = hostHeader.toLowerCase(Locale.ROOT);
    int colon = host.lastIndexOf(':');
    if (colon > 0 && host.indexOf(']') < colon && (host.startsWith("[") || host.indexOf(':') == colon)) {
      host = host.substring(0, colon);
    }
    return LOOPBACK_NAMES.contains(host);
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Why a request is refused: its status and a message naming what to do. */
  record Refusal(int status, String message) {}
}
