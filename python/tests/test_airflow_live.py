"""A real Airflow 3 on loopback (SQLite, LocalExecutor, api-server + scheduler + dag-processor in a
scratch AIRFLOW_HOME), driven through its REST API by bin/lakehouse-trigger.

Airflow reads two DAG bundles: the repository's dags/, as a deployment would, and the test-only DAGs
of tests/dags/ built from the same lakehouse_common: a shell task (Airflow alone), the lakehouse jar
under spark-submit through the Spark connection from the environment, and a bad command line that
must fail without retries. The tests marked spark start Spark (bin/test-python holds the machine's
Maven/Spark lock); the last one runs the real daily_report DAG over the session's small lakehouse
(tests/small_lakehouse.py: the workers' LAKEHOUSE_HOME), where test_dag_runs.py runs it and
risk_stress_test with DAG.test().
Schedules are off (scheduler.use_job_schedule): only the runs the tests trigger run.
"""

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import REPO

from lakehouse_common import GOLD_TABLES

pytestmark = pytest.mark.live

TEST_DAGS = Path(__file__).resolve().parent / "dags"
JAR = Path(os.environ.get("LAKEHOUSE_TEST_JAR", REPO / "target" / "lakehouse-0.1.0-SNAPSHOT.jar"))
USER, PASSWORD = "lakehouse", "test-password"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveAirflow:
    """Starts and stops the three Airflow processes; each in its own process group."""

    def __init__(self, home: Path, lakehouse_home: Path):
        self.home = home
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.processes = []
        venv_bin = Path(os.environ.get("LAKEHOUSE_VENV", REPO / ".venv")) / "bin"
        (home / "passwords.json").write_text(json.dumps({USER: PASSWORD}))
        self.env = {
            "PATH": f"{venv_bin}{os.pathsep}{os.environ['PATH']}",  # airflow, and spark-submit for the tasks
            "LAKEHOUSE_VENV": str(venv_bin.parent),  # bin/lakehouse-trigger's interpreter
            "HOME": os.environ.get("HOME", str(home)),
            "JAVA_HOME": os.environ.get("JAVA_HOME", ""),
            "AIRFLOW_HOME": str(home),
            "AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST": json.dumps([
                {"name": name, "classpath": "airflow.dag_processing.bundles.local.LocalDagBundle",
                 "kwargs": {"path": str(path), "refresh_interval": 3600}}
                for name, path in (("lakehouse", REPO / "dags"), ("tests", TEST_DAGS))
            ]),
            "AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE": "False",
            "PYTHONPATH": str(REPO / "dags"),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
            "AIRFLOW__CORE__PARALLELISM": "2",
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home}/airflow.db",
            "AIRFLOW__API__HOST": "127.0.0.1",
            "AIRFLOW__API__PORT": str(self.port),
            "AIRFLOW__API__WORKERS": "1",
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{self.url}/execution/",
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": f"{USER}:admin",
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(home / "passwords.json"),
            "AIRFLOW__API_AUTH__JWT_SECRET": "lakehouse-live-test-jwt-secret-0123456789",
            "AIRFLOW__API__SECRET_KEY": "lakehouse-live-test-secret",
            "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "2",
            "AIRFLOW_CONN_SPARK_LAKEHOUSE": json.dumps({"conn_type": "spark", "host": "local[1]"}),
            "LAKEHOUSE_JAR": str(JAR),
            "LAKEHOUSE_HOME": str(lakehouse_home),
            "SPARK_LOCAL_IP": "127.0.0.1",
            "LAKEHOUSE_DRIVER_MEMORY": "2g",
            "LAKEHOUSE_RISK_MONTE_CARLO_TRIALS": "5000",
        }

    def start(self):
        subprocess.run(["airflow", "db", "migrate"], env=self.env, cwd=self.home, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        for component in (["api-server"], ["scheduler"], ["dag-processor"]):
            log = open(self.home / f"{component[0]}.log", "w")
            self.processes.append(subprocess.Popen(["airflow", *component], env=self.env, cwd=self.home,
                                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
        self.wait_until(self.ready, 240, "Airflow did not become healthy with the test DAGs parsed")

    def stop(self):
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def ready(self):
        for process in self.processes:
            assert process.poll() is None, f"an Airflow process exited; see {self.home}/*.log"
        try:
            with urllib.request.urlopen(f"{self.url}/api/v2/monitor/health", timeout=5) as response:
                health = json.load(response)
            if any(health[c]["status"] != "healthy" for c in ("metadatabase", "scheduler", "dag_processor")):
                return False
            return len(self.get("/api/v2/dags?limit=100")["dags"]) == 3 + 4
        except OSError:
            return False

    def get(self, path):
        request = urllib.request.Request(self.url + path, headers={"Authorization": f"Bearer {self.token()}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def token(self):
        body = json.dumps({"username": USER, "password": PASSWORD}).encode()
        request = urllib.request.Request(f"{self.url}/auth/token", data=body,
                                         headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.load(response)["access_token"]

    @staticmethod
    def wait_until(condition, seconds, message):
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                pytest.fail(message)
            time.sleep(1)

    def trigger(self, *args, timeout=600):
        env = {**self.env, "AIRFLOW_API_URL": self.url, "AIRFLOW_API_USERNAME": USER, "AIRFLOW_API_PASSWORD": PASSWORD}
        return subprocess.run([REPO / "bin" / "lakehouse-trigger", *args, "--unpause", "--poll", "1"],
                              env=env, capture_output=True, text=True, timeout=timeout)

    def task_log(self, dag_id, task_id):
        logs = sorted((self.home / "logs" / f"dag_id={dag_id}").glob(f"run_id=*/task_id={task_id}/attempt=*.log"))
        return "\n".join(path.read_text() for path in logs)


@pytest.fixture(scope="module")
def airflow(tmp_path_factory, small_lakehouse):
    live = LiveAirflow(tmp_path_factory.mktemp("airflow-home"), small_lakehouse.home)
    try:
        live.start()
        yield live
    finally:
        live.stop()


def test_a_triggered_run_gets_its_date_and_conf_and_succeeds(airflow):
    done = airflow.trigger("lakehouse_smoke_bash", "--date", "2026-11-20", "--conf", '{"note": "from-the-test"}')
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Triggered lakehouse_smoke_bash run" in done.stdout
    assert any(line.split()[:2] == ["echo_date", "success"] for line in done.stdout.splitlines()), done.stdout
    assert "ds=2026-11-20 note=from-the-test" in airflow.task_log("lakehouse_smoke_bash", "echo_date")


def test_the_repositorys_dags_are_registered_without_import_errors(airflow):
    dags = {d["dag_id"]: d for d in airflow.get("/api/v2/dags?limit=100")["dags"]}
    assert {"daily_report", "model_retraining", "risk_stress_test", "table_maintenance"} <= set(dags)
    assert dags["risk_stress_test"]["bundle_name"] == "lakehouse"
    assert airflow.get("/api/v2/importErrors")["total_entries"] == 0
    assets = {a["uri"] for a in airflow.get("/api/v2/assets?limit=100")["assets"]}
    assert "lakehouse://gold/finance_backtest" in assets and "lakehouse://gold/logs_traffic_hourly" in assets


def test_an_unknown_dag_is_refused_with_the_apis_reason(airflow):
    done = airflow.trigger("no_such_dag", "--date", "2026-11-20")
    assert done.returncode == 1
    assert "Cannot" in done.stderr and "404" in done.stderr, done.stderr


@pytest.fixture(scope="module")
def jar():
    if not JAR.is_file():
        pytest.fail(f"{JAR} is missing: build it with mvn -DskipTests package (bin/test-python does)")
    return JAR


@pytest.mark.spark
def test_the_jar_runs_under_spark_submit_with_home_and_master_from_the_environment(airflow, jar):
    done = airflow.trigger("lakehouse_smoke_spark", "--date", "2026-11-20")
    assert done.returncode == 0, done.stdout + done.stderr + airflow.task_log("lakehouse_smoke_spark", "config")
    config = airflow.task_log("lakehouse_smoke_spark", "config")
    assert "dev.lakehouse.cli.Main" in config and "--master local[1]" in config
    lines = config.splitlines()
    assert any(airflow.env["LAKEHOUSE_HOME"] in line and "environment variable LAKEHOUSE_HOME" in line for line in lines)
    assert any("spark.master" in line and "environment variable LAKEHOUSE_SPARK_MASTER" in line for line in lines)
    assert "lakehouse 0.1.0" in airflow.task_log("lakehouse_smoke_spark", "version")


@pytest.mark.spark
def test_a_bad_command_line_fails_the_task_once_with_the_clis_message(airflow, jar):
    done = airflow.trigger("lakehouse_smoke_bad_usage", "--date", "2026-11-20")
    assert done.returncode == 1
    row = next(line.split() for line in done.stdout.splitlines() if line.startswith("no_such_command"))
    assert row[1:3] == ["failed", "1"], done.stdout  # retries=3 in the DAG, none used
    log = airflow.task_log("lakehouse_smoke_bad_usage", "no_such_command")
    assert "Invalid lakehouse command line 'no-such-command --date 2026-11-20': Unmatched argument" in log


@pytest.mark.spark
def test_daily_report_runs_for_a_date_and_emits_the_gold_assets_of_every_domain(airflow, jar, small_lakehouse):
    day = small_lakehouse.day
    done = airflow.trigger("daily_report", "--date", day, timeout=1800)
    assert done.returncode == 0, done.stdout + done.stderr + airflow.task_log("daily_report", "publish_commerce")[-5000:]
    states = {line.split()[0]: line.split()[1] for line in done.stdout.splitlines()[2:-1]}
    assert states == {"publish_commerce": "success", "publish_logs": "success", "publish_finance": "success",
                      "build_report": "success"}
    assert f"commerce publish --date {day}" in airflow.task_log("daily_report", "publish_commerce")
    assert f"Report for {day}:" in airflow.task_log("daily_report", "build_report")
    assert small_lakehouse.report(day).is_file()
    events = airflow.get("/api/v2/assets/events?source_dag_id=daily_report&limit=100")["asset_events"]
    assert sorted(e["uri"] for e in events) == sorted(
        f"lakehouse://gold/{table}" for domain in ("commerce", "logs", "finance") for table in GOLD_TABLES[domain])


def test_a_date_before_the_start_date_runs_nothing_and_says_so(airflow):
    done = airflow.trigger("lakehouse_smoke_bash", "--date", "2022-06-01")
    assert done.returncode == 1
    assert "ran no task: is 2022-06-01 before the DAG's start_date?" in done.stderr
