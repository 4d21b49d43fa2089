package dev.lakehouse.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * Who may use the server's endpoints. Loopback needs nothing; any other bind address requires a
 * token from the environment ({@value #TOKEN_VARIABLE}), which JDBC clients send as the password
 * and HTTP clients as {@code Authorization: Bearer <token>}. A token that is set is required on
 * loopback too.
 */
public record ServeAccess(String host, boolean loopback, Optional<String> token) {
  public static final String TOKEN_VARIABLE = "LAKEHOUSE_SERVE_TOKEN";

  /** The access rule for binding {@code host} in this environment; fails when it would be open. */
  public static ServeAccess of(String host, Map<String, String> environment) {
    Optional<String> token = Optional.ofNullable(environment.get(TOKEN_VARIABLE)).filter(t -> !t.isBlank());
    boolean loopback = isLoopback(host);
    if (!loopback && token.isEmpty()) {
      throw new IllegalArgumentException(String.format(
          "Cannot bind serve to %s without authentication: it is not a loopback address. Set %s to a secret "
              + "(JDBC clients send it as the password, HTTP clients as 'Authorization: Bearer <token>'), "
              + "or bind 127.0.0.1", host, TOKEN_VARIABLE));
    }
    return new ServeAccess(host, loopback, token);
  }

  /** Whether clients must present the token. */
  public boolean requiresToken() {
    return token.isPresent();
  }

  /** Whether a presented secret is the token (constant time); always true when none is required. */
  public boolean accepts(String presented) {
    if (token.isEmpty()) {
      return true;
    }
    return presented != null && MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.UTF_8), token.get().getBytes(StandardCharsets.UTF_8));
  }

  /** One line for the start-up banner. */
  public String describe() {
    if (requiresToken()) {
      return "bound to " + host + "; clients must present the token from " + TOKEN_VARIABLE;
    }
    return "bound to " + host + " (loopback only); no authentication";
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("Invalid serve.host '" + host + "': cannot resolve it to an address", e);
    }
  }
}
