package dev.lakehouse.commerce.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.spark.StreamingQueries;
import dev.lakehouse.testing.TestLakehouse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * gold.commerce_behavior_5m and gold.commerce_sessions from inline events in silver.commerce_events,
 * checked against the same figures computed here in plain Java; then a second batch with an event
 * older than the watermark, which must land in ops.late_events and nowhere in gold.
 */
class CommerceStreamingTest {
  private static final String DAY = "2026-11-21T";
  private static Lakehouse lakehouse;

  /** One behaviour event as silver holds it. */
  record Event(String id, String type, String user, String session, String product, String category, String at) {
    Instant instant() {
      return Instant.parse(DAY + at + "Z");
    }

    Instant window() {
      long ms = instant().toEpochMilli();
      return Instant.ofEpochMilli(ms - Math.floorMod(ms, 300_000L));
    }
  }

  private static final List<Event> FIRST = List.of(
      new Event("e01", "view", "u1", "s1", "p1", "shoes", "10:00:10"),
      new Event("e02", "view", "u1", "s1", "p2", "shoes", "10:01:00"),
      new Event("e03", "view", "u3", null, "p1", "shoes", "10:01:30"),
      new Event("e04", "cart", "u1", "s1", "p2", "shoes", "10:02:30"),
      new Event("e05", "view", "u2", "s2", "p1", "shoes", "10:03:00"),
      new Event("e06", "view", "u2", "s2", "p1", "shoes", "10:04:00"),
      new Event("e07", "view", "u1", "s3", "p3", "books", "10:04:30"),
      new Event("e08", "purchase", "u1", "s1", "p2", "shoes", "10:06:00"),
      // two events of s2 at the same instant: the sequence orders them by event_id
      new Event("e10", "click", "u2", "s2", "p3", "books", "10:12:00"),
      new Event("e11", "cart", "u2", "s2", "p3", "books", "10:12:00"),
      new Event("e12", "view", "u1", "s3", "p4", null, "10:29:00"));

  /** After FIRST the watermark is 10:29:00 - 10m = 10:19:00: e20 is late, e21 is not. */
  private static final Event LATE = new Event("e20", "view", "u2", "s2", "p1", "shoes", "10:05:00");
  private static final Event ON_TIME = new Event("e21", "purchase", "u1", "s3", "p4", null, "10:30:00");

  private static List<String> afterFirstBehavior;
  private static List<String> afterFirstSessions;

  @BeforeAll
  static void twoBatches() throws Exception {
    lakehouse = TestLakehouse.fresh("commerce.watermark=10m");
    append(FIRST);
    stream();
    afterFirstBehavior = strings(BEHAVIOR_SQL);
    afterFirstSessions = strings(SESSIONS_SQL);
    append(List.of(LATE, ON_TIME));
    stream();
  }

  private static final String BEHAVIOR_SQL = "SELECT window_start, event_type, category, events, unique_users, unique_sessions "
      + "FROM gold.commerce_behavior_5m ORDER BY 1, 2, 3";
  private static final String SESSIONS_SQL = "SELECT session_id, user_id, first_event_at, last_event_at, duration_ms, events, "
      + "page_views, products_viewed, array_join(event_sequence, '>'), is_converted FROM gold.commerce_sessions ORDER BY 1";

  private static void stream() throws Exception {
    StreamingQueries.awaitAll(List.of(new CommerceStreams(lakehouse.config(), lakehouse.catalog())
        .startBehavior(lakehouse.spark(), Trigger.AvailableNow())), System.out, Duration.ofMinutes(5));
  }

  private static void append(List<Event> events) {
    var silver = lakehouse.spark().read().format("delta").load(lakehouse.catalog().location("silver.commerce_events"));
    List<Row> rows = new ArrayList<>();
    long offset = 0;
    Timestamp now = Timestamp.from(Instant.now());
    for (Event e : events) {
      rows.add(RowFactory.create(e.id(), e.type(), e.user(), e.session(), e.product(), e.category(), "/p/" + e.product(),
          "test", "Other", "desktop", false, "brand", 1000L, Timestamp.from(e.instant()), java.sql.Date.valueOf(e.instant().atZone(ZoneOffset.UTC).toLocalDate()),
          "commerce.events", 0, offset++, now, now));
    }
    lakehouse.spark().createDataFrame(rows, silver.schema()).write().format("delta").mode("append")
        .save(lakehouse.catalog().location("silver.commerce_events"));
  }

  private static List<String> strings(String sql) {
    return lakehouse.spark().sql(sql).collectAsList().stream().map(Row::toString).toList();
  }

  private static String ts(Instant t) {
    return Timestamp.from(t).toString();
  }

