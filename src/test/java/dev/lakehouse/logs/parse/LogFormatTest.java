package dev.lakehouse.logs.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogFormatTest {

  @Test
  void canonicalNamesAndAliasesInAnyCaseOrSeparator() {
    assertThat(LogFormat.fromName("apache-combined")).isEqualTo(LogFormat.APACHE_COMBINED);
    assertThat(LogFormat.fromName("combined")).isEqualTo(LogFormat.APACHE_COMBINED);
    assertThat(LogFormat.fromName("APACHE_COMMON_VHOST")).isEqualTo(LogFormat.APACHE_COMMON_VHOST);
    assertThat(LogFormat.fromName(" nginx ")).isEqualTo(LogFormat.NGINX);
    assertThat(LogFormat.fromName("syslog-3164")).isEqualTo(LogFormat.SYSLOG_3164);
    assertThat(LogFormat.fromName("rfc5424")).isEqualTo(LogFormat.SYSLOG_5424);
    assertThat(LogFormat.fromName("json")).isEqualTo(LogFormat.JSON_APP);
  }

  @Test
  void everyFormatIsFoundByItsOwnName() {
    for (LogFormat format : LogFormat.values()) {
      assertThat(LogFormat.fromName(format.formatName())).isEqualTo(format);
      assertThat(LogFormat.fromName(format.name())).isEqualTo(format);
    }
  }

  @Test
  void unknownNamesListTheKnownFormats() {
    assertThatThrownBy(() -> LogFormat.fromName("x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid log format 'x': known formats are apache-common (or common, clf, ncsa), ")
        .hasMessageContaining("nginx")
        .hasMessageContaining("syslog-5424 (or rfc5424)");
    assertThatThrownBy(() -> LogFormat.fromName(null)).hasMessageStartingWith("Invalid log format null: known formats");
  }

  @Test
  void webAndSyslogFormatsSayWhatTheyAre() {
    assertThat(LogFormat.NGINX.isWeb()).isTrue();
    assertThat(LogFormat.APACHE_COMMON_VHOST.isWeb()).isTrue();
    assertThat(LogFormat.SYSLOG_3164.isWeb()).isFalse();
    assertThat(LogFormat.SYSLOG_5424.isSyslog()).isTrue();
    assertThat(LogFormat.JSON_APP.isSyslog()).isFalse();
  }
}
