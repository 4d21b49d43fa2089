package dev.lakehouse.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.testing.TestLakehouse;
import org.junit.jupiter.api.Test;

class TableCatalogTest {

  @Test
  void everyDeclaredTableStatesItsGrainAndFollowsTheNaming() {
    TableCatalog catalog = TableCatalog.load(TestLakehouse.config("127.0.0.1:9"));

    assertThat(catalog.definitions()).extracting(TableDefinition::name)
        .contains("bronze.commerce_events", "bronze.logs_access", "bronze.finance_payments",
            "silver.commerce_events", "ops.quarantine", "ops.pipeline_events")
        .allMatch(name -> name.matches("(bronze|silver|gold|ops)\\.[a-z0-9_]+"));
    assertThat(catalog.definitions()).allSatisfy(t -> assertThat(t.grain()).startsWith("One row per"));
  }

  @Test
  void openingCreatesEveryTableAtItsLocation() {
    Lakehouse lakehouse = TestLakehouse.fresh();

    for (TableDefinition table : lakehouse.catalog().definitions()) {
      assertThat(lakehouse.spark().catalog().tableExists(table.name())).as(table.name()).isTrue();
      assertThat(java.nio.file.Path.of(lakehouse.catalog().location(table.name()), "_delta_log")).isDirectory();
    }
  }

  @Test
  void aSessionThatForgotTheTablesFindsTheSameDataAfterRegistering() {
    Lakehouse lakehouse = TestLakehouse.fresh();
    lakehouse.spark().sql("INSERT INTO ops.pipeline_events (query_name, batch_id, source, target_table, input_rows, "
        + "output_rows, quarantined_rows, started_at, finished_at, event_date) VALUES ('q', 0, 's', 't', 5, 5, 0, "
        + "timestamp'2026-11-21 10:00:00', timestamp'2026-11-21 10:00:01', date'2026-11-21')");
    lakehouse.spark().sql("DROP TABLE ops.pipeline_events");
    assertThat(lakehouse.spark().catalog().tableExists("ops.pipeline_events")).isFalse();

    lakehouse.catalog().registerAll(lakehouse.spark());

    assertThat(lakehouse.spark().sql("SELECT input_rows, event_date FROM ops.pipeline_events").collectAsList())
        .extracting(Object::toString).containsExactly("[5,2026-11-21]");
  }

  @Test
  void unknownTableNamesTheDeclaredOnes() {
    TableCatalog catalog = TableCatalog.load(TestLakehouse.config("127.0.0.1:9"));

    assertThatThrownBy(() -> catalog.definition("silver.commerce_oders"))
        .hasMessageStartingWith("Cannot find table silver.commerce_oders: declared tables are [")
        .hasMessageContaining("silver.commerce_events");
  }

  @Test
  void fileWhoseTableDiffersFromItsNameIsRejected() {
    assertThatThrownBy(() -> TableDefinition.parse("silver.a", "CREATE TABLE IF NOT EXISTS silver.b (x INT) USING DELTA COMMENT 'One row per x'"))
        .hasMessage("Invalid table file for silver.a: it creates silver.b; the file name and the table name must agree");
  }

  @Test
  void fileWithoutGrainIsRejected() {
    assertThatThrownBy(() -> TableDefinition.parse("silver.a", "CREATE TABLE IF NOT EXISTS silver.a (x INT COMMENT 'x') USING DELTA"))
        .hasMessageContaining("its COMMENT must state the grain");
  }

  @Test
  void lineCommentsAndTrailingSemicolonAreIgnored() {
    TableDefinition table = TableDefinition.parse("ops.a",
        "-- about it\nCREATE TABLE IF NOT EXISTS ops.a (x INT COMMENT 'it''s x') USING DELTA COMMENT 'One row per x';\n");

    assertThat(table.grain()).isEqualTo("One row per x");
    assertThat(table.ddlAt("/lake/a")).isEqualTo(
        "CREATE TABLE IF NOT EXISTS ops.a (x INT COMMENT 'it''s x') USING DELTA COMMENT 'One row per x'\nLOCATION '/lake/a'");
  }
}
