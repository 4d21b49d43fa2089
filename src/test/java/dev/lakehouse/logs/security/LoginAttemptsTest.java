package dev.lakehouse.logs.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LoginAttemptsTest {

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(nullValues = "NULL", delimiter = '|', textBlock = """
      POST | /login                         | 401 | true
      POST | /login                         | 403 | true
      post | /LOGIN/                        | 401 | true
      POST | /signin                        | 401 | true
      POST | /sign-in?next=%2Fcart          | 401 | true
      POST | /user/login                    | 403 | true
      POST | /account/login                 | 401 | true
      POST | /admin/login                   | 401 | true
      POST | /admin/login.php               | 403 | true
      POST | /api/v1/login                  | 401 | true
      POST | /api/v2/login?client=ios       | 401 | true
      POST | /auth/token                    | 401 | true
      POST | /api/auth/signin               | 401 | true
      POST | /session                       | 401 | true
      POST | /api/sessions                  | 403 | true
      POST | /oauth/token                   | 401 | true
      POST | /oauth2/token?grant_type=password | 400 | false
      POST | /wp-login.php                  | 200 | true
      POST | /blog/wp-login.php?action=login | 200 | true
      POST | /wp-login.php                  | 403 | true
      POST | /wp-login.php                  | 302 | false
      POST | /login                         | 200 | false
      POST | /login                         | 302 | false
      POST | /login                         | 429 | false
      POST | /login                         | 500 | false
      POST | /auth/token                    | 200 | false
      GET  | /login                         | 401 | false
      GET  | /wp-login.php                  | 200 | false
      HEAD | /admin/login                   | 403 | false
      POST | /api/orders                    | 401 | false
      POST | /cart                          | 403 | false
      POST | /login-help                    | 401 | false
      POST | /sessions/42/refresh           | 401 | false
      NULL | /login                         | 401 | false
      POST | NULL                           | 401 | false
      """)
  void failedLoginsArePostsToLoginPathsThatWereRefused(String method, String path, int status, boolean failed) {
    assertThat(LoginAttempts.isFailedLogin(method, path, status)).isEqualTo(failed);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "/login", "/Login", "/login/", "/log-in", "/signin", "/sign-in", "/SignIn", "/wp-login.php", "/WP-LOGIN.PHP",
      "/user/login", "/account/login", "/admin/login", "/api/v1/login", "/en/login?return=/checkout",
      "/auth/login", "/auth/callback", "/api/v1/auth/refresh", "/owa/auth/logon.aspx", "/session", "/sessions",
      "/users/sessions/", "/oauth/token", "/oauth2/token", "/login.jsp", "/login.aspx"})
  void loginPaths(String path) {
    assertThat(LoginAttempts.isLoginPath(path)).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @NullAndEmptySource
  @ValueSource(strings = {
      "/", "/products/1234", "/blog/login-tips", "/logins", "/relogin-help", "/search?q=/login",
      "/auth", "/auth/", "/oauth/authorize", "/sessions/42", "/wp-admin/", "/category/books?page=2",
      "/product/signing-pen", "/mylogin"})
  void otherPaths(String path) {
    assertThat(LoginAttempts.isLoginPath(path)).isFalse();
  }
}
