"""Shared by the lakehouse DAGs: the CLI commands they run, the gold tables they publish as assets,
the task defaults, and the operator that submits the lakehouse jar with spark-submit.

Not a DAG (listed in .airflowignore). Nothing here does work at import time: the jar, the storage
root and the Spark connection are read from the worker's environment when a task runs.

Environment (of the Airflow workers):
  LAKEHOUSE_JAR            the application jar (default: ../target/lakehouse-0.1.0-SNAPSHOT.jar
                           next to this folder, when it exists)
  LAKEHOUSE_HOME           the lakehouse storage root (a path or an s3a:// / hdfs:// URI); required
  LAKEHOUSE_DRIVER_MEMORY  spark-submit --driver-memory (default 4g, the heap bin/lakehouse gives the CLI)
  LAKEHOUSE_SPARK_CONN_ID  the Airflow connection naming the Spark master (default spark_lakehouse,
                           i.e. AIRFLOW_CONN_SPARK_LAKEHOUSE; README.md, section Airflow, has examples)
  spark-submit             must be on PATH (PySpark 3.5.7's, from bin/setup-python's .venv/bin)
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from airflow.exceptions import AirflowException, AirflowFailException
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.sdk import Asset

MAIN_CLASS = "dev.lakehouse.cli.Main"
DEFAULT_SPARK_CONN_ID = "spark_lakehouse"
DEFAULT_JAR = Path(__file__).resolve().parent.parent / "target" / "lakehouse-0.1.0-SNAPSHOT.jar"
DEFAULT_DRIVER_MEMORY = "4g"
OWNER = "lakehouse"
# Runs can be triggered or backfilled for any date from here (the generated market history reaches back
# three years); Airflow creates no task for a date before a DAG's start_date.
START_DATE = datetime(2023, 1, 1)
DATE = "{{ ds }}"


# VACUUM keeps 7 days of removed files: Delta's default minimum, longer than any reader or
# streaming query here runs, so time travel over a week and restarts from checkpoints still work.
VACUUM_RETENTION = "168h"


@dataclass(frozen=True)
class Command:
    """A bin/lakehouse command line as the DAGs run it; exists says whether the CLI has it today."""

    args: tuple[str, ...]
    exists: bool

    def line(self) -> str:
        return " ".join(self.args)


# Every lakehouse command the DAGs run, in one place. exists=False marks one still being built
# (issue 8 lists them); a DAG task that runs one fails with the CLI's usage error (exit 2) until then.
COMMANDS: dict[str, Command] = {
    # daily_report
    "commerce_publish": Command(("commerce", "publish", "--date", DATE), exists=True),
    "logs_publish": Command(("logs", "publish", "--date", DATE), exists=True),
    "finance_compliance": Command(("finance", "compliance", "--date", DATE), exists=True),
    "report": Command(("report", "--date", DATE), exists=True),
    # model_retraining
    "recommend_train": Command(("recommend", "train", "--date", DATE), exists=True),
    "fraud_train": Command(("finance", "train", "--date", DATE), exists=True),
    "recommend_push": Command(("recommend", "push"), exists=True),
    "models_list": Command(("models", "list"), exists=True),
    # risk_stress_test
    "risk_var": Command(("risk", "var", "--date", DATE), exists=True),
    "risk_stress": Command(("risk", "stress", "--date", DATE), exists=True),
    "risk_backtest": Command(("risk", "backtest", "--date", DATE, "--fail-on-red"), exists=True),
    # table_maintenance (the table is appended: --table <table>)
    "maintain_optimize": Command(("maintain", "optimize", "--table"), exists=True),
    "maintain_vacuum": Command(("maintain", "vacuum", "--retain", VACUUM_RETENTION), exists=True),
    "quarantine_summary": Command(("quarantine", "summary"), exists=True),
}

# The gold tables each daily publish step writes, behind its quality gate (tables/gold/).
GOLD_TABLES: dict[str, tuple[str, ...]] = {
    "commerce": ("commerce_sales_daily", "commerce_funnel_daily", "commerce_stock_daily"),
    "logs": ("logs_traffic_hourly", "logs_errors_daily", "logs_security_findings"),
    "finance": ("finance_compliance_findings",),
    "risk": ("finance_risk_daily", "finance_stress_results", "finance_backtest", "finance_backtest_days"),
}

# Tables OPTIMIZE rewrites, with the columns worth Z-ordering by (() for compaction only): the
# columns filters use besides the date partition.
OPTIMIZE_TABLES: dict[str, tuple[str, ...]] = {
    "silver.commerce_events": ("user_id",),
    "silver.logs_web_requests": ("ip",),
    "silver.finance_payments": ("card_id",),
    "gold.logs_security_findings": ("ip",),
    "gold.finance_payment_scores": ("card_id",),
    "ops.quarantine": (),
    "ops.pipeline_events": (),
}


def gold_asset(table: str) -> Asset:
    """The Airflow asset of gold.<table>; a task lists it in outlets only if it gates the table."""
    return Asset(uri=f"lakehouse://gold/{table}", name=f"gold.{table}", group="lakehouse")


def gold_assets(domain: str) -> list[Asset]:
    return [gold_asset(table) for table in GOLD_TABLES[domain]]


def default_args(retries: int = 2) -> dict:
    """Task defaults: a failed Spark job is retried after 5, then 10 minutes (re-runs are safe)."""
    return {
        "owner": OWNER,
        "retries": retries,
        "retry_delay": timedelta(minutes=5),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(minutes=30),
    }


def spark_conn_id() -> str:
    return os.environ.get("LAKEHOUSE_SPARK_CONN_ID", DEFAULT_SPARK_CONN_ID)


def lakehouse_jar() -> str:
    """The application jar: LAKEHOUSE_JAR, else the repository's build output."""
    configured = os.environ.get("LAKEHOUSE_JAR")
    if configured:
        return configured
    if DEFAULT_JAR.is_file():
        return str(DEFAULT_JAR)
    raise AirflowFailException(
        "Cannot submit a lakehouse job: LAKEHOUSE_JAR is not set and "
        f"{DEFAULT_JAR} does not exist; build it (mvn -DskipTests package) or export LAKEHOUSE_JAR"
    )


