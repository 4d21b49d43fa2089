"""The SQL endpoint of `bin/lakehouse serve` over the small lakehouse, reached as users' tools reach it:
beeline (the Hive JDBC driver, as DBeaver and JDBC BI tools use it) and PyHive (Python), each logging in
with the server's token as the password. (A row written after the server started is visible to its next
query: tests/test_dag_runs.py checks that where the DAGs write.)"""

import re
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = [pytest.mark.live, pytest.mark.spark]

TABLES = REPO / "tables"
REFUSED = "over the read-only SQL endpoint: start serve with --allow-writes to allow it"


def declared_tables() -> dict[str, str]:
    """Every table of tables/ and its grain (the table's COMMENT)."""
    return {f"{path.parent.name}.{path.stem}": ddl_comment(path.read_text()).strip() for path in sorted(TABLES.glob("*/*.sql"))}


def ddl_comment(ddl: str) -> str:
    ddl = "\n".join(line for line in ddl.splitlines() if not line.strip().startswith("--"))
    return re.search(r"\)\s*USING\s+DELTA[\s\S]*?\bCOMMENT\s+'((?:[^']|'')*)'", ddl, re.I).group(1).replace("''", "'")


def ddl_column_comments(table: str) -> dict[str, str]:
    layer, name = table.split(".")
    text = (TABLES / layer / f"{name}.sql").read_text()
    return {m.group(1): m.group(2).replace("''", "'")
            for m in re.finditer(r"^\s+([a-z_0-9]+) .*? COMMENT '((?:[^']|'')*)',?$", text, re.M)}


def tsv_blocks(output: str) -> list[list[dict[str, str]]]:
    """beeline --outputformat=tsv2 prints each result as a header line and its rows; blank lines separate them."""
    blocks, current = [], []
    for line in output.splitlines() + [""]:
        if line.strip():
            current.append(line)
        elif current:
            header, *rows = (line.split("\t") for line in current)
            blocks.append([dict(zip(header, (cell.strip() for cell in row))) for row in rows])
            current = []
    return blocks


def delta_version(home: Path, table: str) -> int:
    """The table's latest version, from its Delta log on disk (not through the server)."""
    layer, name = table.split(".")
    return max(int(p.stem) for p in (home / "tables" / layer / name / "_delta_log").glob("*.json"))


def test_beeline_lists_every_declared_table_with_its_grain_and_a_tables_columns_with_theirs(sql_endpoint, tmp_path):
    script = tmp_path / "browse.sql"
    script.write_text("!tables\n!columns commerce_sales_daily\n")

    done = sql_endpoint.beeline("--outputformat=tsv2", "--silent=true", "-f", str(script))

    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    tables, columns = tsv_blocks(done.stdout)
    listed = {f"{row['TABLE_SCHEM']}.{row['TABLE_NAME']}": row["REMARKS"] for row in tables}
    assert listed == declared_tables()
    browsed = {row["COLUMN_NAME"]: row["REMARKS"] for row in columns if row["TABLE_SCHEM"] == "gold"}
    assert browsed == ddl_column_comments("gold.commerce_sales_daily")


GOLD_QUERIES = (
    "SELECT sales_date, revenue_cents, orders, customers, average_order_value_cents FROM gold.commerce_sales_daily "
    "WHERE sales_date = DATE'{day}'",
    "SELECT hour_start, sum(requests) AS requests, sum(status_4xx) AS status_4xx FROM gold.logs_traffic_hourly "
    "WHERE request_date = DATE'{day}' GROUP BY hour_start ORDER BY hour_start",
    "SELECT portfolio_id, method, confidence, horizon_days, round(value_at_risk, 2) AS var, "
    "round(expected_shortfall, 2) AS es FROM gold.finance_risk_daily WHERE risk_date = DATE'{day}' "
    "ORDER BY portfolio_id, method, confidence, horizon_days",
)


def test_a_gold_querys_figures_over_jdbc_equal_the_same_sql_run_in_process(published, sql_endpoint):
    queries = [query.format(day=published.day) for query in GOLD_QUERIES]

    in_process = [[same_text(row) for row in rows] for rows in published.sql_in_process(*queries)]
    over_jdbc = [[same_text(row) for row in sql_endpoint.rows(query)] for query in queries]

    assert over_jdbc == in_process
    assert all(len(rows) > 0 for rows in over_jdbc), over_jdbc
    assert len(over_jdbc[1]) == 24


