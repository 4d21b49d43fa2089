"""The DAGs in dags/: they load, declare what the house rules ask, run the commands and in the order
designed, and agree with the CLI and the table declarations of the repository."""

import re
from pathlib import Path

import pendulum
import pytest
from airflow.exceptions import AirflowFailException
from airflow.models.dagbag import BundleDagBag
from conftest import DAGS, REPO

import lakehouse_common as common

DAG_IDS = {"daily_report", "model_retraining", "risk_stress_test", "table_maintenance"}
CLI = REPO / "src" / "main" / "java" / "dev" / "lakehouse" / "cli"


@pytest.fixture(scope="module")
def dagbag():
    return BundleDagBag(dag_folder=str(DAGS), bundle_path=DAGS)


def upstream(dag, task_id):
    return set(dag.get_task(task_id).upstream_task_ids)


def test_every_dag_file_loads_without_import_errors(dagbag):
    assert dagbag.import_errors == {}
    assert set(dagbag.dag_ids) == DAG_IDS


def test_each_file_holds_one_dag_named_after_it_and_shared_code_is_ignored(dagbag):
    files = {Path(stat.file).name: stat.dag_num for stat in dagbag.dagbag_stats}
    assert files == {f"{dag_id}.py": 1 for dag_id in DAG_IDS}
    assert "lakehouse_common.py" in (DAGS / ".airflowignore").read_text().split()


@pytest.mark.parametrize("dag_id", sorted(DAG_IDS))
def test_dag_declares_doc_tags_retries_and_catchup_on_purpose(dagbag, dag_id):
    dag = dagbag.dags[dag_id]
    source = (DAGS / f"{dag_id}.py").read_text()
    assert len(dag.doc_md.strip()) > 200, "doc_md should say what the DAG does for {{ ds }}"
    assert "lakehouse" in dag.tags and len(dag.tags) >= 2
    assert re.search(r"\bcatchup=(True|False)", source), "catchup must be set explicitly"
    assert "retries" in dag.default_args
    assert dag.max_active_runs == 1
    assert not dag.catchup, "catchup from the start date would run years of dates at the first unpause"
    assert dag.start_date <= pendulum.datetime(2024, 1, 1), "runs for past dates need a start_date before them"
    assert dag.dagrun_timeout is not None
    for task in dag.tasks:
        assert task.retries >= 0 and task.owner == common.OWNER


def test_every_task_submits_the_lakehouse_jar_through_the_spark_connection(dagbag):
    for dag in dagbag.dags.values():
        for task in dag.tasks:
            assert isinstance(task, common.LakehouseSubmitOperator), task.task_id
            assert task._java_class == "dev.lakehouse.cli.Main"
            assert task._conn_id == "spark_lakehouse"
            assert task.application == "", "the jar comes from LAKEHOUSE_JAR when the task runs"


def test_dag_sources_hard_code_no_master_paths_or_secrets():
    for path in DAGS.glob("*.py"):
        source = path.read_text()
        for forbidden in ("local[", "spark://", "/tmp", "lakehouse-data", "Variable.get", "password"):
            assert forbidden not in source, f"{path.name} contains {forbidden!r}"


def test_daily_report_publishes_every_domain_before_the_report(dagbag):
    dag = dagbag.dags["daily_report"]
    assert upstream(dag, "build_report") == {"publish_commerce", "publish_logs", "publish_finance"}
    assert args(dag, "publish_logs") == ["logs", "publish", "--date", "{{ ds }}"]
    assert args(dag, "build_report") == ["report", "--date", "{{ ds }}"]
    for task_id in ("publish_commerce", "publish_logs", "publish_finance"):
        assert upstream(dag, task_id) == set()


def test_daily_report_emits_a_gold_asset_only_from_the_task_that_gates_it(dagbag):
    dag = dagbag.dags["daily_report"]
    outlets = {task.task_id: {a.uri for a in task.outlets} for task in dag.tasks}
    assert outlets == {
        "publish_commerce": {f"lakehouse://gold/{t}" for t in common.GOLD_TABLES["commerce"]},
        "publish_logs": {
            "lakehouse://gold/logs_traffic_hourly",
            "lakehouse://gold/logs_errors_daily",
            "lakehouse://gold/logs_security_findings",
        },
        "publish_finance": {"lakehouse://gold/finance_compliance_findings"},
        "build_report": set(),
    }


def test_model_retraining_pushes_only_after_training_and_lists_models_last(dagbag):
    dag = dagbag.dags["model_retraining"]
    assert upstream(dag, "push_recommendations") == {"train_recommendations"}
    assert upstream(dag, "list_models") == {"push_recommendations", "train_fraud"}
    assert upstream(dag, "train_fraud") == set()
    assert args(dag, "train_recommendations") == ["recommend", "train", "--date", "{{ ds }}"]
    assert args(dag, "train_fraud") == ["finance", "train", "--date", "{{ ds }}"]


