-- The view -> cart -> purchase funnel of one UTC day by category, from silver.commerce_events.
-- A session counts at a step when it reached that step and every earlier one in the category the
-- same day (sessions are session_id, or user_id when an event has none).
CREATE TABLE IF NOT EXISTS gold.commerce_funnel_daily (
  funnel_date DATE NOT NULL COMMENT 'UTC date of event_at',
  category STRING NOT NULL COMMENT 'Product category; unknown when the event had none',
  viewing_sessions BIGINT NOT NULL COMMENT 'Sessions that viewed a product of the category',
  carting_sessions BIGINT NOT NULL COMMENT '... and put one in the cart',
  purchasing_sessions BIGINT NOT NULL COMMENT '... and bought one',
  view_to_cart_rate DOUBLE NOT NULL COMMENT 'carting_sessions / viewing_sessions',
  cart_to_purchase_rate DOUBLE COMMENT 'purchasing_sessions / carting_sessions; null without carts',
  view_to_purchase_rate DOUBLE NOT NULL COMMENT 'purchasing_sessions / viewing_sessions',
  published_at TIMESTAMP NOT NULL COMMENT 'When the row was published (UTC)'
)
USING DELTA
COMMENT 'One row per UTC day and category with at least one viewing session'
