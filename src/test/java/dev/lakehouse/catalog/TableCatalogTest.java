package dev.lakehouse.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.testing.TestLakehouse;
import java.nio.file.Path;
import java.util.List;
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
  void registeringAllCreatesEveryTableAtItsLocation() {
    Lakehouse lakehouse = TestLakehouse.fresh();

    lakehouse.catalog().registerAll(lakehouse.spark());

    for (TableDefinition table : lakehouse.catalog().definitions()) {
      assertThat(lakehouse.spark().catalog().tableExists(table.name())).as(table.name()).isTrue();
      assertThat(Path.of(lakehouse.catalog().path(table.name()), "_delta_log")).isDirectory();
    }
  }

  @Test
  void aTableWhoseCreationWasCutShortIsCreatedAgainOnFirstUse() throws Exception {
    Lakehouse lakehouse = TestLakehouse.fresh();
    // what kill -9 during CREATE TABLE leaves: a log folder with the first commit still a temporary file
    Path log = Path.of(lakehouse.catalog().path("gold.commerce_sales_daily"), "_delta_log");
    java.nio.file.Files.createDirectories(log.resolve("_commits"));
    java.nio.file.Files.writeString(log.resolve(".00000000000000000000.json.cut-short.tmp"), "{\"commitInfo\":");

    lakehouse.catalog().location("gold.commerce_sales_daily");

    assertThat(log.resolve("00000000000000000000.json")).isRegularFile();
    assertThat(lakehouse.spark().table("gold.commerce_sales_daily").count()).isZero();
  }

  @Test
  void openingCreatesNothingAndATableIsCreatedFromItsDdlOnFirstUseByName() {
    Lakehouse lakehouse = TestLakehouse.fresh();
    Path sales = Path.of(lakehouse.catalog().path("gold.commerce_sales_daily"));
    assertThat(lakehouse.catalog().definitions()).allSatisfy(table ->
        assertThat(Path.of(lakehouse.catalog().path(table.name()), "_delta_log")).as(table.name()).doesNotExist());

    long rows = lakehouse.spark().sql("SELECT count(*) FROM gold.commerce_sales_daily").head().getLong(0);

    assertThat(rows).isZero();
    assertThat(sales.resolve("_delta_log")).isDirectory();
    assertThat(Path.of(lakehouse.catalog().path("gold.commerce_funnel_daily"))).doesNotExist();
    assertThat(lakehouse.spark().sql("DESCRIBE DETAIL gold.commerce_sales_daily").select("description").head().getString(0))
        .isEqualTo(lakehouse.catalog().definition("gold.commerce_sales_daily").grain());
  }

  @Test
  void aTableIsCreatedFromItsDdlWhenItsLocationIsAskedFor() {
    Lakehouse lakehouse = TestLakehouse.fresh();

    String location = lakehouse.catalog().location("ops.pipeline_events");

    assertThat(Path.of(location, "_delta_log")).isDirectory();
    assertThat(lakehouse.spark().read().format("delta").load(location).columns()).contains("query_name", "event_date");
    assertThat(lakehouse.spark().sql("DESCRIBE DETAIL ops.pipeline_events").select("description").head().getString(0))
        .isEqualTo(lakehouse.catalog().definition("ops.pipeline_events").grain());
  }

  @Test
  void showTablesListsEveryDeclaredTableBeforeItIsUsed() throws Exception {
    Lakehouse lakehouse = TestLakehouse.fresh();

    List<String> gold = lakehouse.spark().sql("SHOW TABLES IN gold").collectAsList().stream()
        .map(row -> "gold." + row.getAs("tableName")).toList();

    assertThat(gold).containsAll(lakehouse.catalog().definitions().stream().map(TableDefinition::name)
        .filter(name -> name.startsWith("gold.")).toList());
    assertThat(lakehouse.spark().catalog().listTables("silver").count())
        .isGreaterThanOrEqualTo(lakehouse.catalog().definitions().stream().filter(t -> t.layer().equals("silver")).count());
  }

  @Test
  void anUndeclaredNameIsStillUnknown() {
    Lakehouse lakehouse = TestLakehouse.fresh();

    assertThatThrownBy(() -> lakehouse.spark().sql("SELECT * FROM gold.commerce_sales_dialy"))
        .hasMessageContaining("TABLE_OR_VIEW_NOT_FOUND").hasMessageContaining("commerce_sales_dialy");
    assertThat(lakehouse.spark().catalog().tableExists("gold.commerce_sales_dialy")).isFalse();
  }

  @Test
  void aSecondLakehouseInTheSameSessionSeesOnlyItsOwnRowsAndTheFirstFindsItsAgain() {
    Lakehouse first = TestLakehouse.fresh();
    insertPipelineEvent(first);
    assertThat(count(first, "ops.pipeline_events")).isEqualTo(1);

    Lakehouse second = TestLakehouse.fresh();
    assertThat(count(second, "ops.pipeline_events")).isZero();

    TestLakehouse.open(first.config());
    assertThat(count(first, "ops.pipeline_events")).isEqualTo(1);
  }

  @Test
  void aSessionThatForgotATableFindsTheSameDataOnItsNextUse() {
    Lakehouse lakehouse = TestLakehouse.fresh();
    insertPipelineEvent(lakehouse);
    lakehouse.spark().sql("DROP TABLE ops.pipeline_events");
    assertThat(lakehouse.spark().sessionState().catalog().tableExists(
        new org.apache.spark.sql.catalyst.TableIdentifier("pipeline_events", scala.Option.apply("ops")))).isFalse();

    assertThat(lakehouse.spark().sql("SELECT input_rows, event_date FROM ops.pipeline_events").collectAsList())
        .extracting(Object::toString).containsExactly("[5,2026-11-21]");
  }

  private static void insertPipelineEvent(Lakehouse lakehouse) {
    lakehouse.spark().sql("INSERT INTO ops.pipeline_events (query_name, batch_id, source, target_table, input_rows, "
        + "output_rows, quarantined_rows, started_at, finished_at, event_date) VALUES ('q', 0, 's', 't', 5, 5, 0, "
        + "timestamp'2026-11-21 10:00:00', timestamp'2026-11-21 10:00:01', date'2026-11-21')");
  }

  private static long count(Lakehouse lakehouse, String table) {
    return lakehouse.spark().table(table).count();
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
