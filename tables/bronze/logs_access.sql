-- Raw records of Kafka topic logs.access, exactly as received, and the lines of
-- the files of ingest.files.logs.access (lineage: file URI as _kafka_topic, line number as _kafka_offset);
-- append-only, never updated.
CREATE TABLE IF NOT EXISTS bronze.logs_access (
  key BINARY COMMENT 'Kafka record key, raw bytes (null when the producer sent none)',
  value BINARY COMMENT 'Kafka record value, raw bytes exactly as received',
  _kafka_topic STRING NOT NULL COMMENT 'Source topic; for a line of a file source, the file URI',
  _kafka_partition INT NOT NULL COMMENT 'Source partition (0 for a file line)',
  _kafka_offset BIGINT NOT NULL COMMENT 'Offset in the source partition (for a file line: its line number, from 1); (topic, partition, offset) is unique',
  _kafka_timestamp TIMESTAMP COMMENT 'Kafka record timestamp (UTC); for a file line, the file modification time',
  _ingested_at TIMESTAMP NOT NULL COMMENT 'When the ingest micro-batch wrote the record (UTC)',
  _ingested_date DATE NOT NULL COMMENT 'UTC date of _ingested_at; the partition',
  _ingest_batch_id BIGINT NOT NULL COMMENT 'Micro-batch of the ingest query that wrote the record'
)
USING DELTA
PARTITIONED BY (_ingested_date)
COMMENT 'One row per Kafka record (or file line) of source logs.access (one web access log line each when well-formed)'
TBLPROPERTIES ('lakehouse.source.topic' = 'logs.access')
