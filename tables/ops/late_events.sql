-- Records that reached a streaming gold query after its watermark had passed their event time. They are
-- not counted in the query's gold tables, and not lost: the whole source row is kept here as JSON.
CREATE TABLE IF NOT EXISTS ops.late_events (
  late_id STRING NOT NULL COMMENT 'Hash of query name, source table and record key; the merge key',
  query_name STRING NOT NULL COMMENT 'Streaming query that judged the record late, e.g. gold.commerce_behavior',
  source_table STRING NOT NULL COMMENT 'Table the record was read from',
  record_key STRING NOT NULL COMMENT 'Key of the record in its source (e.g. event_id, order_id:line_number)',
  event_at TIMESTAMP NOT NULL COMMENT 'Event time of the record (UTC)',
  watermark_at TIMESTAMP NOT NULL COMMENT 'Watermark of the query when the record arrived (UTC)',
  lateness_ms BIGINT NOT NULL COMMENT 'watermark_at - event_at',
  batch_id BIGINT NOT NULL COMMENT 'Micro-batch that read the record',
  record STRING NOT NULL COMMENT 'The source row as JSON',
  detected_at TIMESTAMP NOT NULL COMMENT 'When the micro-batch ran (UTC)'
)
USING DELTA
COMMENT 'One row per late record and streaming query, unique on late_id'
