"""pytest set-up for the Airflow side: Airflow's configuration points at a scratch AIRFLOW_HOME and at
the repository's dags/ before anything imports airflow."""

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DAGS = REPO / "dags"

# Airflow reads its configuration when first imported: set it before any test module imports it.
os.environ["AIRFLOW_HOME"] = tempfile.mkdtemp(prefix="lakehouse-airflow-unit-")
atexit.register(shutil.rmtree, os.environ["AIRFLOW_HOME"], ignore_errors=True)
os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = str(DAGS)
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
for name in ("LAKEHOUSE_JAR", "LAKEHOUSE_HOME", "LAKEHOUSE_SPARK_CONN_ID"):
    os.environ.pop(name, None)
# the DAG folder and the trigger command import like Airflow's dag-processor and bin/ run them
sys.path[:0] = [str(DAGS), str(REPO / "python")]


import pytest  # noqa: E402  (after Airflow's configuration above)


@pytest.fixture(scope="session")
def small_lakehouse(tmp_path_factory):
    """One generated day in silver and a market history (tests/small_lakehouse.py), shared by the tests
    that run the DAGs for real; prepared at the first use, in about 3 minutes."""
    from small_lakehouse import prepare

    return prepare(tmp_path_factory.mktemp("small-lakehouse") / "home")
