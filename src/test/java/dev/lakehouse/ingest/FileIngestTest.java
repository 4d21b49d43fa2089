package dev.lakehouse.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.spark.StreamingQueries;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.InProcessCli;
import dev.lakehouse.testing.Poll;
import dev.lakehouse.testing.TestLakehouse;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;

/**
 * Web access log files dropped into a watched directory (ingest.files.logs.access) reach
 * bronze.logs_access once each, with the file and line as lineage; bad lines and damaged files end
 * in ops.quarantine; a killed ingest restarts without duplicates or gaps.
 */
class FileIngestTest {
  private static final String SOURCE = "logs.access";

  private static String line(String file, int i) {
    return String.format(Locale.ROOT, "203.0.113.%d - - [21/Nov/2026:10:%02d:%02d +0000] \"GET /%s/%d HTTP/1.1\" 200 %d \"-\" "
        + "\"Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0\"", i % 250, (i / 60) % 60, i % 60,
        file, i, 100 + i);
  }

  private static List<String> lines(String file, int count) {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      lines.add(line(file, i));
    }
    return lines;
  }

  // written under a hidden name and moved in, as a log shipper does: the watcher never sees half a file
  private static void drop(Path dir, String name, String text) {
    try {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (name.endsWith(".gz")) {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(zipped)) {
          out.write(bytes);
        }
        bytes = zipped.toByteArray();
      }
      dropBytes(dir, name, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void dropBytes(Path dir, String name, byte[] bytes) throws IOException {
    Files.createDirectories(dir);
    Path hidden = dir.resolve("." + name + ".tmp");
    Files.write(hidden, bytes);
    Files.move(hidden, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private static Dataset<Row> bronze(Lakehouse lakehouse) {
    return lakehouse.spark().read().format("delta").load(lakehouse.catalog().location(BronzeRecords.tableOf(SOURCE)));
  }

  private static long commits(Lakehouse lakehouse) {
    File[] files = Path.of(lakehouse.catalog().location(BronzeRecords.tableOf(SOURCE)), "_delta_log").toFile()
        .listFiles((d, name) -> name.endsWith(".json"));
    return files == null ? 0 : files.length;
  }

  // the newest batch in the offsets log has no commit file yet: the query is reading and writing it
  private static boolean uncommittedBatch(Path checkpoint) {
    long planned = lastBatch(checkpoint.resolve("offsets"));
    return planned >= 0 && planned > lastBatch(checkpoint.resolve("commits"));
  }

  private static long lastBatch(Path dir) {
    String[] names = dir.toFile().list((d, name) -> name.matches("\\d+"));
    return names == null ? -1 : java.util.Arrays.stream(names).mapToLong(Long::parseLong).max().orElse(-1);
  }

  private static void ingestAvailableNow(Lakehouse lakehouse) throws Exception {
    StreamingQuery query = new FileIngest(lakehouse.config(), lakehouse.catalog())
        .start(lakehouse.spark(), SOURCE, Trigger.AvailableNow());
    StreamingQueries.awaitAll(List.of(query), System.out, Duration.ofMinutes(5));
  }

  private static List<String> strings(Lakehouse lakehouse, String sql) {
    return lakehouse.spark().sql(sql).collectAsList().stream().map(Row::toString).toList();
  }

  @Test
  void linesOfPlainAndGzipFilesLandOnceWithFileAndLineAndBadOnesAreQuarantined() throws Exception {
    Path dir = Path.of(TestLakehouse.config("127.0.0.1:9").path("watched"));
    Lakehouse lakehouse = TestLakehouse.fresh("ingest.files." + SOURCE + "=" + dir);
    drop(dir, "access-1.log", line("a", 1) + "\n\n" + "this is not an access log line\n" + line("a", 4) + "\r\n"
        + line("a", 5).substring(0, 40) + "\n" + line("a", 6));
    drop(dir, "access-2.log.gz", line("b", 1) + "\n" + line("b", 2) + "\n");
    byte[] whole;
    try (ByteArrayOutputStream zipped = new ByteArrayOutputStream(); OutputStream out = new GZIPOutputStream(zipped)) {
      out.write(String.join("\n", lines("c", 400)).getBytes(StandardCharsets.UTF_8));
      out.close();
      whole = zipped.toByteArray();
    }
    dropBytes(dir, "cut.log.gz", java.util.Arrays.copyOf(whole, whole.length / 2));

    ChildJvm.Result ingested = InProcessCli.execute(lakehouse.config(), "ingest", "--files", SOURCE, "--available-now");

    assertThat(ingested.exitCode()).as(ingested.output()).isZero();
    assertThat(ingested.output()).contains("logs.access (files)");
    // every line that is not blank, with its file and line number; "\r\n" ends a line too
    assertThat(strings(lakehouse, "SELECT regexp_extract(_kafka_topic, '[^/]*$', 0), _kafka_partition, _kafka_offset, "
        + "CAST(value AS STRING) FROM bronze.logs_access WHERE _kafka_topic NOT LIKE '%cut.log.gz' ORDER BY 1, 3"))
        .containsExactly(
            "[access-1.log,0,1," + line("a", 1) + "]",
            "[access-1.log,0,3,this is not an access log line]",
            "[access-1.log,0,4," + line("a", 4) + "]",
            "[access-1.log,0,5," + line("a", 5).substring(0, 40) + "]",
            "[access-1.log,0,6," + line("a", 6) + "]",
            "[access-2.log.gz,0,1," + line("b", 1) + "]",
            "[access-2.log.gz,0,2," + line("b", 2) + "]");
    assertThat(strings(lakehouse, "SELECT _kafka_topic LIKE 'file:/%' FROM bronze.logs_access")).containsOnly("[true]");
    // the damaged gzip: the lines before the damage are kept, and the damage is quarantined, not lost
    assertThat(strings(lakehouse, "SELECT rule_id, reason LIKE 'Cannot read %cut.log.gz past line %' FROM ops.quarantine "
        + "WHERE stage = 'ingest'")).containsExactly("[ingest.file.unreadable,true]");
    assertThat(bronze(lakehouse).where(col("_kafka_topic").endsWith("cut.log.gz")).count()).isBetween(1L, 399L);

    ChildJvm.Result refined = InProcessCli.execute(lakehouse.config(), "refine", "--available-now", "--table",
        "silver.logs_web_requests");
    assertThat(refined.exitCode()).as(refined.output()).isZero();
    assertThat(strings(lakehouse, "SELECT path FROM silver.logs_web_requests WHERE path NOT LIKE '/c/%' ORDER BY 1"))
        .containsExactly("[/a/1]", "[/a/4]", "[/a/6]", "[/b/1]", "[/b/2]");
    // the malformed and the cut line are held with their file and line
    assertThat(strings(lakehouse, "SELECT regexp_extract(_kafka_topic, '[^/]*$', 0), _kafka_offset, rule_id LIKE 'parse.%' "
        + "FROM ops.quarantine WHERE stage = 'refine' AND _kafka_topic LIKE '%access-1.log' ORDER BY 2"))
        .containsExactly("[access-1.log,3,true]", "[access-1.log,5,true]");

    // a directory that is not there is said at start, naming the key
    Path missing = dir.resolveSibling("no-such-dir");
    assertThatThrownBy(() -> new FileIngest(TestLakehouse.with(lakehouse.config(), "ingest.files." + SOURCE + "=" + missing),
        lakehouse.catalog()).start(lakehouse.spark(), SOURCE, Trigger.AvailableNow()))
        .hasMessage("Cannot watch ingest.files.logs.access=" + missing + ": it is not a directory; create it (files moved "
            + "into it are ingested) or point the key at the directory that holds the files");

    // a new file is picked up; the ones read before are not read again
    long before = bronze(lakehouse).count();
    drop(dir, "access-3.log", String.join("\n", lines("d", 3)) + "\n");
    ingestAvailableNow(lakehouse);
    assertThat(bronze(lakehouse).count()).isEqualTo(before + 3);
    assertThat(bronze(lakehouse).where(col("_kafka_topic").endsWith("access-3.log")).count()).isEqualTo(3);
  }

  @Test
  void aKilledIngestRestartsAndEveryLineOfEveryFileIsInBronzeExactlyOnce() throws Exception {
    Path dir = Path.of(TestLakehouse.config("127.0.0.1:9").path("watched"));
    LakehouseConfig config = TestLakehouse.config("127.0.0.1:9", "ingest.files." + SOURCE + "=" + dir,
        "ingest.max-files-per-trigger=1");
    Lakehouse lakehouse = TestLakehouse.open(config);
    int perFile = 2_000;
    List<String> names = new ArrayList<>();
    for (int f = 1; f <= 4; f++) {
      names.add("wave1-" + f + (f == 2 ? ".log.gz" : ".log"));
    }
    names.forEach(name -> drop(dir, name, String.join("\n", lines(name, perFile)) + "\n"));
    long initialCommits = commits(lakehouse);

    Path log = Files.createTempFile(Path.of("target"), "file-ingest-child", ".log");
    Process child = ChildJvm.start(config, log, "ingest", "--files", SOURCE);
    try {
      Poll.until("the child ingest to commit a first file", Duration.ofMinutes(3),
          () -> commits(lakehouse) >= initialCommits + 1 || !child.isAlive());
      assertThat(child.isAlive()).as("child still running; its output: %s", Files.readString(log)).isTrue();
      // more files arrive while it runs
      for (int f = 1; f <= 6; f++) {
        String name = "wave2-" + f + (f == 3 ? ".log.gz" : ".log");
        names.add(name);
        drop(dir, name, String.join("\n", lines(name, perFile)) + "\n");
      }
      Poll.until("the child ingest to commit a file of the second wave", Duration.ofMinutes(3),
          () -> commits(lakehouse) >= initialCommits + 5 || !child.isAlive());
      // kill in the middle of a file: its batch is planned (the file assigned to it in the offsets log)
      // and not yet committed in the checkpoint
      Path checkpoint = Path.of(new FileIngest(config, lakehouse.catalog()).checkpoint(SOURCE));
      Poll.until("the child ingest to be inside a batch", Duration.ofMinutes(3),
          () -> uncommittedBatch(checkpoint) || !child.isAlive());
      assertThat(child.isAlive()).as("child still running; its output: %s", Files.readString(log)).isTrue();
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean stop
      child.waitFor();
    }
    assertThat(child.exitValue()).isEqualTo(137);
    long total = (long) names.size() * perFile;
    long rowsAtKill = bronze(lakehouse).count();
    assertThat(rowsAtKill).isBetween(5L * perFile, total - perFile);

    // restart from the same checkpoint and take the rest
    ingestAvailableNow(TestLakehouse.open(TestLakehouse.with(config, "ingest.max-files-per-trigger=0")));

    Dataset<Row> bronze = bronze(lakehouse);
    assertThat(bronze.count()).isEqualTo(total);
    assertThat(bronze.select("_kafka_topic", "_kafka_offset").distinct().count()).isEqualTo(total);
    assertThat(bronze.select("value").distinct().count()).isEqualTo(total);
    // each file's lines, 1 to 2,000, each the line written at that number
    assertThat(strings(lakehouse, "SELECT count(DISTINCT _kafka_topic), min(_kafka_offset), max(_kafka_offset) FROM "
        + "bronze.logs_access")).containsExactly("[" + names.size() + ",1," + perFile + "]");
    for (String name : List.of(names.get(1), names.get(names.size() - 1))) {
      assertThat(strings(lakehouse, "SELECT CAST(value AS STRING) FROM bronze.logs_access WHERE _kafka_topic LIKE '%/" + name
          + "' AND _kafka_offset = 1234")).containsExactly("[" + line(name, 1234) + "]");
    }
    Dataset<Row> lineage = lakehouse.spark().table("ops.pipeline_events")
        .filter(col("query_name").equalTo(FileIngest.queryName(SOURCE)));
    assertThat(lineage.select("query_id", "batch_id").distinct().count()).isEqualTo(lineage.count());
    assertThat(lineage.agg(org.apache.spark.sql.functions.sum("input_rows")).head().getLong(0)).isEqualTo(total);
  }
}
