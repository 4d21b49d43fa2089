"""LakehouseSubmitOperator.execute with a stand-in spark-submit on PATH that prints what the jar prints
and exits as it exits: the provider's real hook runs it, parses the connection and reads its output."""

import os
import stat

import pytest
from airflow.exceptions import AirflowException, AirflowFailException

import lakehouse_common as common

RED = "lakehouse backtest: VaR backtest in the Basel red zone for p1 (12 exceptions in 250 days): see gold.finance_backtest_days"


@pytest.fixture
def spark_submit(tmp_path, monkeypatch):
    """Writes a spark-submit that records its arguments and environment, prints LINES and exits CODE."""

    def install(lines, code):
        script = tmp_path / "bin" / "spark-submit"
        script.parent.mkdir(exist_ok=True)
        (tmp_path / "output").write_text("".join(f"{line}\n" for line in lines))
        script.write_text(
            "#!/bin/sh\n"
            f'printf "%s\\n" "$@" > {tmp_path}/args\n'
            f'echo "home=$LAKEHOUSE_HOME master=[$LAKEHOUSE_SPARK_MASTER]" > {tmp_path}/env\n'
            f"cat {tmp_path}/output\nexit {code}\n"
        )
        script.chmod(script.stat().st_mode | stat.S_IEXEC)
        monkeypatch.setenv("PATH", f"{script.parent}{os.pathsep}{os.environ['PATH']}")
        return tmp_path

    monkeypatch.setenv("LAKEHOUSE_JAR", str(tmp_path / "lakehouse.jar"))
    monkeypatch.setenv("LAKEHOUSE_HOME", str(tmp_path / "lake"))
    monkeypatch.setenv("AIRFLOW_CONN_SPARK_LAKEHOUSE", '{"conn_type": "spark", "host": "local[2]"}')
    return install


def backtest():
    return common.LakehouseSubmitOperator(
        task_id="var_backtest", command=["risk", "backtest", "--date", "2026-11-20", "--fail-on-red"],
        permanent_failures=["Basel red zone"],
    )


def test_submits_main_class_jar_and_args_with_the_connections_master(spark_submit):
    out = spark_submit(["Backtest done"], 0)
    backtest().execute({})
    submitted = (out / "args").read_text().split("\n")
    assert submitted[:2] == ["--master", "local[2]"]
    assert submitted[submitted.index("--driver-memory") + 1] == "4g"
    assert submitted[submitted.index("--class") + 1] == "dev.lakehouse.cli.Main"
    tail = submitted[submitted.index(str(out / "lakehouse.jar")):]
    assert tail[:6] == [str(out / "lakehouse.jar"), "risk", "backtest", "--date", "2026-11-20", "--fail-on-red"]
    assert (out / "env").read_text().strip() == f"home={out / 'lake'} master=[]"


def test_driver_memory_comes_from_the_environment(spark_submit, monkeypatch):
    out = spark_submit([], 0)
    monkeypatch.setenv("LAKEHOUSE_DRIVER_MEMORY", "12g")
    backtest().execute({})
    submitted = (out / "args").read_text().split("\n")
    assert submitted[submitted.index("--driver-memory") + 1] == "12g"


def test_a_red_zone_fails_at_once_with_the_clis_message(spark_submit):
    spark_submit(["INFO starting", RED, "(set LAKEHOUSE_DEBUG=1 for the stack trace)"], 1)
    with pytest.raises(AirflowFailException) as failure:
        backtest().execute({})
    assert str(failure.value) == RED


def test_other_failures_keep_their_message_and_may_be_retried(spark_submit):
    spark_submit(["lakehouse backtest: Cannot backtest 2026-11-20: no prices for that date"], 1)
    with pytest.raises(AirflowException) as failure:
        backtest().execute({})
    assert type(failure.value) is AirflowException
    assert "no prices for that date" in str(failure.value)


def test_bad_usage_is_not_retried(spark_submit):
    spark_submit(["26/12/03 06:00:01 INFO SparkContext: Running", "Unmatched argument at index 0: 'nope'",
                  "Usage: lakehouse [-hV] [COMMAND]"], 2)
    with pytest.raises(AirflowFailException) as failure:
        common.LakehouseSubmitOperator(task_id="t", command=["nope", "--date", "{{ ds }}"]).execute({})
    assert str(failure.value) == "Invalid lakehouse command line 'nope --date {{ ds }}': Unmatched argument at index 0: 'nope'"


def test_a_failed_quality_gate_fails_at_once_with_the_clis_message(spark_submit):
    gate = ("lakehouse publish: Cannot publish gold.commerce_sales_daily (2026-11-21): quality suite failed 1 error check: "
            "revenue_not_negative ...; see ops.quality_results where run_id = 'r1'")
    spark_submit([gate, "(set LAKEHOUSE_DEBUG=1 for the stack trace)"], 1)
    with pytest.raises(AirflowFailException) as failure:
        common.LakehouseSubmitOperator(task_id="publish_commerce", command=["commerce", "publish", "--date", "2026-11-21"]).execute({})
    assert str(failure.value) == gate
