package dev.lakehouse.serve.sql;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.serve.ServeAccess;
import java.util.Map;
import javax.security.sasl.AuthenticationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The password check HiveServer2 runs at each JDBC login (the end-to-end check with PyHive is in python/tests). */
class TokenAuthenticationTest {
  private final TokenAuthentication check = new TokenAuthentication();

  @AfterEach
  void forget() {
    TokenAuthentication.use(null);
  }

  @Test
  void withATokenOnlyThatTokenLogsIn() {
    TokenAuthentication.use(ServeAccess.of("0.0.0.0", Map.of(ServeAccess.TOKEN_VARIABLE, "s3cret")));

    assertThatCode(() -> check.Authenticate("analyst", "s3cret")).doesNotThrowAnyException();
    assertThatThrownBy(() -> check.Authenticate("analyst", "s3cret-not"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("Invalid password for user 'analyst': the lakehouse SQL endpoint takes the token of "
            + "LAKEHOUSE_SERVE_TOKEN as the password");
    assertThatThrownBy(() -> check.Authenticate("analyst", null)).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void onLoopbackWithoutATokenAnyPasswordLogsIn() {
    TokenAuthentication.use(ServeAccess.of("127.0.0.1", Map.of()));

    assertThatCode(() -> check.Authenticate("analyst", "anything")).doesNotThrowAnyException();
  }

  @Test
  void beforeTheEndpointSaysWhoMayLogInNobodyDoes() {
    assertThatThrownBy(() -> check.Authenticate("analyst", "")).isInstanceOf(AuthenticationException.class);
  }
}