def same_text(row: dict) -> dict[str, str]:
    """Values as text, printed alike: timestamps without the ".0" of java.sql.Timestamp, doubles as Python
    prints them (Java writes 1.2E7 where Python writes 12000000.0)."""
    from small_lakehouse import text

    def alike(cell: str) -> str:
        cell = re.sub(r"(\d\d:\d\d:\d\d)\.0$", r"\1", cell)
        if re.fullmatch(r"-?\d+\.\d+(E-?\d+)?", cell):
            return repr(float(cell))
        return cell

    return {column: alike(text(value)) for column, value in row.items()}


@pytest.mark.parametrize("statement, sql", [
    ("DROP TABLE", "DROP TABLE gold.commerce_sales_daily"),
    ("INSERT", "INSERT INTO gold.commerce_sales_daily SELECT * FROM gold.commerce_sales_daily"),
    ("DELETE", "DELETE FROM gold.commerce_sales_daily"),
    ("OPTIMIZE", "OPTIMIZE gold.commerce_sales_daily"),
])
def test_a_statement_that_writes_is_refused_and_the_delta_version_stays(published, sql_endpoint, statement, sql):
    from pyhive.exc import OperationalError

    table = "gold.commerce_sales_daily"
    version = delta_version(published.home, table)
    rows = sql_endpoint.rows(f"SELECT count(*) AS n FROM {table}")

    with pytest.raises(OperationalError, match=f"Cannot run {statement} {re.escape(REFUSED)}"):
        sql_endpoint.rows(sql)

    assert delta_version(published.home, table) == version
    assert sql_endpoint.rows(f"SELECT count(*) AS n FROM {table}") == rows


def test_a_client_cannot_lift_read_only_with_set_or_reset(sql_endpoint):
    from pyhive.exc import OperationalError

    connection = sql_endpoint.connect()
    cursor = connection.cursor()
    cursor.execute("RESET")
    with pytest.raises(OperationalError, match="spark.sql.extensions"):
        cursor.execute("SET spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension")
    with pytest.raises(OperationalError, match=f"Cannot run DROP TABLE {re.escape(REFUSED)}"):
        cursor.execute("DROP TABLE ops.alerts")
    connection.close()


def test_reads_describe_history_and_temporary_views_are_allowed(published, sql_endpoint):
    connection = sql_endpoint.connect()
    cursor = connection.cursor()
    cursor.execute("SHOW TABLES IN gold")
    assert {row[1] for row in cursor.fetchall()} == {t.split(".")[1] for t in declared_tables() if t.startswith("gold.")}
    cursor.execute("DESCRIBE HISTORY gold.commerce_sales_daily LIMIT 1")
    assert cursor.fetchall()[0][0] == delta_version(published.home, "gold.commerce_sales_daily")
    cursor.execute("DESCRIBE TABLE EXTENDED gold.commerce_sales_daily")
    described = {row[0]: row[1] for row in cursor.fetchall()}
    assert described["Comment"].strip() == declared_tables()["gold.commerce_sales_daily"]
    cursor.execute(f"CREATE TEMPORARY VIEW today AS SELECT * FROM gold.commerce_sales_daily WHERE sales_date = DATE'{published.day}'")
    cursor.execute("SELECT count(*) FROM today")
    assert cursor.fetchall() == [(1,)]
    connection.close()


def test_a_login_needs_the_token_as_its_password(sql_endpoint):
    from thrift.transport.TTransport import TTransportException

    for wrong in ("not-the-token", "x"):
        with pytest.raises(TTransportException):
            sql_endpoint.connect(password=wrong)
    connection = sql_endpoint.connect()
    cursor = connection.cursor()
    cursor.execute("SELECT 1")
    assert cursor.fetchall() == [(1,)]
    connection.close()

    refused = sql_endpoint.beeline("-e", "SELECT 1", password="not-the-token")
    assert refused.returncode != 0
    assert "Invalid password for user 'analyst'" in refused.stdout + refused.stderr or "Peer indicated failure" in refused.stdout + refused.stderr, refused.stderr[-2000:]
