package dev.lakehouse.serve.sql;

import dev.lakehouse.serve.ServeAccess;
import java.util.concurrent.atomic.AtomicReference;
import javax.security.sasl.AuthenticationException;
import org.apache.hive.service.auth.PasswdAuthenticationProvider;

/**
 * HiveServer2's password check for the SQL endpoint ({@code hive.server2.authentication=CUSTOM}):
 * the password a JDBC client sends must be the token of {@link ServeAccess}; the user name is free.
 * HiveServer2 creates one instance per login from its class name, so the rule in force is held here.
 */
public final class TokenAuthentication implements PasswdAuthenticationProvider {
  private static final AtomicReference<ServeAccess> ACCESS = new AtomicReference<>();

  /** The access rule that logins are checked against from now on. */
  static void use(ServeAccess access) {
    ACCESS.set(access);
  }

  @Override
  public void Authenticate(String user, String password) throws AuthenticationException {
    ServeAccess access = ACCESS.get();
    if (access == null || !access.accepts(password)) {
      throw new AuthenticationException("Invalid password for user '" + user + "': the lakehouse SQL endpoint takes the "
          + "token of " + ServeAccess.TOKEN_VARIABLE + " as the password");
    }
  }
}
