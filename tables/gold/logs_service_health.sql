-- Application health per service per 5-minute window from silver.logs_app_events, kept by the
-- streaming detector (`logs detect`): volume, errors and latency; alerts when logs.service-* thresholds are crossed.
CREATE TABLE IF NOT EXISTS gold.logs_service_health (
  window_start TIMESTAMP NOT NULL COMMENT 'Start of the 5-minute window (UTC)',
  window_end TIMESTAMP NOT NULL COMMENT 'End of the window (UTC)',
  health_date DATE NOT NULL COMMENT 'UTC date of window_start; the partition',
  service STRING NOT NULL COMMENT 'Service that logged the events ("unknown" when none was logged)',
  events BIGINT NOT NULL COMMENT 'Events in the window',
  errors BIGINT NOT NULL COMMENT 'Events at level ERROR or FATAL',
  error_rate DOUBLE NOT NULL COMMENT 'errors / events',
  timed_events BIGINT NOT NULL COMMENT 'Events that logged a latency',
  p95_latency_ms DOUBLE COMMENT 'Approximate 95th percentile latency',
  max_latency_ms BIGINT COMMENT 'Largest latency logged',
  alerting BOOLEAN NOT NULL COMMENT 'Whether the error rate or the latency crossed its threshold',
  updated_at TIMESTAMP NOT NULL COMMENT 'When the detector last updated the row (UTC)'
)
USING DELTA
PARTITIONED BY (health_date)
COMMENT 'One row per 5-minute window and service, unique on (window_start, service)'
