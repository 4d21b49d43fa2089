package dev.lakehouse.refine;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakehouse.Lakehouse;
import dev.lakehouse.spark.StreamingQueries;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.InProcessCli;
import dev.lakehouse.testing.TestLakehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;

/**
 * Every record refine reads is kept in silver, held in ops.quarantine with a rule, or counted as a
 * re-delivery in lineage: never dropped without a trace. Bronze rows are written directly, so the
 * source positions are known.
 */
class RefineAccountingTest {
  private static final String SILVER = "silver.commerce_events";
  private static final String TOPIC = "commerce.events";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String event(String id, String page) {
    return event(id, page, "2026-11-21T10:00:00Z");
  }

  private static String event(String id, String page, String at) {
    return "{\"event_id\":\"" + id + "\",\"event_type\":\"view\",\"user_id\":\"u-1\",\"session_id\":\"s-1\","
        + "\"page\":\"" + page + "\",\"event_at\":\"" + at + "\"}";
  }

  /** Appends values at offsets from {@code firstOffset} of partition 0, received at 2026-11-21 10:00:01. */
  private static void putInBronze(Lakehouse lakehouse, long firstOffset, List<String> values) {
    Timestamp received = Timestamp.valueOf("2026-11-21 10:00:01");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      rows.add(RowFactory.create(null, values.get(i).getBytes(StandardCharsets.UTF_8), TOPIC, 0, firstOffset + i, received,
          received, Date.valueOf("2026-11-21"), 0L));
    }
    lakehouse.spark().createDataFrame(rows, lakehouse.spark().table("bronze.commerce_events").schema())
        .write().format("delta").mode("append").save(lakehouse.catalog().location("bronze.commerce_events"));
  }

  private static void refine(Lakehouse lakehouse) throws Exception {
    StreamingQueries.awaitAll(List.of(new RefineJob(lakehouse.config(), lakehouse.catalog())
        .start(lakehouse.spark(), SILVER, Trigger.AvailableNow())), System.out, Duration.ofMinutes(5));
  }

  private static Map<Long, String> quarantinedRules(Lakehouse lakehouse) {
    Map<Long, String> rules = new HashMap<>();
    for (Row row : lakehouse.spark().table("ops.quarantine").select("_kafka_offset", "rule_id").collectAsList()) {
      rules.put(row.getLong(0), row.getString(1));
    }
    return rules;
  }

  private static Set<Long> silverOffsets(Lakehouse lakehouse) {
    return new TreeSet<>(lakehouse.spark().table(SILVER).select("_kafka_offset").as(Encoders.LONG()).collectAsList());
  }

  /** Lineage details of the refine batches, in batch order. */
  private static List<JsonNode> details(Lakehouse lakehouse) throws Exception {
    List<JsonNode> details = new ArrayList<>();
    for (String text : lakehouse.spark().table("ops.pipeline_events")
        .filter(col("query_name").equalTo("refine." + SILVER)).orderBy("batch_id")
        .select("details").as(Encoders.STRING()).collectAsList()) {
      details.add(text == null ? JSON.createObjectNode() : JSON.readTree(text));
    }
    return details;
  }

  @Test
  void everyRecordIsKeptHeldOrCountedWithinABatchAndAcrossBatches() throws Exception {
    Lakehouse lakehouse = TestLakehouse.fresh();
    putInBronze(lakehouse, 0, List.of(
        event("e-0", "/a"),                 // 0 kept
        event("e-1", "/b"),                 // 1 kept
        event("e-2", "/c"),                 // 2 kept
        event("e-0", "/a"),                 // 3 the same record again: a re-delivery, counted
        event("e-1", "/other")));           // 4 another record with a taken key: dedupe.conflict
    refine(lakehouse);
    putInBronze(lakehouse, 5, List.of(
        event("e-0", "/a"),                 // 5 re-delivered in a later batch: counted
        event("e-2", "/changed"),           // 6 another record with a key taken in an earlier batch
        event("e-3", "/d")));               // 7 kept
    refine(lakehouse);

    assertThat(silverOffsets(lakehouse)).containsExactly(0L, 1L, 2L, 7L);
    assertThat(lakehouse.spark().table(SILVER).filter(col("event_id").equalTo("e-1")).head().<String>getAs("page"))
        .isEqualTo("/b");
    assertThat(quarantinedRules(lakehouse)).isEqualTo(Map.of(4L, "dedupe.conflict", 6L, "dedupe.conflict"));
    Map<Long, String> reasons = new HashMap<>();
    lakehouse.spark().table("ops.quarantine").collectAsList()
        .forEach(r -> reasons.put(r.<Long>getAs("_kafka_offset"), r.getAs("reason")));
    assertThat(reasons.get(4L)).isEqualTo("key (event_id=e-1) is already taken by the record at commerce.events/0/1, with different content");
    assertThat(reasons.get(6L)).isEqualTo("key (event_id=e-2) is already taken by the record at commerce.events/0/2, with different content");

    List<JsonNode> details = details(lakehouse);
    assertThat(details).hasSize(2);
    assertThat(details.get(0).path("redelivered_rows").asLong()).isEqualTo(1);
    assertThat(details.get(0).path("conflict_rows").asLong()).isEqualTo(1);
    assertThat(details.get(1).path("redelivered_rows").asLong()).isEqualTo(1);
    assertThat(details.get(1).path("conflict_rows").asLong()).isEqualTo(1);
    // 8 records read: 4 kept + 2 held + 2 counted re-deliveries, none unaccounted
    long counted = details.stream().mapToLong(d -> d.path("redelivered_rows").asLong()).sum();
    assertThat(silverOffsets(lakehouse).size() + quarantinedRules(lakehouse).size() + counted).isEqualTo(8);

    // a conflict replayed as it is stays held: its key still belongs to the other record
    QuarantineReplay.Outcome replay = new QuarantineReplay(lakehouse.config(), lakehouse.catalog())
        .replay(lakehouse.spark(), SILVER, "dedupe.conflict");
    assertThat(replay.published()).isZero();
    assertThat(replay.stillFailing()).isEqualTo(2);
    assertThat(silverOffsets(lakehouse)).containsExactly(0L, 1L, 2L, 7L);
  }

  @Test
  void hostileShapesAndImplausibleValuesAreHeldWithTheirOwnRules() throws Exception {
    Lakehouse lakehouse = TestLakehouse.fresh();
    putInBronze(lakehouse, 0, List.of(
        event("e-0", "/a"),
        "{\"event_id\":\"e-1\",\"event_id\":\"e-9\",\"event_type\":\"view\",\"user_id\":\"u-1\",\"event_at\":\"2026-11-21T10:00:00Z\"}",
        "{\"event_id\":\"e-2\",\"event_type\":\"view\",\"user_id\":{\"nested\":[1,2]},\"event_at\":\"2026-11-21T10:00:00Z\"}",
        "{\"event_id\":\"e-3\",\"event_type\":[\"view\"],\"user_id\":\"u-1\",\"event_at\":\"2026-11-21T10:00:00Z\"}",
        event("e-4", "/a", "9999-12-31T23:59:59Z"),
        event("e-5", "/a", "1970-01-01T00:00:00Z"),
        event("e-" + "x".repeat(300), "/a"),
        event("e-7", "/a", "2026-11-22T09:59:00Z")));   // within a day ahead of its receipt: clock skew, kept
    refine(lakehouse);

    assertThat(silverOffsets(lakehouse)).containsExactly(0L, 7L);
    assertThat(quarantinedRules(lakehouse)).isEqualTo(Map.of(
        1L, "parse.duplicate_key.event_id",
        2L, "parse.not_scalar.user_id",
        3L, "parse.not_scalar.event_type",
        4L, "bounds.event_time.event_at",
        5L, "bounds.event_time.event_at",
        6L, "bounds.id_length.event_id"));
    Row future = lakehouse.spark().table("ops.quarantine").filter(col("_kafka_offset").equalTo(4)).head();
    assertThat(future.<String>getAs("reason")).startsWith("field 'event_at' = 9999-12-31 23:59:59 is outside [received - PT87600H, "
        + "received + PT24H] (received 2026-11-21 10:00:01");
  }

  @Test
  void quarantineShowTreatsValuesAsValuesAndShowsOneRecordWholeForAnEditFromAFile() throws Exception {
    Lakehouse lakehouse = TestLakehouse.fresh();
    String longValue = event("e-1", "/" + "p".repeat(400)).substring(0, 300);   // truncated JSON, longer than a column
    putInBronze(lakehouse, 0, List.of(event("e-0", "/a"), longValue));
    refine(lakehouse);
    String id = lakehouse.spark().table("ops.quarantine").select("quarantine_id").as(Encoders.STRING()).head();

    // quoting tricks are compared as values, so they match nothing
    ChildJvm.Result tricked = InProcessCli.execute(lakehouse.config(), "quarantine", "show",
        "--table", "x\\'", "--rule", "' OR 1=1 --");
    assertThat(tricked.exitCode()).as(tricked.output()).isZero();
    assertThat(tricked.output()).contains("(0 rows)");
    ChildJvm.Result listed = InProcessCli.execute(lakehouse.config(), "quarantine", "show", "--table", SILVER);
    assertThat(listed.output()).contains(id).contains("(1 row)");

    ChildJvm.Result whole = InProcessCli.execute(lakehouse.config(), "quarantine", "show", "--id", id);
    assertThat(whole.exitCode()).as(whole.output()).isZero();
    assertThat(whole.output()).contains("raw_value (300 bytes, UTF-8):\n" + longValue + "\n").contains("rule_id: parse.json");

    Path corrected = Files.createTempFile(Path.of("target"), "corrected", ".json");
    Files.writeString(corrected, event("e-1", "/fixed"));
    ChildJvm.Result replayed = InProcessCli.execute(lakehouse.config(), "quarantine", "replay", "--table", SILVER,
        "--set-value", id + "=@" + corrected);
    assertThat(replayed.exitCode()).as(replayed.output()).isZero();
    assertThat(replayed.output()).contains("1 held, 1 published, 0 still failing");
    assertThat(lakehouse.spark().table(SILVER).filter(col("event_id").equalTo("e-1")).head().<String>getAs("page"))
        .isEqualTo("/fixed");

    ChildJvm.Result missing = InProcessCli.execute(lakehouse.config(), "quarantine", "replay", "--table", SILVER,
        "--set-value", id + "=@" + corrected + ".missing");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.output()).contains("Cannot read the corrected value of " + id + " from " + corrected + ".missing");
  }
}
