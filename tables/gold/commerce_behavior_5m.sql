-- Behaviour per 5-minute window, event type and category, kept by the streaming gold query
-- (`commerce stream`, watermark commerce.watermark on event_at). Events later than the watermark are
-- not counted here: they are kept in ops.late_events.
CREATE TABLE IF NOT EXISTS gold.commerce_behavior_5m (
  window_start TIMESTAMP NOT NULL COMMENT 'Start of the 5-minute window (UTC)',
  window_end TIMESTAMP NOT NULL COMMENT 'End of the window (UTC)',
  behavior_date DATE NOT NULL COMMENT 'UTC date of window_start; the partition',
  event_type STRING NOT NULL COMMENT 'view | click | cart | purchase',
  category STRING NOT NULL COMMENT 'Category of the product or page ("unknown" when the event has none)',
  events BIGINT NOT NULL COMMENT 'Events in the window',
  unique_users BIGINT NOT NULL COMMENT 'Distinct user_id',
  unique_sessions BIGINT NOT NULL COMMENT 'Distinct session_id (events without a session are not counted)',
  updated_at TIMESTAMP NOT NULL COMMENT 'When the streaming query last recomputed the row (UTC)'
)
USING DELTA
PARTITIONED BY (behavior_date)
COMMENT 'One row per 5-minute window, event type and category, unique on (window_start, event_type, category)'
