-- Lineage: what every micro-batch or batch job read and what it wrote.
CREATE TABLE IF NOT EXISTS ops.pipeline_events (
  query_name STRING NOT NULL COMMENT 'Streaming query or job, e.g. ingest.commerce.events, refine.silver.commerce_events',
  query_id STRING COMMENT 'Streaming query id (stable across restarts from the same checkpoint)',
  batch_id BIGINT NOT NULL COMMENT 'Micro-batch id',
  source STRING NOT NULL COMMENT 'Topic or table read',
  source_offsets STRING COMMENT 'JSON: per partition the first and last offset read, or the source table version',
  target_table STRING NOT NULL COMMENT 'Table written',
  target_version BIGINT COMMENT 'Delta version of target_table after the batch',
  input_rows BIGINT NOT NULL COMMENT 'Records read',
  output_rows BIGINT NOT NULL COMMENT 'Rows written to target_table',
  quarantined_rows BIGINT NOT NULL COMMENT 'Records sent to ops.quarantine',
  details STRING COMMENT 'JSON with anything else worth keeping (e.g. offset gaps)',
  started_at TIMESTAMP NOT NULL COMMENT 'When the batch started (UTC)',
  finished_at TIMESTAMP NOT NULL COMMENT 'When the batch committed (UTC)',
  event_date DATE NOT NULL COMMENT 'UTC date of started_at; the partition'
)
USING DELTA
PARTITIONED BY (event_date)
COMMENT 'One row per micro-batch (or batch run) per target table'
