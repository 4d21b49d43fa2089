package dev.lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.InProcessCli;
import dev.lakehouse.testing.TestLakehouse;
import org.junit.jupiter.api.Test;

/** `commerce stream` through the command line. */
class CommerceStreamCommandTest {
  @Test
  void availableNowBuildsBehaviorAndSessionsAndSaysWhySalesWereSkipped() {
    LakehouseConfig config = TestLakehouse.config("127.0.0.1:9");
    Lakehouse lakehouse = TestLakehouse.open(config);   // the shared session registers this home's tables
    lakehouse.spark().sql("INSERT INTO silver.commerce_events VALUES "
        + "('e1', 'view', 'u1', 's1', 'p1', 'shoes', '/p/p1', 'ua', 'Other', 'desktop', false, 'acme', 1000, timestamp'2026-11-21 10:00:00', date'2026-11-21', "
        + "'commerce.events', 0, 1, timestamp'2026-11-21 10:00:01', timestamp'2026-11-21 10:00:02'), "
        + "('e2', 'purchase', 'u1', 's1', 'p1', 'shoes', '/p/p1', 'ua', 'Other', 'desktop', false, 'acme', 1000, timestamp'2026-11-21 10:07:00', date'2026-11-21', "
        + "'commerce.events', 0, 2, timestamp'2026-11-21 10:07:01', timestamp'2026-11-21 10:07:02')");

    ChildJvm.Result result = InProcessCli.execute(config, "commerce", "stream", "--available-now", "--orders-table", "silver.nothing_here");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains(
        "Skipping gold.commerce_sales_5m: Cannot stream sales from silver.nothing_here: no such table")
        .containsPattern("gold.commerce_behavior_5m +2 rows")
        .containsPattern("gold.commerce_sessions +1 rows");
  }

  @Test
  void anInvalidAnomalyThresholdFailsAtOnce() {
    ChildJvm.Result result = InProcessCli.execute("commerce", "stream", "--available-now", "--conf", "commerce.anomaly-z=-1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).startsWith(
        "lakehouse stream: Invalid value '-1' for commerce.anomaly-z (from --conf commerce.anomaly-z): must be a number > 0.0");
  }
}
