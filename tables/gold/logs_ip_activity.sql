-- Requests per client address per 1-minute window, kept up to date by the streaming detector
-- (`logs detect`, watermarked on requested_at); suspicious when a threshold (logs.max-*-per-minute) is crossed.
CREATE TABLE IF NOT EXISTS gold.logs_ip_activity (
  window_start TIMESTAMP NOT NULL COMMENT 'Start of the 1-minute window (UTC)',
  window_end TIMESTAMP NOT NULL COMMENT 'End of the window (UTC)',
  activity_date DATE NOT NULL COMMENT 'UTC date of window_start; the partition',
  ip STRING NOT NULL COMMENT 'Client address',
  requests BIGINT NOT NULL COMMENT 'Requests in the window',
  distinct_paths BIGINT NOT NULL COMMENT 'Distinct paths requested',
  status_4xx BIGINT NOT NULL COMMENT 'Responses 400-499',
  status_5xx BIGINT NOT NULL COMMENT 'Responses 500-599',
  bytes BIGINT NOT NULL COMMENT 'Bytes sent',
  first_seen_at TIMESTAMP NOT NULL COMMENT 'First request in the window (UTC)',
  last_seen_at TIMESTAMP NOT NULL COMMENT 'Last request in the window so far (UTC)',
  suspicious BOOLEAN NOT NULL COMMENT 'Whether a threshold was crossed',
  reasons ARRAY<STRING> COMMENT 'Thresholds crossed, e.g. "4xx 75 > 10"',
  updated_at TIMESTAMP NOT NULL COMMENT 'When the detector last updated the row (UTC)'
)
USING DELTA
PARTITIONED BY (activity_date)
COMMENT 'One row per 1-minute window and client address, unique on (window_start, ip)'
