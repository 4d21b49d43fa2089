-- Records that could not be refined: kept raw, with the rule they broke and where they came from.
CREATE TABLE IF NOT EXISTS ops.quarantine (
  quarantine_id STRING NOT NULL COMMENT 'sha-256 of source table, topic, partition, offset and rule; unique',
  source_table STRING NOT NULL COMMENT 'Table the record was read from, e.g. bronze.commerce_events; for a load, the file URI',
  target_table STRING NOT NULL COMMENT 'Table the record was meant for, e.g. silver.commerce_events',
  stage STRING NOT NULL COMMENT 'Pipeline step that rejected it: refine | quality | replay | analyze | load | ingest',
  rule_id STRING NOT NULL COMMENT 'Rule broken, e.g. decode.utf8, parse.json, parse.type.quantity, required.event_id',
  reason STRING NOT NULL COMMENT 'What was wrong, in words',
  raw_key BINARY COMMENT 'Kafka key, raw bytes',
  raw_value BINARY COMMENT 'Kafka value, raw bytes exactly as received',
  raw_size_bytes INT COMMENT 'Length of raw_value in bytes',
  _kafka_topic STRING COMMENT 'Source topic; for a record from a file (load, file sources), the file URI',
  _kafka_partition INT COMMENT 'Source partition',
  _kafka_offset BIGINT COMMENT 'Source offset; for a record from a file, its line number (Parquet: row number), from 1',
  _kafka_timestamp TIMESTAMP COMMENT 'Kafka record timestamp (UTC)',
  query_name STRING COMMENT 'Query that quarantined it',
  batch_id BIGINT COMMENT 'Micro-batch that quarantined it',
  quarantined_at TIMESTAMP NOT NULL COMMENT 'When it was quarantined (UTC)',
  edited_value BINARY COMMENT 'A corrected value set by quarantine replay --set-value; replayed instead of raw_value',
  replayed_at TIMESTAMP COMMENT 'When a replay published the record (UTC); null while it is held',
  replay_run_id STRING COMMENT 'The replay run that published it',
  quarantined_date DATE NOT NULL COMMENT 'UTC date of quarantined_at; the partition'
)
USING DELTA
PARTITIONED BY (quarantined_date)
COMMENT 'One row per rejected record and rule broken, unique on quarantine_id'
