"""Risk: VaR and Expected Shortfall, stress scenarios and the VaR backtest for a trading date."""

from datetime import timedelta

from airflow.sdk import DAG
from airflow.timetables.trigger import CronTriggerTimetable
from lakehouse_common import START_DATE, default_args, gold_asset, lakehouse_task

with DAG(
    dag_id="risk_stress_test",
    doc_md="""
### Risk and stress test

At 22:00 UTC on every weekday, after the close, for the trading date `{{ ds }}` (that same day):

1. `risk var --date {{ ds }}`: VaR (95%, 99%) and Expected Shortfall (97.5%), 1 and 10 days, by
   historical simulation, parametric (sample and EWMA) and Monte Carlo (normal, Student-t) into
   `gold.finance_risk_daily`.
2. `risk stress --date {{ ds }}`: the scenario library applied to the day's positions into
   `gold.finance_stress_results`.
3. `risk backtest --date {{ ds }} --fail-on-red`: the last 250 days' 1-day 99% VaR against the next
   day's P&L (Kupiec, Christoffersen, Basel zone) into `gold.finance_backtest(_days)`. A **red**
   zone (10 or more exceptions in 250 days) fails this task at once, without retries, with the
   CLI's message naming the portfolios and exception counts: the VaR model underestimates losses
   and needs a person, not a retry.

VaR and stress run side by side; the backtest follows the day's VaR, so a day whose VaR failed is
not judged. Each result passes its quality gate before it is written, and only then does its asset
get an event. A date without prices fails with a message saying so. `catchup` is off: from the
start date it would compute years of figures at the first unpause. Days missed while the scheduler
was down are computed on purpose, one at a time and in order:
`airflow backfill create --dag-id risk_stress_test --from-date D1 --to-date D2`.
""",
    schedule=CronTriggerTimetable("0 22 * * 1-5", timezone="UTC"),
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=default_args(retries=2),
    dagrun_timeout=timedelta(hours=3),
    tags=["lakehouse", "finance", "risk"],
) as dag:
    var = lakehouse_task("value_at_risk", "risk_var", outlets=[gold_asset("finance_risk_daily")])
    stress = lakehouse_task("stress_scenarios", "risk_stress", outlets=[gold_asset("finance_stress_results")])
    backtest = lakehouse_task(
        "var_backtest",
        "risk_backtest",
        outlets=[gold_asset("finance_backtest"), gold_asset("finance_backtest_days")],
        permanent_failures=["Basel red zone"],
    )
    var >> backtest
