"""lakehouse-trigger: trigger an Airflow DAG run for a date through Airflow's REST API, wait for it to
finish and print its task states.

    bin/lakehouse-trigger daily_report --date 2026-11-20
    bin/lakehouse-trigger risk_stress_test --date 2026-11-20 --conf '{"note": "rerun after price fix"}'

Exit codes: 0 the run succeeded; 1 it failed, timed out, or the API refused (with the reason);
2 bad usage.

Environment:
  AIRFLOW_API_URL       the api-server (default http://localhost:8080)
  AIRFLOW_API_TOKEN     a JWT access token; or, to get one from the simple auth manager,
  AIRFLOW_API_USERNAME  AIRFLOW_API_PASSWORD
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date, datetime, timezone

DEFAULT_URL = "http://localhost:8080"
FINAL_RUN_STATES = {"success", "failed"}


class TriggerError(Exception):
    """A failure to report in one line; the command exits 1."""


@dataclass(frozen=True)
class Request:
    dag_id: str
    logical_date: datetime
    conf: dict
    run_id: str | None
    unpause: bool
    wait: bool
    timeout_s: float
    poll_s: float


def parse_args(argv: list[str]) -> Request:
    parser = argparse.ArgumentParser(
        prog="lakehouse-trigger",
        description="Trigger a DAG run for a date through Airflow's REST API, wait for it and print its task states.",
    )
    parser.add_argument("dag_id", help="e.g. daily_report, risk_stress_test")
    parser.add_argument("--date", required=True, type=_iso_date, help="the run's logical date ({{ ds }}), YYYY-MM-DD")
    parser.add_argument("--conf", default="{}", type=_json_object, help="run conf, a JSON object (default {})")
    parser.add_argument("--run-id", help="the run id (default: Airflow's manual__<timestamp>)")
    parser.add_argument("--unpause", action="store_true", help="unpause the DAG first (a paused DAG's run waits)")
    parser.add_argument("--no-wait", action="store_true", help="return once the run is created")
    parser.add_argument("--timeout", type=_positive, default=3600.0, help="seconds to wait for the end (default 3600)")
    parser.add_argument("--poll", type=_positive, default=5.0, help="seconds between state checks (default 5)")
    args = parser.parse_args(argv)
    return Request(
        dag_id=args.dag_id,
        logical_date=datetime.combine(args.date, datetime.min.time(), tzinfo=timezone.utc),
        conf=args.conf,
        run_id=args.run_id,
        unpause=args.unpause,
        wait=not args.no_wait,
        timeout_s=args.timeout,
        poll_s=args.poll,
    )


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"Invalid date '{text}': expected YYYY-MM-DD") from None


def _json_object(text: str) -> dict:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        raise argparse.ArgumentTypeError(f"Invalid --conf '{text}': not JSON ({e.msg})") from None
    if not isinstance(value, dict):
        raise argparse.ArgumentTypeError(f"Invalid --conf '{text}': must be a JSON object, e.g. '{{\"key\": 1}}'")
    return value


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"Invalid value '{text}': must be a number of seconds > 0")
    return value


def format_task_states(tasks: list[tuple[str, str | None, int, float | None]]) -> str:
    """One line per task: id, state, try number and duration, in the order given."""
    width = max([len("task")] + [len(task_id) for task_id, *_ in tasks])
    lines = [f"{'task':<{width}}  {'state':<16} {'try':>3} {'seconds':>8}"]
    for task_id, state, try_number, duration in tasks:
        seconds = "" if duration is None else f"{duration:.1f}"
        lines.append(f"{task_id:<{width}}  {state or 'none':<16} {try_number:>3} {seconds:>8}")
    return "\n".join(lines)


def exit_code(run_state: str) -> int:
    return 0 if run_state == "success" else 1


def access_token(url: str, environ: dict) -> str:
    """AIRFLOW_API_TOKEN, else a token from the simple auth manager for the user and password given."""
    if environ.get("AIRFLOW_API_TOKEN"):
        return environ["AIRFLOW_API_TOKEN"]
    username, password = environ.get("AIRFLOW_API_USERNAME"), environ.get("AIRFLOW_API_PASSWORD")
    if not username or not password:
        raise TriggerError(
            "Cannot authenticate to the Airflow API: set AIRFLOW_API_TOKEN, or AIRFLOW_API_USERNAME and AIRFLOW_API_PASSWORD"
        )
    body = json.dumps({"username": username, "password": password}).encode()
    request = urllib.request.Request(
        url.rstrip("/") + "/auth/token", data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)["access_token"]
    except urllib.error.HTTPError as e:
        raise TriggerError(f"Cannot get an API token for '{username}' from {url}/auth/token: HTTP {e.code} {e.reason}") from None
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise TriggerError(f"Cannot reach the Airflow api-server at {url}: {reason}; is it running (airflow api-server)?") from None


class Airflow:
    """The few REST calls the command makes, through apache-airflow-client."""

    def __init__(self, url: str, token: str):
        import airflow_client.client as client

        self._client = client
        self._api = client.ApiClient(client.Configuration(host=url.rstrip("/"), access_token=token))
        self.dags = client.DAGApi(self._api)
        self.runs = client.DagRunApi(self._api)
        self.task_instances = client.TaskInstanceApi(self._api)

    def unpause(self, dag_id: str) -> None:
        self.dags.patch_dag(dag_id, self._client.DAGPatchBody(is_paused=False), update_mask=["is_paused"])

    def trigger(self, request: Request):
        body = self._client.TriggerDAGRunPostBody(
            logical_date=request.logical_date, conf=request.conf, dag_run_id=request.run_id
        )
        return self.runs.trigger_dag_run(request.dag_id, body)

    def run_state(self, dag_id: str, run_id: str) -> str:
        return _value(self.runs.get_dag_run(dag_id, run_id).state)

    def task_states(self, dag_id: str, run_id: str) -> list[tuple[str, str | None, int, float | None]]:
        found = self.task_instances.get_task_instances(dag_id, run_id, limit=1000, order_by=["start_date"])
        return [
            (ti.task_id, _value(ti.state) if ti.state is not None else None, ti.try_number, ti.duration)
            for ti in found.task_instances
        ]


def _value(state) -> str:
    return getattr(state, "value", state)


def _api_failure(action: str, error: Exception) -> TriggerError:
    status = getattr(error, "status", None)
    detail = getattr(error, "body", None) or str(error)
    try:
        detail = json.loads(detail).get("detail", detail)
    except (TypeError, ValueError, AttributeError):
        pass
    return TriggerError(f"Cannot {action}: HTTP {status}: {detail}" if status else f"Cannot {action}: {detail}")


def run(request: Request, environ: dict, out=sys.stdout) -> int:
    import airflow_client.client as client

    url = environ.get("AIRFLOW_API_URL", DEFAULT_URL)
    airflow = Airflow(url, access_token(url, environ))
    try:
        if request.unpause:
            airflow.unpause(request.dag_id)
        created = airflow.trigger(request)
    except client.ApiException as e:
        raise _api_failure(f"trigger {request.dag_id} for {request.logical_date.date()}", e) from None
    run_id = created.dag_run_id
    print(f"Triggered {request.dag_id} run {run_id} for {request.logical_date.date()} ({url})", file=out, flush=True)
    if not request.wait:
        return 0
    state = _value(created.state)
    deadline = time.monotonic() + request.timeout_s
    while state not in FINAL_RUN_STATES:
        if time.monotonic() > deadline:
            print(format_task_states(airflow.task_states(request.dag_id, run_id)), file=out)
            raise TriggerError(f"Run {run_id} of {request.dag_id} is still {state} after {request.timeout_s:.0f} s")
        time.sleep(request.poll_s)
        try:
            state = airflow.run_state(request.dag_id, run_id)
        except client.ApiException as e:
            raise _api_failure(f"read run {run_id} of {request.dag_id}", e) from None
    tasks = airflow.task_states(request.dag_id, run_id)
    print(format_task_states(tasks), file=out)
    print(f"Run {run_id} of {request.dag_id}: {state}", file=out, flush=True)
    if not tasks:
        raise TriggerError(f"Run {run_id} of {request.dag_id} ran no task: is {request.logical_date.date()} "
                           "before the DAG's start_date?")
    return exit_code(state)


def main(argv: list[str] | None = None) -> int:
    request = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return run(request, dict(os.environ))
    except TriggerError as e:
        print(f"lakehouse-trigger: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
