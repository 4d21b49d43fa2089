"""pytest set-up for the Airflow side: Airflow's configuration points at a scratch AIRFLOW_HOME and at
the repository's dags/ before anything imports airflow."""

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DAGS = REPO / "dags"

# Airflow reads its configuration when first imported: set it before any test module imports it.
os.environ["AIRFLOW_HOME"] = tempfile.mkdtemp(prefix="lakehouse-airflow-unit-")
atexit.register(shutil.rmtree, os.environ["AIRFLOW_HOME"], ignore_errors=True)
os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = str(DAGS)
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
for name in ("LAKEHOUSE_JAR", "LAKEHOUSE_HOME", "LAKEHOUSE_SPARK_CONN_ID"):
    os.environ.pop(name, None)
# the DAG folder and the trigger command import like Airflow's dag-processor and bin/ run them
sys.path[:0] = [str(DAGS), str(REPO / "python")]


import pytest  # noqa: E402  (after Airflow's configuration above)


@pytest.fixture(scope="session")
def small_lakehouse(tmp_path_factory, request):
    """One generated day in silver and a market history (tests/small_lakehouse.py), shared by the tests
    that run the DAGs for real; prepared at the first use, in about 3 minutes. Its SQL endpoint
    (tests/sql_endpoint.py) is launched right away and warms up while the first tests run."""
    import dataclasses

    from small_lakehouse import free_port, prepare
    from sql_endpoint import SqlEndpoint

    from small_lakehouse import DAY, SmallLakehouse

    # LAKEHOUSE_TEST_SMALL_HOME: reuse a small lakehouse prepared before (to iterate on one test quickly)
    reused = os.environ.get("LAKEHOUSE_TEST_SMALL_HOME")
    if reused:
        lakehouse = SmallLakehouse(Path(reused), DAY)
    else:
        lakehouse = prepare(tmp_path_factory.mktemp("small-lakehouse") / "home")
    endpoint = SqlEndpoint(lakehouse.home, free_port(), lakehouse.home.parent / "serve.log")
    request.addfinalizer(endpoint.stop)
    return dataclasses.replace(lakehouse, endpoint=endpoint)


@pytest.fixture(scope="session")
def sql_endpoint(small_lakehouse):
    """The small lakehouse's SQL endpoint, once it serves."""
    return small_lakehouse.endpoint.ready()


# The day's gold tables and the command that publishes each (the daily_report and risk_stress_test DAGs'
# tasks); tests/test_dag_runs.py runs those DAGs first when the whole suite runs.
PUBLISHES = (
    ("gold.commerce_sales_daily", "sales_date", ("commerce", "publish")),
    ("gold.logs_traffic_hourly", "request_date", ("logs", "publish")),
    ("gold.finance_risk_daily", "risk_date", ("risk", "var")),
    ("gold.finance_stress_results", "stress_date", ("risk", "stress")),
    ("gold.finance_backtest", "backtest_date", ("risk", "backtest")),
)


@pytest.fixture(scope="session")
def published(small_lakehouse, sql_endpoint):
    """The small lakehouse with its day published to gold: what the DAG tests left, or published here (with
    spark-submit, as the DAGs' tasks do) for each table that has no row for the day yet."""
    day = small_lakehouse.day
    for table, column, command in PUBLISHES:
        if not sql_endpoint.rows(f"SELECT 1 FROM {table} WHERE {column} = DATE'{day}' LIMIT 1"):
            done = small_lakehouse.submit(*command, "--date", day)
            assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return small_lakehouse
