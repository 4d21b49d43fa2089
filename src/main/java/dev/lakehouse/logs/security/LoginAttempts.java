package dev.lakehouse.logs.security;

import java.util.regex.Pattern;

/**
 * Which requests are failed logins, for spotting password guessing: a {@code POST} to a login-like path that the
 * server refused with 401 or 403, or a {@code POST} to WordPress's {@code /wp-login.php} that got 200 (WordPress
 * shows the form again with an error on a failed login and redirects with 302 on a good one).
 *
 * <p>Login-like paths, compared without query or trailing slash and in any case: a last segment
 * {@code login}, {@code log-in}, {@code signin}, {@code sign-in} or {@code wp-login}, bare or with a page
 * extension ({@code /login}, {@code /user/login}, {@code /api/v1/login}, {@code /admin/login.php},
 * {@code /wp-login.php}); {@code /session} and {@code /sessions}; {@code /oauth/token} and
 * {@code /oauth2/token}; and anything under an {@code /auth/} segment ({@code /auth/token},
 * {@code /api/auth/signin}). Static and stateless, safe in any thread and in a Spark UDF.
 */
public final class LoginAttempts {
  private static final Pattern LOGIN_PATH = Pattern.compile(
      "/(?:log-?in|sign-?in|wp-login)(?:\\.(?:php|aspx?|jsp|do|action|html?))?/*$"
          + "|/sessions?/*$"
          + "|/oauth2?/token/*$"
          + "|/auth/[^/]",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern WORDPRESS_LOGIN = Pattern.compile("/wp-login\\.php/*$", Pattern.CASE_INSENSITIVE);

  private LoginAttempts() {}

  /** Whether the request is a login that failed: see the class comment for the paths and statuses. */
  public static boolean isFailedLogin(String method, String path, int status) {
    if (!"POST".equalsIgnoreCase(method) || !isLoginPath(path)) {
      return false;
    }
    return status == 401 || status == 403 || (status == 200 && matchesPath(WORDPRESS_LOGIN, path));
  }

  /** Whether the path, with or without a query, is one a login form or API posts to; false for null. */
  public static boolean isLoginPath(String path) {
    return path != null && matchesPath(LOGIN_PATH, path);
  }

  // the pattern against the path up to its query or fragment, without copying it
  private static boolean matchesPath(Pattern pattern, String path) {
    return pattern.matcher(path).region(0, pathEnd(path)).find();
  }

  private static int pathEnd(String path) {
    for (int at = 0; at < path.length(); at++) {
      if (path.charAt(at) == '?' || path.charAt(at) == '#') {
        return at;
      }
    }
    return path.length();
  }
}
