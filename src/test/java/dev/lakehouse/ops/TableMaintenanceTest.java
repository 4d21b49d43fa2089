package dev.lakehouse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.InProcessCli;
import dev.lakehouse.testing.TestLakehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** maintain optimize / vacuum and quarantine summary on a real Delta table, as the table_maintenance DAG runs them. */
class TableMaintenanceTest {
  private static Lakehouse lakehouse;

  @BeforeAll
  static void threeSmallFiles() {
    lakehouse = TestLakehouse.fresh();
    for (int hour = 0; hour < 3; hour++) {
      lakehouse.spark().sql("INSERT INTO gold.logs_traffic_hourly (request_date, hour_start, requests, unique_visitors, "
          + "distinct_ips, bytes, status_2xx, status_3xx, status_4xx, status_5xx, bot_requests, blacklisted_requests, "
          + "source, published_at) VALUES (DATE'2026-11-20', TIMESTAMP'2026-11-20 0" + hour + ":00:00', " + (hour + 1)
          + ", 1, 1, 1, 1, 0, 0, 0, 0, 0, 'test', now())");
    }
  }

  private static long files() {
    return lakehouse.spark().sql("DESCRIBE DETAIL gold.logs_traffic_hourly").select("numFiles").head().getLong(0);
  }

  @Test
  void optimizeCompactsAndZOrdersKeepingTheRows() {
    assertThat(files()).isEqualTo(3);
    ChildJvm.Result run = InProcessCli.execute(lakehouse.config(), "maintain", "optimize", "--table",
        "gold.logs_traffic_hourly", "--zorder-by", "hour_start");
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("Optimized gold.logs_traffic_hourly (Z-ordered by hour_start): 3 files removed, 1 added");
    assertThat(files()).isEqualTo(1);
    assertThat(lakehouse.spark().sql("SELECT sum(requests) FROM gold.logs_traffic_hourly").head().getLong(0)).isEqualTo(6);
  }

  @Test
  void zOrderingByAPartitionColumnOrAnUnknownOneIsRefused() {
    ChildJvm.Result partition = InProcessCli.execute(lakehouse.config(), "maintain", "optimize", "--table",
        "gold.logs_traffic_hourly", "--zorder-by", "request_date");
    assertThat(partition.exitCode()).isEqualTo(1);
    assertThat(partition.output()).contains("Invalid --zorder-by request_date: it partitions gold.logs_traffic_hourly");
    ChildJvm.Result unknown = InProcessCli.execute(lakehouse.config(), "maintain", "optimize", "--table",
        "gold.no_such_table");
    assertThat(unknown.output()).contains("Invalid --table gold.no_such_table: no such table");
  }

  @Test
  void vacuumRefusesARetentionUnderSevenDays() {
    ChildJvm.Result tooShort = InProcessCli.execute(lakehouse.config(), "maintain", "vacuum", "--retain", "24h");
    assertThat(tooShort.exitCode()).isEqualTo(2);
    assertThat(tooShort.output()).contains("Invalid --retain 24h: must be at least 168h");
    ChildJvm.Result garbled = InProcessCli.execute(lakehouse.config(), "maintain", "vacuum", "--retain", "a week");
    assertThat(garbled.exitCode()).isEqualTo(2);
    assertThat(garbled.output()).contains("Invalid --retain a week: give hours or days");
    ChildJvm.Result ok = InProcessCli.execute(lakehouse.config(), "maintain", "vacuum", "--table",
        "gold.logs_traffic_hourly", "--retain", "7d");
    assertThat(ok.exitCode()).as(ok.output()).isZero();
    assertThat(ok.output()).contains("Vacuumed gold.logs_traffic_hourly (retaining 168h)");
  }

  @Test
  void quarantineSummaryCountsHeldRecords() {
    lakehouse.spark().sql("INSERT INTO ops.quarantine (quarantine_id, source_table, target_table, stage, rule_id, reason, "
        + "raw_value, quarantined_at, quarantined_date) VALUES "
        + "('q1', 'bronze.commerce_events', 'silver.commerce_events', 'refine', 'parse.json', 'bad json', '{', now(), current_date()),"
        + "('q2', 'bronze.commerce_events', 'silver.commerce_events', 'refine', 'parse.json', 'bad json', '[', now(), current_date())");
    ChildJvm.Result run = InProcessCli.execute(lakehouse.config(), "quarantine", "summary");
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("silver.commerce_events", "2 record(s) held in quarantine");
  }
}
