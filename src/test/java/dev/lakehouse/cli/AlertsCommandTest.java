package dev.lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.alerts.Alert;
import dev.lakehouse.alerts.AlertStore;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.InProcessCli;
import dev.lakehouse.testing.TestLakehouse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `alerts list` and `alerts ack` as a person on call uses them. */
class AlertsCommandTest {
  private static final Instant WINDOW = Instant.parse("2026-11-21T10:00:00Z");

  @Test
  void listFiltersAndAckAcknowledgesOnce() {
    LakehouseConfig config = TestLakehouse.config("127.0.0.1:9");
    Lakehouse lakehouse = TestLakehouse.open(config);
    Alert ip = new Alert("logs", "logs.ip_suspicious", "warning", "203.0.113.9", "203.0.113.9 sent 150 requests in a minute",
        150.0, "<= 100", WINDOW, WINDOW.plusSeconds(60), WINDOW.plusSeconds(61));
    Alert card = new Alert("finance", "finance.fraud_suspected", "critical", "card-7", "Card card-7 scored 0.91",
        0.91, "< 0.7", WINDOW, null, WINDOW.plusSeconds(5));
    new AlertStore(lakehouse.catalog()).raise(lakehouse.spark(), List.of(ip, card));

    ChildJvm.Result logs = InProcessCli.execute(config, "alerts", "list", "--domain", "logs");
    assertThat(logs.exitCode()).as(logs.output()).isZero();
    assertThat(logs.output()).contains(ip.alertId(), "203.0.113.9", "logs.ip_suspicious", "open", "(1 row)")
        .doesNotContain("card-7");

    ChildJvm.Result critical = InProcessCli.execute(config, "alerts", "list", "--severity", "critical");
    assertThat(critical.output()).contains("card-7").doesNotContain("203.0.113.9");

    ChildJvm.Result acked = InProcessCli.execute(config, "alerts", "ack", ip.alertId(), "--by", "ana");
    assertThat(acked.exitCode()).as(acked.output()).isZero();
    assertThat(acked.output()).contains("Acknowledged 1 alert by ana: " + ip.alertId());

    ChildJvm.Result open = InProcessCli.execute(config, "alerts", "list", "--open");
    assertThat(open.output()).contains("card-7").doesNotContain("203.0.113.9");
    ChildJvm.Result all = InProcessCli.execute(config, "alerts", "list");
    assertThat(all.output()).containsPattern("203\\.0\\.113\\.9 .*\\| acknowledged +\\| ana ");

    ChildJvm.Result again = InProcessCli.execute(config, "alerts", "ack", ip.alertId(), "no-such-id");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.output()).contains("Cannot acknowledge " + ip.alertId() + ", no-such-id: no open alert with those ids");
  }

  @Test
  void ackNeedsAnId() {
    ChildJvm.Result result = InProcessCli.execute("alerts", "ack");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output()).contains("Missing required parameter: 'ALERT_ID'");
  }
}
