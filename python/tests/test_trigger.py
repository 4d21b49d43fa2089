"""bin/lakehouse-trigger without a server: arguments, output, exit codes and what it says when it
cannot authenticate or reach Airflow."""

import os
import socket
import subprocess
import sys
from datetime import datetime, timezone

import pytest
from conftest import REPO

import lakehouse_trigger as trigger


def test_a_date_and_conf_become_the_runs_logical_date_and_conf():
    request = trigger.parse_args(["daily_report", "--date", "2026-11-20", "--conf", '{"note": "rerun"}'])
    assert request.dag_id == "daily_report"
    assert request.logical_date == datetime(2026, 11, 20, tzinfo=timezone.utc)
    assert request.conf == {"note": "rerun"}
    assert request.wait and not request.unpause and request.run_id is None


@pytest.mark.parametrize(
    "argv, message",
    [
        (["d", "--date", "2026-11-31"], "Invalid date '2026-11-31'"),
        (["d", "--date", "2026-11-20", "--conf", "[1]"], "must be a JSON object"),
        (["d", "--date", "2026-11-20", "--conf", "{bad"], "not JSON"),
        (["d", "--date", "2026-11-20", "--timeout", "0"], "must be a number of seconds > 0"),
        (["d"], "--date"),
    ],
)
def test_bad_usage_exits_2_naming_the_value(argv, message, capsys):
    with pytest.raises(SystemExit) as exit:
        trigger.parse_args(argv)
    assert exit.value.code == 2
    assert message in capsys.readouterr().err


def test_task_states_print_as_a_table_in_order():
    table = trigger.format_task_states([("publish_logs", "success", 1, 12.34), ("build_report", None, 0, None)])
    assert table.splitlines() == [
        "task          state            try  seconds",
        "publish_logs  success            1     12.3",
        "build_report  none               0         ",
    ]


def test_only_a_successful_run_exits_0():
    assert trigger.exit_code("success") == 0
    assert trigger.exit_code("failed") == 1


def test_without_credentials_it_says_which_variables_to_set():
    with pytest.raises(trigger.TriggerError, match="set AIRFLOW_API_TOKEN, or AIRFLOW_API_USERNAME"):
        trigger.access_token("http://127.0.0.1:1", {})


def test_a_given_token_is_used_as_is():
    assert trigger.access_token("http://127.0.0.1:1", {"AIRFLOW_API_TOKEN": "abc"}) == "abc"


def test_an_unreachable_server_exits_1_with_the_url(tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {"AIRFLOW_API_URL": f"http://127.0.0.1:{port}", "AIRFLOW_API_USERNAME": "u", "AIRFLOW_API_PASSWORD": "p",
           "PATH": "/usr/bin:/bin", "LAKEHOUSE_VENV": os.environ.get("LAKEHOUSE_VENV", str(REPO / ".venv"))}
    done = subprocess.run([REPO / "bin" / "lakehouse-trigger", "daily_report", "--date", "2026-11-20"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert f"Cannot reach the Airflow api-server at http://127.0.0.1:{port}" in done.stderr


def test_the_command_prints_usage_with_help():
    done = subprocess.run([sys.executable, REPO / "python" / "lakehouse_trigger.py", "--help"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert "--date" in done.stdout and "--conf" in done.stdout
