-- Every trained model version, promoted or not: what it was trained on, how it scored, and whether it serves.
CREATE TABLE IF NOT EXISTS ops.model_registry (
  name STRING NOT NULL COMMENT 'Model name, e.g. fraud, recommend',
  version INT NOT NULL COMMENT 'Version within the name, 1, 2, ...; the files are under LAKEHOUSE_HOME/models/<name>/<version>',
  path STRING NOT NULL COMMENT 'Where the model files are',
  algorithm STRING NOT NULL COMMENT 'What was trained, e.g. gbt-classifier, als-implicit',
  parameters MAP<STRING, STRING> NOT NULL COMMENT 'Training parameters',
  metrics MAP<STRING, DOUBLE> NOT NULL COMMENT 'Evaluation figures, e.g. holdout.auc_pr',
  primary_metric STRING NOT NULL COMMENT 'The metric (a key of metrics, higher is better) a new version must beat to be promoted',
  training_data MAP<STRING, BIGINT> NOT NULL COMMENT 'Delta version of each table read for training',
  created_at TIMESTAMP NOT NULL COMMENT 'When it was trained (UTC)',
  status STRING NOT NULL COMMENT 'promoted (serving; at most one per name) | archived (served before) | rejected (not better) | rolled_back',
  note STRING COMMENT 'Why it got its status, in words'
)
USING DELTA
COMMENT 'One row per model name and version, unique on (name, version)'
