"""The notebooks' one way in: SQL over the lakehouse's SQL endpoint (`bin/lakehouse serve`), answered as
pandas DataFrames.

    from lakehouse_sql import query
    query("SELECT * FROM gold.commerce_sales_daily ORDER BY sales_date DESC LIMIT 7")

Where the endpoint is comes from the environment, as `bin/lakehouse notebook` sets it:
  LAKEHOUSE_SQL_HOST     default 127.0.0.1
  LAKEHOUSE_SQL_PORT     default 10000
  LAKEHOUSE_SERVE_TOKEN  the endpoint's token, sent as the password (needed when the server has one)
"""

from __future__ import annotations

import getpass
import os
from functools import cache

import pandas as pd
from pyhive import hive
from thrift.transport.TTransport import TTransportException


@cache
def connection() -> hive.Connection:
    """One connection (one session on the server) per kernel."""
    host = os.environ.get("LAKEHOUSE_SQL_HOST", "127.0.0.1")
    port = int(os.environ.get("LAKEHOUSE_SQL_PORT", "10000"))
    token = os.environ.get("LAKEHOUSE_SERVE_TOKEN") or None
    try:
        return hive.connect(host=host, port=port, username=getpass.getuser(), password=token,
                            auth="CUSTOM" if token else "NONE")
    except TTransportException as e:
        raise ConnectionError(
            f"Cannot connect to the lakehouse SQL endpoint at {host}:{port}: {e}. Start it with "
            "`bin/lakehouse serve` (or open the notebooks with `bin/lakehouse notebook`, which starts it), and set "
            "LAKEHOUSE_SERVE_TOKEN if the server has a token") from e


def query(sql: str) -> pd.DataFrame:
    """Runs one statement and returns its rows; column names without the table prefix."""
    cursor = connection().cursor()
    try:
        cursor.execute(sql)
        columns = [description[0].split(".")[-1] for description in cursor.description or []]
        return pd.DataFrame(cursor.fetchall(), columns=columns)
    finally:
        cursor.close()


def show_empty(frame: pd.DataFrame, what: str, how: str) -> bool:
    """True (after saying what is missing and which job fills it) when a query returned no rows."""
    if frame.empty:
        print(f"No {what} yet: {how}.")
    return frame.empty


def latest_day(table: str, column: str) -> str:
    """The latest date in a table's date column, as text; fails when the table has no row yet."""
    day = query(f"SELECT CAST(max({column}) AS STRING) AS day FROM {table}")["day"].iloc[0]
    if day is None:
        raise LookupError(f"Cannot pick a day: {table} has no rows yet. Publish one first (the daily_report DAG, "
                          "or bin/lakehouse commerce publish / logs publish / risk var --date D)")
    return day
