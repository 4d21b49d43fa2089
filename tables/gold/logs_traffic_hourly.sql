-- Web traffic per UTC hour, from silver.logs_web_requests (`logs publish --date D`) or from files
-- (`logs analyze --publish`). Re-publishing a date replaces that date's rows and nothing else.
CREATE TABLE IF NOT EXISTS gold.logs_traffic_hourly (
  request_date DATE NOT NULL COMMENT 'UTC date; the partition',
  hour_start TIMESTAMP NOT NULL COMMENT 'Start of the UTC hour',
  requests BIGINT NOT NULL COMMENT 'Requests in the hour',
  unique_visitors BIGINT NOT NULL COMMENT 'Distinct (ip, date, user agent) among requests not answered 4xx, as GoAccess counts visitors',
  distinct_ips BIGINT NOT NULL COMMENT 'Distinct client addresses',
  bytes BIGINT NOT NULL COMMENT 'Bytes sent (bandwidth); a missing size counts 0',
  status_2xx BIGINT NOT NULL COMMENT 'Responses 200-299',
  status_3xx BIGINT NOT NULL COMMENT 'Responses 300-399',
  status_4xx BIGINT NOT NULL COMMENT 'Responses 400-499',
  status_5xx BIGINT NOT NULL COMMENT 'Responses 500-599',
  bot_requests BIGINT NOT NULL COMMENT 'Requests from crawlers, scanners and scripts',
  blacklisted_requests BIGINT NOT NULL COMMENT 'Requests flagged is_blacklisted in silver (0 for files)',
  p50_response_ms DOUBLE COMMENT 'Median response time, where the format logs it',
  p95_response_ms DOUBLE COMMENT '95th percentile response time, where the format logs it',
  source STRING NOT NULL COMMENT 'silver.logs_web_requests, or the files analyzed',
  published_at TIMESTAMP NOT NULL COMMENT 'When the date was published (UTC)'
)
USING DELTA
PARTITIONED BY (request_date)
COMMENT 'One row per UTC hour with traffic, unique on hour_start'
