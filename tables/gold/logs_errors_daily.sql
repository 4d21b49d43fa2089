-- Error responses (status 400 and above) per day, status and path: what failed, how often, for how many clients.
CREATE TABLE IF NOT EXISTS gold.logs_errors_daily (
  request_date DATE NOT NULL COMMENT 'UTC date; the partition',
  status INT NOT NULL COMMENT 'HTTP status, 400 and above',
  status_class STRING NOT NULL COMMENT '4xx | 5xx',
  path STRING NOT NULL COMMENT 'Request path without the query string ("" when the request line had none)',
  requests BIGINT NOT NULL COMMENT 'Requests answered with this status on this path',
  distinct_ips BIGINT NOT NULL COMMENT 'Clients that got it',
  share_of_day DOUBLE NOT NULL COMMENT 'requests / all requests of the day',
  first_seen_at TIMESTAMP NOT NULL COMMENT 'First such response of the day (UTC)',
  last_seen_at TIMESTAMP NOT NULL COMMENT 'Last such response of the day (UTC)',
  source STRING NOT NULL COMMENT 'silver.logs_web_requests, or the files analyzed',
  published_at TIMESTAMP NOT NULL COMMENT 'When the date was published (UTC)'
)
USING DELTA
PARTITIONED BY (request_date)
COMMENT 'One row per date, status and path with error responses, unique on (request_date, status, path)'
