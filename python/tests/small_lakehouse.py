"""A small lakehouse for the tests that run the DAGs for real: one generated day in silver and a market
history, prepared once per pytest session with the jar under spark-submit, as a worker would run it.

It takes two processes: a real Kafka broker (`bin/lakehouse kafka`: the broker is not in the jar
spark-submit runs) on a free loopback port, and one spark-submit of
`demo --load-only --external-kafka --count N --date D`, which generates the day into Kafka, ingests it
into bronze, refines silver and loads the market history up to D, and publishes nothing: the gold
tables and the report are the DAGs' to build.

The tests read it through its SQL endpoint (tests/sql_endpoint.py), one warm server, and write to it with
spark-submit, as the pipelines do.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from conftest import REPO

if TYPE_CHECKING:
    from sql_endpoint import SqlEndpoint

JAR = Path(os.environ.get("LAKEHOUSE_TEST_JAR", REPO / "target" / "lakehouse-0.1.0-SNAPSHOT.jar"))
VENV_BIN = Path(os.environ.get("LAKEHOUSE_VENV", REPO / ".venv")) / "bin"
# a Friday: a trading day, so risk_stress_test has prices for it
DAY = "2026-11-20"
# records across all topics: about 300 order lines, 1,400 web requests, 400 payments
RECORDS = 5000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class SmallLakehouse:
    home: Path
    day: str
    # the SQL endpoint serving this lakehouse, once one is started
    endpoint: SqlEndpoint | None = None

    def env(self) -> dict[str, str]:
        """What a worker running the lakehouse's tasks needs in its environment."""
        return {
            "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}",  # spark-submit of PySpark 3.5.7
            "HOME": os.environ.get("HOME", str(self.home)),
            "JAVA_HOME": os.environ.get("JAVA_HOME", ""),
            "LAKEHOUSE_JAR": str(JAR),
            "LAKEHOUSE_HOME": str(self.home),
            "LAKEHOUSE_DRIVER_MEMORY": "2g",
            "LAKEHOUSE_RISK_MONTE_CARLO_TRIALS": "5000",
            "SPARK_LOCAL_IP": "127.0.0.1",
        }

    def submit(self, *args: str, timeout: int = 900, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        """Runs a CLI command line with spark-submit (local[2]) over this lakehouse."""
        env = {**self.env(), "LAKEHOUSE_SPARK_MASTER": "", **(extra_env or {})}
        return subprocess.run(["spark-submit", "--master", "local[2]", "--driver-memory", "2g", "--class",
                               "dev.lakehouse.cli.Main", str(JAR), *args],
                              env=env, capture_output=True, text=True, timeout=timeout)

    def sql(self, *statements: str) -> list[dict[str, str]]:
        """The first row of each query's result, as text by column, read through the SQL endpoint (one warm
        session for every check) or, without one, with `sql -e` in a JVM of its own."""
        if self.endpoint is not None:
            return [{column: text(value) for column, value in (self.endpoint.rows(sql) or [{}])[0].items()}
                    for sql in statements]
        return [rows[0] for rows in self.sql_in_process(*statements) if rows]

    def sql_in_process(self, *statements: str) -> list[list[dict[str, str]]]:
        """Runs statements with `sql -e` under spark-submit (one JVM); each query's rows as text by column."""
        done = self.submit("sql", "-e", "; ".join(statements), "--max-rows", "10000")
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        return printed_results(done.stdout)

    def write(self, *statements: str) -> None:
        """Runs writing statements with `sql -e` under spark-submit, as a pipeline's job would write (the SQL
        endpoint is read-only)."""
        done = self.submit("sql", "-e", "; ".join(statements))
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]

    def report(self, day: str) -> Path:
        return self.home / "reports" / day / "report.json"


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split(" | ")]


def printed_results(stdout: str) -> list[list[dict[str, str]]]:
    """The results `sql -e` printed: each a header line, a -+- separator, the rows and "(N rows)"."""
    lines = stdout.splitlines()
    results = []
    for i, line in enumerate(lines):
        if i > 0 and line and set(line) <= {"-", "+"}:
            header = cells(lines[i - 1])
            end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("(") and "row" in lines[j])
            results.append([dict(zip(header, cells(row))) for row in lines[i + 1:end]])
    return results


def text(value) -> str:
    """A value as `sql -e` prints it."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def prepare(home: Path, day: str = DAY, records: int = RECORDS) -> SmallLakehouse:
    if not JAR.is_file():
        raise AssertionError(f"{JAR} is missing: build it with mvn -DskipTests package (bin/test-python does)")
    lakehouse = SmallLakehouse(home, day)
    port = free_port()
    kafka_env = {**lakehouse.env(), "LAKEHOUSE_KAFKA_PORT": str(port), "LAKEHOUSE_JAVA_OPTS": "-Xmx512m"}
    log = home.parent / f"{home.name}-kafka.log"
    with open(log, "w") as out:
        broker = subprocess.Popen([REPO / "bin" / "lakehouse", "kafka"], env=kafka_env, stdout=out,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while "Kafka broker ready" not in log.read_text():
            assert broker.poll() is None and time.monotonic() < deadline, f"the Kafka broker did not start: {log.read_text()[-3000:]}"
            time.sleep(0.5)
        done = lakehouse.submit("demo", "--load-only", "--external-kafka", "--count", str(records), "--date", day,
                                extra_env={"LAKEHOUSE_KAFKA_BOOTSTRAP_SERVERS": f"127.0.0.1:{port}"})
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    finally:
        os.killpg(broker.pid, signal.SIGTERM)
        try:
            broker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(broker.pid, signal.SIGKILL)
            broker.wait()
    return lakehouse
