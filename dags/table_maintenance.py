"""Table maintenance: OPTIMIZE (Z-ORDER where it helps), VACUUM with a safe retention, quarantine summary."""

from datetime import timedelta

from airflow.sdk import DAG
from airflow.timetables.trigger import CronTriggerTimetable
from lakehouse_common import COMMANDS, OPTIMIZE_TABLES, START_DATE, VACUUM_RETENTION, LakehouseSubmitOperator, default_args, lakehouse_task

with DAG(
    dag_id="table_maintenance",
    doc_md=f"""
### Table maintenance

Every night at 04:00 UTC, after the daily report:

1. **OPTIMIZE** the tables that collect many small files from streaming micro-batches (one task
   each), compacting them and Z-ordering by the column filters use besides the date partition:
   {", ".join(f"`{t}`" + (f" by `{', '.join(c)}`" if c else "") for t, c in OPTIMIZE_TABLES.items())}.
   Compaction is a no-op on a compacted table, so a re-run is harmless.
2. **VACUUM** every table, keeping `{VACUUM_RETENTION}` (7 days) of removed files: Delta's safe
   minimum, longer than any query, stream or time-travel read here needs. It runs after OPTIMIZE
   so the files OPTIMIZE replaced are kept for the full retention.
3. **Quarantine summary**: held and replayed records by table, stage and rule, into the task log.

`catchup` is off: maintenance is about the tables' state now, not about a past date.
""",
    schedule=CronTriggerTimetable("0 4 * * *", timezone="UTC"),
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    max_active_tasks=1,
    default_args=default_args(retries=1),
    dagrun_timeout=timedelta(hours=6),
    tags=["lakehouse", "maintenance"],
) as dag:
    optimizes = [
        LakehouseSubmitOperator(
            task_id="optimize_" + table.replace(".", "_"),
            command=[*COMMANDS["maintain_optimize"].args, table, *(["--zorder-by", ",".join(columns)] if columns else [])],
        )
        for table, columns in OPTIMIZE_TABLES.items()
    ]
    vacuum = lakehouse_task("vacuum", "maintain_vacuum")
    summary = lakehouse_task("quarantine_summary", "quarantine_summary", retries=0)
    optimizes >> vacuum >> summary
