package dev.lakehouse.refine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.InProcessCli;
import dev.lakehouse.testing.TestLakehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** refine as a real process: a clean exit keeps its last progress, a damaged checkpoint is named. */
class RefineProcessTest {
  private static final String SILVER = "silver.commerce_events";

  private static void putInBronze(Lakehouse lakehouse, int count) {
    Timestamp received = Timestamp.valueOf("2026-11-21 10:00:01");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String value = "{\"event_id\":\"e-" + i + "\",\"event_type\":\"view\",\"user_id\":\"u-1\",\"event_at\":\"2026-11-21T10:00:00Z\"}";
      rows.add(RowFactory.create(null, value.getBytes(StandardCharsets.UTF_8), "commerce.events", 0, (long) i, received, received,
          Date.valueOf("2026-11-21"), 0L));
    }
    lakehouse.spark().createDataFrame(rows, lakehouse.spark().table("bronze.commerce_events").schema())
        .write().format("delta").mode("append").save(lakehouse.catalog().location("bronze.commerce_events"));
  }

  @Test
  void anAvailableNowRunEndsWithoutErrorsAndItsProgressWrittenAndADamagedCheckpointIsNamed() throws Exception {
    Lakehouse lakehouse = TestLakehouse.fresh();
    putInBronze(lakehouse, 10);

    ChildJvm.Result run = ChildJvm.run(lakehouse.config(), 300, "refine", "--available-now");

    assertThat(run.exitCode()).as(run.output()).isZero();
    // the last progress is written before Spark stops, not cut off by its shutdown
    assertThat(run.output()).doesNotContain("ERROR").doesNotContain("Exception").doesNotContain("Cannot write the last");
    assertThat(lakehouse.spark().table("ops.stream_progress").where("query_name = 'refine." + SILVER + "'")
        .select("event").as(Encoders.STRING()).collectAsList()).contains("terminated");
    assertThat(lakehouse.spark().table(SILVER).count()).isEqualTo(10);

    Path offsets = Path.of(new RefineJob(lakehouse.config(), lakehouse.catalog()).checkpoint(SILVER), "offsets");
    Path newest;
    try (Stream<Path> files = Files.list(offsets)) {
      newest = files.filter(f -> f.getFileName().toString().matches("\\d+"))
          .max(Comparator.comparingLong(f -> Long.parseLong(f.getFileName().toString()))).orElseThrow();
    }
    byte[] whole = Files.readAllBytes(newest);
    Files.write(newest, java.util.Arrays.copyOf(whole, 20));   // cut short, as a full disk or a bad copy leaves it

    ChildJvm.Result damaged = InProcessCli.execute(lakehouse.config(), "refine", "--available-now", "--table", SILVER);

    assertThat(damaged.exitCode()).isEqualTo(1);
    assertThat(damaged.output()).contains("Cannot continue refine." + SILVER + ": its checkpoint file ")
        .contains("offsets/" + newest.getFileName() + " is empty or cut short; if ops.pipeline_events has no row for batch "
            + newest.getFileName());
  }
}
