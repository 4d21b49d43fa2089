package dev.lakehouse.quality.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualitySuitesTest {

  @Test
  void loadFindsTheSuiteOfCommerceEvents() {
    Map<String, QualitySuite> suites = QualitySuites.load();

    assertThat(suites).containsKey("silver.commerce_events");
    QualitySuite events = suites.get("silver.commerce_events");
    assertThat(events.source()).isEqualTo("quality/silver/commerce_events.yaml");
    assertThat(events.rules()).extracting(QualityRule::id).contains("event_id_complete", "event_id_unique",
        "event_type_allowed", "user_id_complete", "event_at_complete", "event_at_fresh", "page_is_path",
        "session_id_mostly_present", "has_rows");
    assertThat(events.anomalies()).extracting(AnomalyRule::id).containsExactly("row_count_change");
  }

  @Test
  void everySuiteNamesColumnsItsTableDeclares() throws IOException {
    for (QualitySuite suite : QualitySuites.load().values()) {
      String ddl = ddl(suite.table());
      for (QualityRule rule : suite.rules()) {
        assertThat(rule.columns()).as("%s in %s", rule.id(), suite.source())
            .allSatisfy(column -> assertThat(ddl).containsPattern("\\n\\s*" + column + "\\s"));
      }
    }
  }

  @Test
  void forTableFindsASuiteByName() {
    assertThat(QualitySuites.forTable("silver.commerce_events")).isPresent();
    assertThat(QualitySuites.forTable("SILVER.COMMERCE_EVENTS")).isPresent();
    assertThat(QualitySuites.forTable("silver.no_such_table")).isEmpty();
  }

  private static String ddl(String table) throws IOException {
    String resource = "tables/" + table.replace('.', '/') + ".sql";
    try (InputStream in = QualitySuitesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("the DDL of %s (%s)", table, resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