def lakehouse_home() -> str:
    home = os.environ.get("LAKEHOUSE_HOME")
    if not home:
        raise AirflowFailException(
            "Cannot submit a lakehouse job: LAKEHOUSE_HOME is not set in the worker's environment; "
            "export the storage root (a path, or an s3a:// or hdfs:// URI) where the workers start"
        )
    return home


def lakehouse_error(lines: Sequence[str]) -> str | None:
    """The CLI's one-line failure reason ('lakehouse <subcommand>: ...') among spark-submit's output."""
    reasons = [line for line in lines if line.startswith("lakehouse ") and ": " in line]
    return reasons[-1] if reasons else None


# How the CLI reports a quality gate that failed (QualityGateException): the data was not written, and
# re-running on the same input fails the same way, so a retry only delays the alarm.
QUALITY_GATE_FAILURE = "quality suite failed"

# how picocli starts a usage error (exit 2)
USAGE_ERRORS = ("Unmatched argument", "Missing required", "Unknown option", "Invalid value", "Expected parameter")


def usage_error(lines: Sequence[str]) -> str | None:
    """The CLI's usage error (exit 2) among spark-submit's output."""
    return next((line for line in lines if line.startswith(USAGE_ERRORS)), None)


class LakehouseSubmitOperator(SparkSubmitOperator):
    """Submits the lakehouse jar (main class dev.lakehouse.cli.Main) with a CLI command line.

    The master comes from the Airflow connection (spark-submit --master), never from the jar's
    profile; LAKEHOUSE_HOME is passed on to the driver. When the command fails, the task fails with
    the CLI's own one-line reason. Failures that retrying cannot fix (bad usage, exit 2, a failed
    quality gate, or a reason matching permanent_failures) fail the task without retries.
    """

    def __init__(self, *, command: Command | Sequence[str], permanent_failures: Sequence[str] = (), **kwargs):
        args = list(command.args if isinstance(command, Command) else command)
        kwargs.setdefault("conn_id", spark_conn_id())
        kwargs.setdefault("name", "-".join(["lakehouse", *(a for a in args[:2] if not a.startswith("-"))]))
        super().__init__(java_class=MAIN_CLASS, application_args=args, **kwargs)
        self.permanent_failures = (QUALITY_GATE_FAILURE, *permanent_failures)

    def execute(self, context):
        self.application = self.application or lakehouse_jar()
        self._driver_memory = self._driver_memory or os.environ.get("LAKEHOUSE_DRIVER_MEMORY", DEFAULT_DRIVER_MEMORY)
        self.env_vars = {
            **(self.env_vars or {}),
            "LAKEHOUSE_HOME": lakehouse_home(),
            # an empty master leaves it to spark-submit, i.e. to the Airflow connection
            "LAKEHOUSE_SPARK_MASTER": "",
        }
        self._hook = self._get_hook()
        output = _remember_output(self._hook)
        try:
            super().execute(context)
        except AirflowException as failure:
            exit_code = getattr(getattr(self._hook, "_submit_sp", None), "returncode", None)
            if exit_code == 2:
                usage = usage_error(output) or str(failure)
                raise AirflowFailException(f"Invalid lakehouse command line '{' '.join(self.application_args)}': {usage}") from failure
            reason = lakehouse_error(output) or str(failure)
            if any(p in reason for p in self.permanent_failures):
                raise AirflowFailException(reason) from failure
            raise AirflowException(reason) from failure


def _remember_output(hook) -> list[str]:
    """Keeps the lines spark-submit prints (the hook still logs them) to find the CLI's reason."""
    lines: list[str] = []
    process_log = hook._process_spark_submit_log

    def remembering(itr):
        def tee():
            for line in itr:
                lines.append(line.strip())
                del lines[:-200]
                yield line

        return process_log(tee())

    hook._process_spark_submit_log = remembering
    return lines


def lakehouse_task(task_id: str, command: str, **kwargs) -> LakehouseSubmitOperator:
    """A task running COMMANDS[command]; extra kwargs go to the operator (outlets, retries ...)."""
    return LakehouseSubmitOperator(task_id=task_id, command=COMMANDS[command], **kwargs)
