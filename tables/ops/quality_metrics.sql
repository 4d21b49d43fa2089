-- Deequ metrics of every suite run, the history that anomaly checks compare against.
CREATE TABLE IF NOT EXISTS ops.quality_metrics (
  run_id STRING NOT NULL COMMENT 'Suite run that computed the metric (joins ops.quality_results)',
  table_name STRING NOT NULL COMMENT 'Table whose data was measured',
  run_kind STRING NOT NULL COMMENT 'gate | on_demand | replay',
  batch_id BIGINT COMMENT 'Micro-batch measured, for streaming publishes',
  partition_date DATE COMMENT 'Date partition measured, for daily publishes',
  entity STRING NOT NULL COMMENT 'Deequ entity: Dataset | Column | Multicolumn',
  instance STRING NOT NULL COMMENT 'Column(s) measured, or * for the dataset',
  metric_name STRING NOT NULL COMMENT 'Deequ metric: Size, Completeness, Mean, Uniqueness, Compliance, ...',
  metric_value DOUBLE COMMENT 'Value of the metric',
  is_accepted BOOLEAN NOT NULL COMMENT 'Whether the run passed its gate; only accepted runs form the anomaly baseline',
  run_at TIMESTAMP NOT NULL COMMENT 'When the suite ran (UTC)',
  run_date DATE NOT NULL COMMENT 'UTC date of run_at; the partition'
)
USING DELTA
PARTITIONED BY (run_date)
COMMENT 'One row per quality suite run and Deequ metric'
