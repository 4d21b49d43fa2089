"""Model retraining: recommendation and fraud models, promoted only if better; recommendations to Redis."""

from datetime import timedelta

from airflow.sdk import DAG
from airflow.timetables.trigger import CronTriggerTimetable
from lakehouse_common import START_DATE, default_args, lakehouse_task

with DAG(
    dag_id="model_retraining",
    doc_md="""
### Model retraining

Every Sunday at 03:00 UTC, on the data up to `{{ ds }}` (the day before):

- **Recommendations**: `recommend train --date {{ ds }}` trains ALS on the interactions up to
  that day, evaluates it on a time-based holdout against the promoted model, and promotes it only
  if it ranks better (`ops.model_registry`). Then `recommend push` writes the promoted model's
  recommendations to Redis, so what Redis serves always comes from a promoted model.
- **Fraud**: `finance train --date {{ ds }}` trains the class-weighted GBT model on the labelled
  payments up to that day, evaluates it (AUC-PR, precision@k, recall at a false-positive rate) against the rules and the
  promoted model, and promotes it only if it ranks the holdout better. A day already trained with
  the same parameters is not trained again: the registry names its version.
- **Registry**: `models list` prints every version and which one is promoted, into the task log.

A model that is not better is kept as a candidate and is not an error. Training is seeded, so a
re-run for the same day gives the same model. `catchup` is off: an old week's model is of no use
once a newer one is trained. Trigger by hand after a data fix.
""",
    schedule=CronTriggerTimetable("0 3 * * 0", timezone="UTC", interval=timedelta(days=1)),
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=default_args(retries=1),
    dagrun_timeout=timedelta(hours=6),
    tags=["lakehouse", "ml", "commerce", "finance"],
) as dag:
    train_recommendations = lakehouse_task("train_recommendations", "recommend_train")
    push_recommendations = lakehouse_task("push_recommendations", "recommend_push")
    train_fraud = lakehouse_task("train_fraud", "fraud_train")
    list_models = lakehouse_task("list_models", "models_list", retries=0)

    train_recommendations >> push_recommendations
    [push_recommendations, train_fraud] >> list_models