  /** The behaviour rows of events, computed here: count, distinct users, distinct non-null sessions. */
  private static List<String> expectedBehavior(List<Event> events) {
    Map<String, List<Event>> groups = events.stream().collect(Collectors.groupingBy(
        e -> ts(e.window()) + "|" + e.type() + "|" + Objects.requireNonNullElse(e.category(), "unknown"), TreeMap::new,
        Collectors.toList()));
    List<String> rows = new ArrayList<>();
    groups.forEach((key, group) -> {
      String[] k = key.split("\\|");
      rows.add(String.format("[%s,%s,%s,%d,%d,%d]", k[0], k[1], k[2], group.size(),
          group.stream().map(Event::user).distinct().count(),
          group.stream().map(Event::session).filter(Objects::nonNull).distinct().count()));
    });
    return rows;
  }

  /** The session rows of events, computed here. */
  private static List<String> expectedSessions(List<Event> events) {
    Map<String, List<Event>> bySession = events.stream().filter(e -> e.session() != null)
        .collect(Collectors.groupingBy(Event::session, TreeMap::new, Collectors.toList()));
    List<String> rows = new ArrayList<>();
    bySession.forEach((session, group) -> {
      List<Event> ordered = group.stream()
          .sorted(Comparator.comparing(Event::instant).thenComparing(Event::id)).toList();
      Instant first = ordered.get(0).instant();
      Instant last = ordered.get(ordered.size() - 1).instant();
      List<Event> views = group.stream().filter(e -> e.type().equals("view")).toList();
      rows.add(String.format("[%s,%s,%s,%s,%d,%d,%d,%d,%s,%s]", session, ordered.get(0).user(), ts(first), ts(last),
          last.toEpochMilli() - first.toEpochMilli(), group.size(), views.size(),
          views.stream().map(Event::product).distinct().count(),
          ordered.stream().map(Event::type).collect(Collectors.joining(">")),
          group.stream().anyMatch(e -> e.type().equals("purchase"))));
    });
    return rows;
  }

  private static List<Event> both() {
    List<Event> all = new ArrayList<>(FIRST);
    all.add(ON_TIME);
    return all;
  }

  @Test
  void behaviorCountsEventsUsersAndSessionsPerWindowTypeAndCategory() {
    assertThat(afterFirstBehavior).isEqualTo(expectedBehavior(FIRST));
    // the view of shoes in 10:00 has three users (one without a session) but two sessions
    assertThat(afterFirstBehavior).contains("[2026-11-21 10:00:00.0,view,shoes,5,3,2]");
  }

  @Test
  void sessionsHaveDurationSequenceAndConversion() {
    assertThat(afterFirstSessions).isEqualTo(expectedSessions(FIRST));
    assertThat(afterFirstSessions.get(0)).isEqualTo("[s1,u1,2026-11-21 10:00:10.0,2026-11-21 10:06:00.0,350000,4,2,2,"
        + "view>view>cart>purchase,true]");
  }

  @Test
  void aLateEventIsKeptInLateEventsWithTheWatermarkItMissedAndNotCounted() {
    assertThat(strings("SELECT query_name, source_table, record_key, event_at, watermark_at, lateness_ms, "
        + "get_json_object(record, '$.session_id') FROM ops.late_events"))
        .containsExactly("[gold.commerce_behavior,silver.commerce_events,e20,2026-11-21 10:05:00.0,2026-11-21 10:19:00.0,840000,s2]");
    assertThat(strings(BEHAVIOR_SQL)).isEqualTo(expectedBehavior(both()));
    assertThat(strings(SESSIONS_SQL)).isEqualTo(expectedSessions(both()));
    // counted: the second batch's lineage row says one late row and the watermarks before and after
    assertThat(strings("SELECT get_json_object(details, '$.late_rows'), get_json_object(details, '$.watermark_before_ms'), "
        + "get_json_object(details, '$.watermark_after_ms') FROM ops.pipeline_events WHERE query_name = 'gold.commerce_behavior' "
        + "ORDER BY batch_id")).containsExactly(
            "[0,null," + Instant.parse(DAY + "10:19:00Z").toEpochMilli() + "]",
            "[1," + Instant.parse(DAY + "10:19:00Z").toEpochMilli() + "," + Instant.parse(DAY + "10:20:00Z").toEpochMilli() + "]");
  }

  @Test
  void runningAgainChangesNothing() throws Exception {
    List<String> behavior = strings(BEHAVIOR_SQL);
    List<String> sessions = strings(SESSIONS_SQL);
    stream();
    assertThat(strings(BEHAVIOR_SQL)).isEqualTo(behavior);
    assertThat(strings(SESSIONS_SQL)).isEqualTo(sessions);
    assertThat(strings("SELECT count(*) FROM ops.late_events")).containsExactly("[1]");
  }
}
