-- Streaming query progress, as every lakehouse process's StreamMonitor hears it (monitor/).
-- Appended in batches every monitor.write-interval; a report may appear twice after a retried write.
CREATE TABLE IF NOT EXISTS ops.stream_progress (
  query_name STRING NOT NULL COMMENT 'Streaming query name, e.g. ingest.commerce.events; its id when it has no name',
  query_id STRING NOT NULL COMMENT 'Streaming query id (stable across restarts from the same checkpoint)',
  run_id STRING NOT NULL COMMENT 'Id of this run of the query (new at every start)',
  batch_id BIGINT NOT NULL COMMENT 'Micro-batch id (for an idle report: the next batch to run)',
  event STRING NOT NULL COMMENT 'batch (a micro-batch ran) | idle (no new data; a heartbeat) | terminated (the query stopped)',
  progress_at TIMESTAMP NOT NULL COMMENT 'When the trigger started, or when the query stopped (UTC)',
  batch_duration_ms BIGINT COMMENT 'Whole trigger duration (Spark triggerExecution)',
  durations_ms MAP<STRING, BIGINT> COMMENT 'Spark durationMs by phase: latestOffset, getBatch, addBatch, walCommit, queryPlanning, commitOffsets, triggerExecution; the phases of addBatch timed by the query itself as addBatch.<phase> (e.g. addBatch.quality gate)',
  input_rows BIGINT COMMENT 'Rows read in the batch',
  input_rows_per_second DOUBLE COMMENT 'Rate rows arrived at the source since the previous batch',
  processed_rows_per_second DOUBLE COMMENT 'Rate the batch processed rows at; below the input rate the query falls behind',
  state_rows BIGINT COMMENT 'Rows held in state over all stateful operators (null: stateless)',
  state_memory_bytes BIGINT COMMENT 'Memory used by that state',
  rows_dropped_by_watermark BIGINT COMMENT 'Late rows the stateful operators dropped in the batch',
  watermark_at TIMESTAMP COMMENT 'Event-time watermark after the batch (UTC; null: no watermark)',
  newest_event_at TIMESTAMP COMMENT 'Newest event time the batch committed (Kafka record time for ingest and refine, the event column for gold; null: not told); now minus it is the end-to-end lag',
  error STRING COMMENT 'Why a terminated query failed (null: stopped cleanly, or not terminated)',
  progress_date DATE NOT NULL COMMENT 'UTC date of progress_at; the partition'
)
USING DELTA
PARTITIONED BY (progress_date)
COMMENT 'One row per streaming query progress report: each micro-batch, each idle heartbeat and each termination of a query run'
