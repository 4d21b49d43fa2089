-- Syslog lines (RFC 3164 and RFC 5424) parsed from bronze.logs_syslog.
CREATE TABLE IF NOT EXISTS silver.logs_syslog (
  event_id STRING NOT NULL COMMENT 'sha-256 of the source topic, partition and offset; the merge key',
  logged_at TIMESTAMP NOT NULL COMMENT 'When the line was logged (UTC); RFC 3164 lines take the year of their Kafka timestamp',
  logged_date DATE NOT NULL COMMENT 'UTC date of logged_at; the partition (derived)',
  host STRING COMMENT 'Host that logged the line',
  facility INT COMMENT 'Syslog facility 0..23, from PRI',
  severity INT COMMENT 'Syslog severity 0 (emerg) .. 7 (debug), from PRI',
  severity_name STRING COMMENT 'emerg | alert | crit | err | warning | notice | info | debug',
  program STRING COMMENT 'Program (APP-NAME / TAG)',
  pid INT COMMENT 'Process id, when logged',
  message_id STRING COMMENT 'RFC 5424 MSGID',
  message STRING COMMENT 'Free text',
  syslog_format STRING COMMENT 'syslog-3164 | syslog-5424',
  _kafka_topic STRING NOT NULL COMMENT 'Source topic',
  _kafka_partition INT NOT NULL COMMENT 'Source partition',
  _kafka_offset BIGINT NOT NULL COMMENT 'Source offset',
  _ingested_at TIMESTAMP NOT NULL COMMENT 'When bronze received the line (UTC)',
  _refined_at TIMESTAMP NOT NULL COMMENT 'When the refine micro-batch merged the row (UTC)'
)
USING DELTA
PARTITIONED BY (logged_date)
COMMENT 'One row per syslog line that parsed, unique on event_id'
TBLPROPERTIES (
  'lakehouse.refine.source' = 'bronze.logs_syslog',
  'lakehouse.refine.format' = 'syslog',
  'lakehouse.refine.merge-keys' = 'event_id',
  'lakehouse.derive.event_id' = 'sha2(concat_ws("|", _kafka_topic, CAST(_kafka_partition AS STRING), CAST(_kafka_offset AS STRING)), 256)',
  'lakehouse.derive.logged_date' = 'CAST(logged_at AS DATE)'
)
