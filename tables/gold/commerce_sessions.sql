-- Browsing sessions from silver.commerce_events, kept by the streaming gold query (`commerce stream`):
-- recomputed whenever an event of the session arrives within the watermark. Events without a session_id
-- belong to no session; events later than the watermark are kept in ops.late_events instead.
CREATE TABLE IF NOT EXISTS gold.commerce_sessions (
  session_id STRING NOT NULL COMMENT 'Browsing session; the key',
  user_id STRING NOT NULL COMMENT 'Customer of the session (of its first event)',
  session_date DATE NOT NULL COMMENT 'UTC date of first_event_at; the partition',
  first_event_at TIMESTAMP NOT NULL COMMENT 'First activity (UTC)',
  last_event_at TIMESTAMP NOT NULL COMMENT 'Last activity so far (UTC)',
  duration_ms BIGINT NOT NULL COMMENT 'last_event_at - first_event_at',
  events BIGINT NOT NULL COMMENT 'Events in the session',
  page_views BIGINT NOT NULL COMMENT 'Events of type view',
  products_viewed BIGINT NOT NULL COMMENT 'Distinct products of the view events',
  event_sequence ARRAY<STRING> NOT NULL COMMENT 'Event types in event-time order (ties by event_id)',
  is_converted BOOLEAN NOT NULL COMMENT 'Whether the session has a purchase',
  updated_at TIMESTAMP NOT NULL COMMENT 'When the streaming query last recomputed the row (UTC)'
)
USING DELTA
PARTITIONED BY (session_date)
COMMENT 'One row per browsing session, unique on session_id'
