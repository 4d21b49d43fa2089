-- JSON application log records parsed from bronze.logs_app.
CREATE TABLE IF NOT EXISTS silver.logs_app_events (
  event_id STRING NOT NULL COMMENT 'sha-256 of the source topic, partition and offset; the merge key',
  logged_at TIMESTAMP NOT NULL COMMENT 'When the record was logged (UTC)',
  logged_date DATE NOT NULL COMMENT 'UTC date of logged_at; the partition (derived)',
  service STRING COMMENT 'Service that logged it',
  level STRING COMMENT 'DEBUG | INFO | WARN | ERROR ...',
  message STRING COMMENT 'Log message',
  trace_id STRING COMMENT 'Distributed trace id, when any',
  error_type STRING COMMENT 'Exception or error class, when any',
  latency_ms BIGINT COMMENT 'Request latency in milliseconds, when logged',
  _kafka_topic STRING NOT NULL COMMENT 'Source topic',
  _kafka_partition INT NOT NULL COMMENT 'Source partition',
  _kafka_offset BIGINT NOT NULL COMMENT 'Source offset',
  _ingested_at TIMESTAMP NOT NULL COMMENT 'When bronze received the record (UTC)',
  _refined_at TIMESTAMP NOT NULL COMMENT 'When the refine micro-batch merged the row (UTC)'
)
USING DELTA
PARTITIONED BY (logged_date)
COMMENT 'One row per application log record that parsed, unique on event_id'
TBLPROPERTIES (
  'lakehouse.refine.source' = 'bronze.logs_app',
  'lakehouse.refine.format' = 'app-log',
  'lakehouse.refine.merge-keys' = 'event_id',
  'lakehouse.derive.event_id' = 'sha2(concat_ws("|", _kafka_topic, CAST(_kafka_partition AS STRING), CAST(_kafka_offset AS STRING)), 256)',
  'lakehouse.derive.logged_date' = 'CAST(logged_at AS DATE)'
)
