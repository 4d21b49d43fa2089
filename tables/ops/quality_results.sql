-- Outcome of every constraint of every quality suite run: what was checked, on which data, and what it found.
CREATE TABLE IF NOT EXISTS ops.quality_results (
  run_id STRING NOT NULL COMMENT 'One suite run; all its rows share it',
  table_name STRING NOT NULL COMMENT 'Table whose data was checked, e.g. silver.commerce_events',
  run_kind STRING NOT NULL COMMENT 'gate (before publishing) | on_demand (quality run) | replay',
  batch_id BIGINT COMMENT 'Micro-batch checked, for streaming publishes',
  partition_date DATE COMMENT 'Date partition checked, for daily publishes',
  rule_id STRING NOT NULL COMMENT 'Rule of the suite (the Deequ check description)',
  rule_level STRING NOT NULL COMMENT 'error | warning',
  rule_action STRING NOT NULL COMMENT 'fail | quarantine | warn',
  rule_kind STRING NOT NULL COMMENT 'constraint | anomaly',
  check_status STRING NOT NULL COMMENT 'Deequ check status: Success | Warning | Error',
  constraint_name STRING COMMENT 'Deequ constraint',
  constraint_status STRING NOT NULL COMMENT 'Success | Failure',
  constraint_message STRING COMMENT 'Why it failed, from Deequ',
  metric_value DOUBLE COMMENT 'The metric the constraint judged (ratio, count, ...)',
  quarantined_rows BIGINT COMMENT 'Rows this rule sent to ops.quarantine',
  checked_rows BIGINT NOT NULL COMMENT 'Rows in the data checked',
  is_published BOOLEAN NOT NULL COMMENT 'Whether the data was published after the run',
  run_at TIMESTAMP NOT NULL COMMENT 'When the suite ran (UTC)',
  run_date DATE NOT NULL COMMENT 'UTC date of run_at; the partition'
)
USING DELTA
PARTITIONED BY (run_date)
COMMENT 'One row per quality suite run and constraint (or anomaly check)'