def test_risk_backtests_after_var_and_fails_at_once_on_a_red_zone(dagbag):
    dag = dagbag.dags["risk_stress_test"]
    assert upstream(dag, "var_backtest") == {"value_at_risk"}
    assert upstream(dag, "stress_scenarios") == set()
    backtest = dag.get_task("var_backtest")
    assert backtest.application_args == ["risk", "backtest", "--date", "{{ ds }}", "--fail-on-red"]
    assert "Basel red zone" in backtest.permanent_failures
    assert {a.uri for a in backtest.outlets} == {
        "lakehouse://gold/finance_backtest",
        "lakehouse://gold/finance_backtest_days",
    }


def test_table_maintenance_optimizes_then_vacuums_then_summarises(dagbag):
    dag = dagbag.dags["table_maintenance"]
    optimizes = {t.task_id for t in dag.tasks if t.task_id.startswith("optimize_")}
    assert len(optimizes) == len(common.OPTIMIZE_TABLES)
    assert upstream(dag, "vacuum") == optimizes
    assert upstream(dag, "quarantine_summary") == {"vacuum"}
    assert args(dag, "optimize_silver_commerce_events") == [
        "maintain", "optimize", "--table", "silver.commerce_events", "--zorder-by", "user_id",
    ]
    assert args(dag, "optimize_ops_quarantine") == ["maintain", "optimize", "--table", "ops.quarantine"]
    assert args(dag, "vacuum") == ["maintain", "vacuum", "--retain", "168h"]
    assert dag.max_active_tasks == 1


def test_vacuum_retention_is_at_least_a_week():
    hours = int(common.VACUUM_RETENTION.removesuffix("h"))
    assert hours >= 168


def test_optimized_tables_and_zorder_columns_exist_in_the_table_declarations():
    for table, columns in common.OPTIMIZE_TABLES.items():
        layer, name = table.split(".")
        ddl = (REPO / "tables" / layer / f"{name}.sql").read_text()
        for column in columns:
            assert re.search(rf"^\s+{column}\s", ddl, re.MULTILINE), f"{table} has no column {column}"


def test_gold_assets_name_declared_tables():
    for domain, tables in common.GOLD_TABLES.items():
        if domain == "commerce" and not common.COMMANDS["commerce_publish"].exists:
            continue  # declared by the commerce work, not merged yet
        for table in tables:
            assert (REPO / "tables" / "gold" / f"{table}.sql").is_file(), table


@pytest.mark.parametrize("key", sorted(common.COMMANDS))
def test_command_list_agrees_with_the_cli(key):
    command = common.COMMANDS[key]
    assert command.exists == cli_has(command.args), (
        f"COMMANDS[{key!r}] says exists={command.exists} for '{command.line()}'; update lakehouse_common.COMMANDS"
    )


def cli_has(args):
    """Whether the picocli sources declare the command and subcommand of args."""
    words = [a for a in args if not a.startswith("-") and "{{" not in a][:2]
    sources = {path: path.read_text() for path in CLI.glob("*Command.java")}
    top = [s for s in sources.values() if re.search(rf'^@Command\(\s*name = "{words[0]}"', s, re.MULTILINE)]
    if not top:
        return False
    return len(words) == 1 or f'@Command(name = "{words[1]}"' in top[0]


def test_error_reason_is_the_clis_last_one_line_message():
    output = [
        "26/12/03 06:00:01 WARN NativeCodeLoader: Unable to load native-hadoop library",
        "lakehouse backtest: VaR backtest in the Basel red zone for p1 (12 exceptions in 250 days): ...",
        "(set LAKEHOUSE_DEBUG=1 for the stack trace)",
    ]
    assert common.lakehouse_error(output).startswith("lakehouse backtest: VaR backtest in the Basel red zone")
    assert common.lakehouse_error(["Exception in thread main"]) is None


def test_jar_and_home_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("LAKEHOUSE_JAR", str(tmp_path / "app.jar"))
    monkeypatch.setenv("LAKEHOUSE_HOME", "s3a://bucket/lake")
    assert common.lakehouse_jar() == str(tmp_path / "app.jar")
    assert common.lakehouse_home() == "s3a://bucket/lake"


def test_a_missing_home_fails_the_task_with_what_to_do(monkeypatch):
    monkeypatch.delenv("LAKEHOUSE_HOME", raising=False)
    with pytest.raises(AirflowFailException, match="LAKEHOUSE_HOME is not set"):
        common.lakehouse_home()


def test_the_spark_connection_id_can_be_renamed(monkeypatch):
    monkeypatch.setenv("LAKEHOUSE_SPARK_CONN_ID", "spark_prod")
    task = common.LakehouseSubmitOperator(task_id="t", command=["config"])
    assert task._conn_id == "spark_prod"


def args(dag, task_id):
    return list(dag.get_task(task_id).application_args)
