"""The repository's daily_report and risk_stress_test DAGs run end to end with DAG.test(), in process,
over the small lakehouse (tests/small_lakehouse.py): every task spark-submits the built jar, as a
worker would. The gold tables and the report they leave must hold the day's figures, and a failing
quality gate must fail its task at once (no retry) and keep the report from being built. The checks
read the tables through the lakehouse's SQL endpoint, serving since before the DAGs ran."""

import json
import subprocess
import time
from datetime import datetime, timezone

import pytest
from airflow.models.dagbag import BundleDagBag
from airflow.models.taskinstance import TaskInstance
from airflow.utils.session import create_session
from conftest import DAGS

pytestmark = [
    pytest.mark.live,
    pytest.mark.spark,
    # DAG.test() runs tasks through Airflow's in-process execution API, whose imports (starlette, anyio)
    # warn of their own deprecations
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]

# a day with nothing generated, where the test plants an order line no gate lets through
BAD_DAY = "2026-11-21"


@pytest.fixture(scope="module")
def worker(small_lakehouse, sql_endpoint):
    """Airflow's metadata database (DAG.test records its runs there) and a worker's environment; the
    lakehouse's SQL endpoint serves before the DAGs write."""
    subprocess.run(["airflow", "db", "migrate"], check=True, capture_output=True, timeout=300)
    with pytest.MonkeyPatch.context() as env:
        for name, value in small_lakehouse.env().items():
            env.setenv(name, value)
        env.setenv("AIRFLOW_CONN_SPARK_LAKEHOUSE", json.dumps({"conn_type": "spark", "host": "local[2]"}))
        yield small_lakehouse


@pytest.fixture(scope="module")
def dags():
    return BundleDagBag(dag_folder=str(DAGS), bundle_path=DAGS).dags


def run(dag, day):
    """DAG.test() for the day; the state and try number of each task of the run."""
    run = dag.test(logical_date=datetime.fromisoformat(day).replace(tzinfo=timezone.utc))
    with create_session() as session:
        tis = session.query(TaskInstance).filter_by(dag_id=dag.dag_id, run_id=run.run_id).all()
        return {ti.task_id: (str(ti.state), ti.try_number) for ti in tis}


def test_daily_report_publishes_the_days_gold_tables_and_reports_their_figures(worker, dags):
    day = worker.day
    states = run(dags["daily_report"], day)
    assert {task: state for task, (state, _) in states.items()} == {
        "publish_commerce": "success", "publish_logs": "success", "publish_finance": "success", "build_report": "success",
    }

    sales, traffic, security, funnel, stock = worker.sql(
        f"SELECT revenue_cents, orders FROM gold.commerce_sales_daily WHERE sales_date = DATE'{day}'",
        f"SELECT sum(requests) AS requests FROM gold.logs_traffic_hourly WHERE request_date = DATE'{day}'",
        f"SELECT count(*) AS findings FROM gold.logs_security_findings WHERE finding_date = DATE'{day}'",
        f"SELECT count(*) AS categories FROM gold.commerce_funnel_daily WHERE funnel_date = DATE'{day}'",
        f"SELECT count(*) AS products FROM gold.commerce_stock_daily WHERE stock_date = DATE'{day}'",
    )
    assert int(sales["orders"]) > 0 and int(traffic["requests"]) > 0 and int(security["findings"]) > 0
    assert int(funnel["categories"]) > 0 and int(stock["products"]) > 0

    # every figure of the report is the gold tables' own
    panels = {panel["id"]: panel for panel in json.loads(worker.report(day).read_text())["panels"]}
    commerce = kpis(panels["commerce-kpis"])
    assert commerce["Revenue"] == pytest.approx(int(sales["revenue_cents"]) / 100)
    assert commerce["Orders"] == int(sales["orders"])
    logs = kpis(panels["logs-kpis"])
    assert logs["Requests"] == int(traffic["requests"])
    assert logs["Security findings"] == int(security["findings"]) == len(panels["logs-findings"]["rows"])
    assert len(panels["commerce-funnel-by-category"]["rows"]) == int(funnel["categories"])
    # the gates of the day, all passed
    gates = {row[0]: row[1:] for row in panels["quality-results"]["rows"]}
    columns = panels["quality-results"]["columns"][1:]
    assert {"gold.commerce_sales_daily", "gold.commerce_funnel_daily", "gold.commerce_stock_daily",
            "gold.logs_traffic_hourly", "gold.logs_security_findings"} <= set(gates)
    assert all(dict(zip(columns, row))["failed"] == 0 for row in gates.values()), gates


