package dev.lakehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ingest.files.&lt;source&gt;: a watched directory per file source, from --conf or the environment. */
class FileSourceConfigTest {
  @Test
  void aFileSourceIsAKeyPerSourceFromConfOrEnvironment() {
    LakehouseConfig config = LakehouseConfig.load(Map.of("LAKEHOUSE_INGEST_FILES_LOGS_SYSLOG", "/var/log/archive"),
        List.of("ingest.files.logs.access=/var/log/nginx", "ingest.max-files-per-trigger=5"));

    assertThat(config.ingest().files())
        .containsExactly(Map.entry("logs.access", "/var/log/nginx"), Map.entry("logs.syslog", "/var/log/archive"));
    assertThat(config.ingest().maxFilesPerTrigger()).isEqualTo(5);
    assertThat(config.values()).containsEntry("ingest.files.logs.access", "/var/log/nginx");
    assertThat(config.origins()).containsEntry("ingest.files.logs.syslog", "environment variable LAKEHOUSE_INGEST_FILES_LOGS_SYSLOG");
    // what a child process gets as --conf reads back the same
    assertThat(LakehouseConfig.load(Map.of(), config.values().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .toList()).ingest().files()).isEqualTo(config.ingest().files());
    assertThat(LakehouseConfig.defaults().ingest().files()).isEmpty();
  }

  @Test
  void anEmptyDirectoryOrANegativeBoundIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> LakehouseConfig.load(Map.of(), List.of("ingest.files.logs.access=")))
        .hasMessageContaining("ingest.files.logs.access").hasMessageContaining("must be a directory");
    assertThatThrownBy(() -> LakehouseConfig.load(Map.of(), List.of("ingest.max-files-per-trigger=-1")))
        .hasMessageContaining("ingest.max-files-per-trigger").hasMessageContaining(">= 0");
  }
}
