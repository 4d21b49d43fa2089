"""The lakehouse's SQL endpoint for the tests: one `bin/lakehouse serve` (SQL endpoint only) over the small
lakehouse, with a token, queried with PyHive (a HiveServer2 client for Python) and beeline (the Hive JDBC
driver), as users' tools reach it.

The server is launched as soon as the small lakehouse is prepared and warms up while other tests run;
`ready()` waits for it. One warm session then answers every check the tests make, where each check used to
start a JVM of its own.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import time
from pathlib import Path

from conftest import REPO

VENV = Path(os.environ.get("LAKEHOUSE_VENV", REPO / ".venv"))
BEELINE = next(VENV.glob("lib/python3*/site-packages/pyspark/bin/beeline"), None)
USER = "analyst"


class SqlEndpoint:
    """A running `bin/lakehouse serve --http-port 0` with a token, in its own process group."""

    def __init__(self, home: Path, port: int, log: Path):
        self.home = home
        self.port = port
        self.token = secrets.token_urlsafe(16)
        self.log = log
        self.url = f"jdbc:hive2://127.0.0.1:{port}/default"
        env = {**os.environ, "LAKEHOUSE_HOME": str(home), "LAKEHOUSE_SERVE_TOKEN": self.token,
               "LAKEHOUSE_VENV": str(VENV), "LAKEHOUSE_SPARK_MASTER": "local[2]", "LAKEHOUSE_JAVA_OPTS": "-Xmx2g",
               "SPARK_LOCAL_IP": "127.0.0.1"}
        with open(log, "w") as out:
            self.process = subprocess.Popen(
                [REPO / "bin" / "lakehouse", "serve", "--host", "127.0.0.1", "--sql-port", str(port), "--http-port", "0"],
                env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        self._ready = False
        self._connection = None

    def ready(self, timeout: float = 600) -> "SqlEndpoint":
        """Waits until the server says it serves (it prints 'Serving <home>' once the endpoint listens)."""
        deadline = time.monotonic() + timeout
        while not self._ready:
            text = self.log.read_text()
            if "\nServing " in text or text.startswith("Serving "):
                self._ready = True
                break
            assert self.process.poll() is None, f"bin/lakehouse serve stopped before it was ready:\n{text[-5000:]}"
            assert time.monotonic() < deadline, f"bin/lakehouse serve not ready after {timeout:.0f} s:\n{text[-5000:]}"
            time.sleep(0.5)
        return self

    def connect(self, password: str | None = ..., username: str = USER):
        """A new PyHive connection (a new session on the server); the token as the password by default."""
        from pyhive import hive

        self.ready()
        return hive.connect(host="127.0.0.1", port=self.port, username=username,
                            password=self.token if password is ... else password, auth="CUSTOM")

    def rows(self, sql: str) -> list[dict]:
        """A query's rows, by column name, as PyHive returns them (one shared connection)."""
        if self._connection is None:
            self._connection = self.connect()
        cursor = self._connection.cursor()
        try:
            cursor.execute(sql)
            columns = [d[0].split(".")[-1] for d in cursor.description or []]
            return [dict(zip(columns, row)) for row in cursor.fetchall()]
        finally:
            cursor.close()

    def beeline(self, *args: str, password: str | None = ..., timeout: int = 300) -> subprocess.CompletedProcess:
        """PySpark's bin/beeline (the Hive JDBC driver) against the endpoint."""
        assert BEELINE is not None, f"no pyspark/bin/beeline under {VENV}: run bin/setup-python"
        self.ready()
        env = {**os.environ, "SPARK_HOME": str(BEELINE.parent.parent), "SPARK_LOCAL_IP": "127.0.0.1"}
        return subprocess.run([str(BEELINE), "-u", self.url, "-n", USER, "-p", self.token if password is ... else password,
                               *args], env=env, capture_output=True, text=True, timeout=timeout)

    def stop(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except Exception:  # the server may be gone already
                pass
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
