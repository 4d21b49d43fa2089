"""Daily report: publish the day's gold tables of every domain through their gates, then the report."""

from datetime import timedelta

from airflow.sdk import DAG
from airflow.timetables.trigger import CronTriggerTimetable
from lakehouse_common import START_DATE, default_args, gold_assets, lakehouse_task

with DAG(
    dag_id="daily_report",
    doc_md="""
### Daily report

For the UTC day `{{ ds }}` (the day before the run: the run starts at 01:30 UTC, leaving 90
minutes for late events to be refined):

1. **Publish** each domain's gold tables for that day: `commerce publish`, `logs publish` and
   `finance compliance`. Each runs the tables' quality suites (`quality/gold/`) on the rows about
   to be written and writes nothing when an error check fails. The task then fails with the gate's
   message (see `ops.quality_results`), and the table's asset (`lakehouse://gold/<table>`) gets no
   event: an asset event means the day passed its gate.
2. **Report**: `report --date {{ ds }}` builds the day's HTML report from the published tables,
   after all three domains are published.

Re-running a day replaces that day only (`replaceWhere` on the date partition). `catchup` is off:
missed days are filled on purpose with `airflow backfill create --dag-id daily_report ...`.
""",
    schedule=CronTriggerTimetable("30 1 * * *", timezone="UTC", interval=timedelta(days=1)),
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=default_args(retries=2),
    dagrun_timeout=timedelta(hours=4),
    tags=["lakehouse", "report", "commerce", "logs", "finance"],
) as dag:
    publishes = [
        lakehouse_task("publish_commerce", "commerce_publish", outlets=gold_assets("commerce")),
        lakehouse_task("publish_logs", "logs_publish", outlets=gold_assets("logs")),
        lakehouse_task("publish_finance", "finance_compliance", outlets=gold_assets("finance")),
    ]
    publishes >> lakehouse_task("build_report", "report")
