package dev.lakehouse.serve.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.catalog.TableDefinition;
import dev.lakehouse.spark.ReadOnlyGuard;
import dev.lakehouse.testing.TestLakehouse;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import scala.Option;

/**
 * The sessions the SQL endpoint serves, on real Delta tables in the shared test session: the
 * server's own session (writable) and a client's {@code newSession()} of it, as the Thrift server
 * makes one per JDBC connection.
 */
class SqlEndpointSessionsTest {
  private static final String TABLE = "gold.logs_ip_blacklist";
  private static Lakehouse lakehouse;
  private static SparkSession server;
  private ReadOnlyGuard.Armed guard;
  private SparkSession client;

  @BeforeAll
  static void lakehouseWithOneRow() {
    lakehouse = TestLakehouse.fresh();
    server = lakehouse.spark();
    insertRow(server, "192.0.2.1");
  }

  @BeforeEach
  void readOnlyEndpoint() {
    guard = ReadOnlyGuard.arm(server);
    client = server.newSession();
  }

  @AfterEach
  void disarm() {
    guard.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      INSERT INTO gold.logs_ip_blacklist SELECT * FROM gold.logs_ip_blacklist | INSERT
      INSERT OVERWRITE gold.logs_ip_blacklist SELECT * FROM gold.logs_ip_blacklist | INSERT OVERWRITE
      DELETE FROM gold.logs_ip_blacklist | DELETE
      UPDATE gold.logs_ip_blacklist SET hits = 0 | UPDATE
      MERGE INTO gold.logs_ip_blacklist t USING gold.logs_ip_blacklist s ON t.entry = s.entry WHEN MATCHED THEN UPDATE SET hits = s.hits + 1 | MERGE
      TRUNCATE TABLE gold.logs_ip_blacklist | TRUNCATE TABLE
      DROP TABLE gold.logs_ip_blacklist | DROP TABLE
      ALTER TABLE gold.logs_ip_blacklist ADD COLUMNS (note STRING) | ALTER TABLE
      ALTER TABLE gold.logs_ip_blacklist SET TBLPROPERTIES ('owner.team' = 'x') | ALTER TABLE
      ALTER TABLE gold.logs_ip_blacklist RENAME TO gold.logs_ip_blacklist_old | ALTER TABLE
      COMMENT ON TABLE gold.logs_ip_blacklist IS 'x' | COMMENT ON
      CREATE TABLE gold.made_by_a_client (x INT) USING DELTA | CREATE TABLE
      CREATE TABLE gold.copied_by_a_client USING DELTA AS SELECT * FROM gold.logs_ip_blacklist | CREATE TABLE
      CREATE OR REPLACE TABLE gold.logs_ip_blacklist USING DELTA AS SELECT * FROM gold.logs_ip_blacklist | REPLACE TABLE
      CREATE TABLE gold.cloned_by_a_client SHALLOW CLONE gold.logs_ip_blacklist | CREATE TABLE
      CREATE VIEW gold.a_view AS SELECT 1 AS x | CREATE VIEW
      DROP VIEW gold.logs_ip_blacklist | DROP VIEW
      CREATE DATABASE made_by_a_client | CREATE DATABASE
      DROP DATABASE gold | DROP DATABASE
      OPTIMIZE gold.logs_ip_blacklist | OPTIMIZE
      VACUUM gold.logs_ip_blacklist | VACUUM
      RESTORE TABLE gold.logs_ip_blacklist TO VERSION AS OF 0 | RESTORE
      REORG TABLE gold.logs_ip_blacklist APPLY (PURGE) | REORG TABLE
      CACHE TABLE gold.logs_ip_blacklist | CACHE TABLE
      ANALYZE TABLE gold.logs_ip_blacklist COMPUTE STATISTICS | ANALYZE TABLE
      ADD JAR /nonexistent/evil.jar | ADD JAR
      CREATE TEMPORARY FUNCTION evil AS 'org.example.Evil' | CREATE FUNCTION
      SELECT reflect('java.lang.System', 'getProperty', 'user.home') | REFLECT
      """)
  void aClientSessionIsRefusedEveryStatementThatChangesSomethingAndTheTableStaysAsItWas(String sql, String statement) {
    long version = version();
    long rows = rows();

    assertThatThrownBy(() -> client.sql(sql).collect())
        .isInstanceOf(ReadOnlyGuard.Refused.class)
        .hasMessage("Cannot run " + statement + " over the read-only SQL endpoint: start serve with "
            + "--allow-writes to allow it");

    assertThat(version()).isEqualTo(version);
    assertThat(rows()).isEqualTo(rows);
    assertThat(server.catalog().tableExists(TABLE)).isTrue();
  }

  @Test
  void aClientSessionReadsDescribesExplainsSetsOptionsAndKeepsTemporaryViews() {
    List<String> allowed = List.of(
        "SELECT entry, hits FROM gold.logs_ip_blacklist",
        "SHOW DATABASES",
        "SHOW TABLES IN gold",
        "SHOW COLUMNS IN gold.logs_ip_blacklist",
        "SHOW TBLPROPERTIES gold.logs_ip_blacklist",
        "DESCRIBE TABLE EXTENDED gold.logs_ip_blacklist",
        "DESCRIBE HISTORY gold.logs_ip_blacklist",
        "DESCRIBE DETAIL gold.logs_ip_blacklist",
        "EXPLAIN SELECT count(*) FROM gold.logs_ip_blacklist",
        "SET spark.sql.shuffle.partitions = 3",
        "RESET spark.sql.shuffle.partitions",
        "USE gold",
        "CREATE TEMPORARY VIEW busiest AS SELECT entry FROM gold.logs_ip_blacklist ORDER BY hits DESC LIMIT 1",
        "SELECT * FROM busiest",
        "DROP VIEW busiest",
        "REFRESH TABLE gold.logs_ip_blacklist");
    long version = version();

    for (String sql : allowed) {
      assertThat(client.sql(sql).collectAsList()).as(sql).isNotNull();
    }

    assertThat(client.sql("DESCRIBE HISTORY gold.logs_ip_blacklist").count()).isEqualTo(version + 1);
    assertThat(version()).isEqualTo(version);
  }

  @Test
  void aClientCannotLiftTheGuardWithSetOrResetOrANewSession() {
    client.sql("RESET");
    assertThatThrownBy(() -> client.sql("SET spark.sql.extensions = io.delta.sql.DeltaSparkSessionExtension"))
        .hasMessageContaining("spark.sql.extensions");

    for (SparkSession session : List.of(client, client.newSession())) {
      assertThatThrownBy(() -> session.sql("DELETE FROM gold.logs_ip_blacklist"))
          .hasMessageContaining("Cannot run DELETE over the read-only SQL endpoint");
    }
  }

  @Test
  void theServersSessionStillWritesAndAClientSeesTheNewVersionInItsNextQuery() {
    long version = version();
    long rows = client.sql("SELECT count(*) FROM gold.logs_ip_blacklist").head().getLong(0);

    insertRow(server, "192.0.2.99");

    assertThat(version()).isEqualTo(version + 1);
    assertThat(client.sql("SELECT count(*) FROM gold.logs_ip_blacklist").head().getLong(0)).isEqualTo(rows + 1);
  }

  @Test
  void onceDisarmedAClientWritesAgain() {
    guard.close();
    long version = version();

    client.sql("UPDATE gold.logs_ip_blacklist SET hits = hits + 1 WHERE entry = '192.0.2.1'");

    assertThat(version()).isEqualTo(version + 1);
  }

  @Test
  void theDescribedCatalogListsColumnsWithTheirCommentsAndTheGrain() throws Exception {
    lakehouse.catalog().describeAll(server);

    TableDefinition declared = lakehouse.catalog().definition(TABLE);
    CatalogTable entry = client.sessionState().catalog()
        .getTableMetadata(new TableIdentifier("logs_ip_blacklist", Option.apply("gold")));
    assertThat(entry.comment().get()).isEqualTo(declared.grain());
    assertThat(entry.schema().fieldNames()).startsWith("entry", "range_start", "range_end", "reason");
    assertThat(entry.schema().fields()).allSatisfy(field -> assertThat(field.getComment().isDefined()).as(field.name()).isTrue());
    StructField entryColumn = entry.schema().apply("entry");
    assertThat(entryColumn.getComment().get()).isNotBlank();
    // described, the table still reads the latest version
    long rows = rows();
    insertRow(server, "192.0.2.200");
    assertThat(rows()).isEqualTo(rows + 1);
  }

  private static void insertRow(SparkSession session, String ip) {
    session.sql("INSERT INTO gold.logs_ip_blacklist VALUES ('" + ip + "', '" + ip + "', '" + ip + "', 'test', 'manual', "
        + "timestamp'2026-11-20 10:00:00', timestamp'2026-11-20 10:00:00', NULL, 0)");
  }

  private static long version() {
    return server.sql("DESCRIBE HISTORY gold.logs_ip_blacklist LIMIT 1").head().getLong(0);
  }

  private static long rows() {
    return server.sql("SELECT count(*) FROM gold.logs_ip_blacklist").head().getLong(0);
  }
}
