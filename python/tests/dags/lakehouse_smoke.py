"""Test-only DAGs for the live Airflow test: the real operator, spark-submit and jar, no data needed."""

from airflow.providers.standard.operators.bash import BashOperator
from airflow.sdk import DAG

# the test puts the production DAG folder on PYTHONPATH: the same shared code the real DAGs use
from lakehouse_common import START_DATE, LakehouseSubmitOperator

with DAG(
    dag_id="lakehouse_smoke_bash",
    doc_md="One shell task that echoes the run's date and conf: Airflow alone.",
    schedule=None,
    start_date=START_DATE,
    catchup=False,
    default_args={"retries": 0},
    tags=["test"],
):
    BashOperator(task_id="echo_date", bash_command="echo ds={{ ds }} note={{ dag_run.conf.get('note', '') }}")

with DAG(
    dag_id="lakehouse_smoke_spark",
    doc_md="The lakehouse jar under spark-submit through the Spark connection: `config`, then `--version`.",
    schedule=None,
    start_date=START_DATE,
    catchup=False,
    default_args={"retries": 0},
    tags=["test"],
):
    LakehouseSubmitOperator(task_id="config", command=["config"]) >> LakehouseSubmitOperator(
        task_id="version", command=["--version"]
    )

with DAG(
    dag_id="lakehouse_smoke_bad_usage",
    doc_md="A lakehouse command that does not exist: the task must fail at once, without retries.",
    schedule=None,
    start_date=START_DATE,
    catchup=False,
    default_args={"retries": 3},
    tags=["test"],
):
    LakehouseSubmitOperator(task_id="no_such_command", command=["no-such-command", "--date", "{{ ds }}"])