def kpis(panel):
    assert len(panel["rows"]) == 1, panel
    return dict(zip(panel["columns"], panel["rows"][0]))


def test_risk_stress_test_computes_var_stress_and_backtest_for_the_day(worker, dags):
    day = worker.day
    states = run(dags["risk_stress_test"], day)
    assert {task: state for task, (state, _) in states.items()} == {
        "value_at_risk": "success", "stress_scenarios": "success", "var_backtest": "success",
    }
    risk, stress, backtest = worker.sql(
        f"SELECT count(*) AS n, count(DISTINCT portfolio_id) AS portfolios, count(DISTINCT method) AS methods "
        f"FROM gold.finance_risk_daily WHERE risk_date = DATE'{day}'",
        f"SELECT count(*) AS n, count(DISTINCT scenario) AS scenarios FROM gold.finance_stress_results WHERE stress_date = DATE'{day}'",
        f"SELECT count(*) AS n, count_if(zone = 'red') AS red FROM gold.finance_backtest WHERE backtest_date = DATE'{day}'",
    )
    portfolios = int(risk["portfolios"])
    assert portfolios == 3 and int(risk["methods"]) >= 4
    assert int(stress["scenarios"]) > 1 and int(stress["n"]) >= portfolios * 2
    assert int(backtest["n"]) == portfolios and backtest["red"] == "0"


def test_a_failing_quality_gate_fails_its_task_at_once_and_no_report_is_built(worker, dags, capfd):
    orders = f"SELECT count(*) AS n FROM silver.commerce_orders WHERE ordered_date = DATE'{BAD_DAY}'"
    failures = ("SELECT count(*) AS n FROM ops.quality_results WHERE table_name = 'gold.commerce_sales_daily' "
                f"AND partition_date = DATE'{BAD_DAY}' AND rule_id = 'revenue_not_negative' AND constraint_status <> 'Success'")
    assert worker.sql(orders, failures) == [{"n": "0"}, {"n": "0"}]
    # an order line with negative revenue: refine would have quarantined it, so the gold gate must catch it
    worker.write(
        "INSERT INTO silver.commerce_orders VALUES ('o-bad', 1, 'u-bad', 'p-bad', 1, -500, 0.0, 'card', 'EUR', "
        f"TIMESTAMP'{BAD_DAY} 10:00:00', DATE'{BAD_DAY}', -500, NULL, NULL, NULL, array(), false, "
        f"'commerce_orders', 0, -1, TIMESTAMP'{BAD_DAY} 10:00:00', TIMESTAMP'{BAD_DAY} 10:00:00')"
    )
    # the SQL endpoint, serving since before that write, sees it in its next query
    assert worker.sql(orders) == [{"n": "1"}]
    capfd.readouterr()
    started = time.monotonic()
    states = run(dags["daily_report"], BAD_DAY)
    log = "".join(capfd.readouterr())
    elapsed = time.monotonic() - started

    # failed on the first try, though the DAG allows two retries: a gate does not pass on a retry
    assert states["publish_commerce"] == ("failed", 1)
    assert "Cannot publish gold.commerce_sales_daily (2026-11-21): quality suite failed 1 error check: revenue_not_negative" in log
    assert "AirflowFailException" in log
    # nothing was generated for the day: its logs have no traffic, which their gate refuses too
    assert states["publish_logs"] == ("failed", 1)
    assert states["build_report"][0] == "upstream_failed"
    assert elapsed < 300, f"DAG.test took {elapsed:.0f} s: did a failed gate wait for a retry?"
    assert not worker.report(BAD_DAY).exists()
    # the gate's result rows, appended by the pipeline while the SQL endpoint served, are in its next query
    assert int(worker.sql(failures)[0]["n"]) >= 1
