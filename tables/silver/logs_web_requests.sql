-- Web access log lines (Apache common/combined with or without virtual host, nginx) parsed from
-- bronze.logs_access. Lines that match no format go to ops.quarantine with the parser's rule.
CREATE TABLE IF NOT EXISTS silver.logs_web_requests (
  request_id STRING NOT NULL COMMENT 'sha-256 of the source topic, partition and offset; the merge key (log lines carry no id)',
  vhost STRING COMMENT 'Virtual host, when the format has it',
  ip STRING NOT NULL COMMENT 'Client address, IPv4 or IPv6',
  is_ipv6 BOOLEAN COMMENT 'Whether ip is an IPv6 address',
  user_name STRING COMMENT 'Authenticated user, when any',
  requested_at TIMESTAMP NOT NULL COMMENT 'When the request was logged, converted to UTC',
  request_date DATE NOT NULL COMMENT 'UTC date of requested_at; the partition (derived)',
  method STRING COMMENT 'HTTP method; null when the request line is not HTTP (scanner noise)',
  path STRING COMMENT 'Path without the query string',
  query STRING COMMENT 'Query string after ?, when any',
  protocol STRING COMMENT 'HTTP/1.1, HTTP/2.0, ...',
  status INT NOT NULL COMMENT 'HTTP status code',
  bytes BIGINT COMMENT 'Response size in bytes; null for -',
  referrer STRING COMMENT 'Referer header; null for -',
  user_agent STRING COMMENT 'User-Agent header; null for -',
  browser STRING COMMENT 'Browser family from the user agent',
  os STRING COMMENT 'Operating system from the user agent',
  device_class STRING COMMENT 'desktop | mobile | tablet | bot | other',
  is_bot BOOLEAN COMMENT 'Whether the user agent is a crawler, scanner or script',
  response_time_us BIGINT COMMENT 'Response time in microseconds, when the format logs it',
  raw_request STRING COMMENT 'The request line as logged',
  is_blacklisted BOOLEAN COMMENT 'Whether ip was on gold.logs_ip_blacklist (active entry) when the line was refined (derived)',
  _kafka_topic STRING NOT NULL COMMENT 'Source topic',
  _kafka_partition INT NOT NULL COMMENT 'Source partition',
  _kafka_offset BIGINT NOT NULL COMMENT 'Source offset',
  _ingested_at TIMESTAMP NOT NULL COMMENT 'When bronze received the line (UTC)',
  _refined_at TIMESTAMP NOT NULL COMMENT 'When the refine micro-batch merged the row (UTC)'
)
USING DELTA
PARTITIONED BY (request_date)
COMMENT 'One row per web access log line that parsed, unique on request_id'
TBLPROPERTIES (
  'lakehouse.refine.source' = 'bronze.logs_access',
  'lakehouse.refine.format' = 'web-access',
  'lakehouse.refine.merge-keys' = 'request_id',
  'lakehouse.derive.request_id' = 'sha2(concat_ws("|", _kafka_topic, CAST(_kafka_partition AS STRING), CAST(_kafka_offset AS STRING)), 256)',
  'lakehouse.derive.request_date' = 'CAST(requested_at AS DATE)',
  'lakehouse.derive.is_blacklisted' = 'lakehouse_is_blacklisted(ip)'
)
