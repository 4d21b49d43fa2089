package dev.lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.InProcessCli;
import dev.lakehouse.testing.TestLakehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** `logs` through the command line: what a user types and what they get back. */
class LogsCommandTest {
  @Test
  void blacklistAddListAndRemoveAnEntry() {
    LakehouseConfig config = TestLakehouse.config("127.0.0.1:9");
    TestLakehouse.open(config);   // the shared session registers this home's tables, not a previous test's

    ChildJvm.Result added = InProcessCli.execute(config, "logs", "blacklist", "add", "203.0.113.77/24", "--reason", "abuse report",
        "--ttl", "7d");
    assertThat(added.exitCode()).as(added.output()).isZero();
    assertThat(added.output()).contains("Listed 203.0.113.0/24 for 7d");

    ChildJvm.Result listed = InProcessCli.execute(config, "logs", "blacklist", "list");
    assertThat(listed.output()).contains("203.0.113.0/24", "abuse report", "manual", "true");

    ChildJvm.Result removed = InProcessCli.execute(config, "logs", "blacklist", "remove", "203.0.113.0/24");
    assertThat(removed.exitCode()).isZero();
    assertThat(removed.output()).contains("Removed 203.0.113.0/24");
    ChildJvm.Result again = InProcessCli.execute(config, "logs", "blacklist", "remove", "203.0.113.0/24");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.output()).contains("203.0.113.0/24 was not listed");
  }

  @Test
  void aBadAddressOrTtlIsAUsageErrorNamingTheValue() {
    ChildJvm.Result address = InProcessCli.execute("logs", "blacklist", "add", "203.0.113.300", "--reason", "x");
    assertThat(address.exitCode()).isEqualTo(2);
    assertThat(address.output()).contains("'203.0.113.300' is not an IP address or CIDR block");

    ChildJvm.Result ttl = InProcessCli.execute("logs", "blacklist", "add", "203.0.113.3", "--reason", "x", "--ttl", "soon");
    assertThat(ttl.exitCode()).isEqualTo(2);
    assertThat(ttl.output()).contains("'soon' must be a duration such as 30m, 24h or 7d");
  }

  @Test
  void analyzeWritesTheReportAndRejectsAnUnknownFormat() throws Exception {
    LakehouseConfig config = TestLakehouse.config("127.0.0.1:9");
    Path out = Path.of(config.path("reports/cli"));

    ChildJvm.Result result = InProcessCli.execute(config, "logs", "analyze", "src/test/resources/logs/analyze/*.log", "--out",
        out.toString());
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("Lines 33: parsed 31 (93.94%), rejected 2, duplicates 1",
        "Requests 31, unique visitors 7, bandwidth 77,018 bytes");
    assertThat(Files.readString(out.resolve("report.json"))).contains("\"requests\" : 31");
    assertThat(out.resolve("report.html")).isNotEmptyFile();

    ChildJvm.Result bad = InProcessCli.execute(config, "logs", "analyze", "src/test/resources/logs/analyze", "--format", "iis");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.output()).contains("Invalid log format 'iis': known formats are");
  }
}
