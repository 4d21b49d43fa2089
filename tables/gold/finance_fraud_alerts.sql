-- Payments whose fraud score reached fraud.alert-score: the queue analysts work through.
CREATE TABLE IF NOT EXISTS gold.finance_fraud_alerts (
  payment_id STRING NOT NULL COMMENT 'Payment flagged; the key',
  card_id STRING NOT NULL COMMENT 'Card',
  customer_id STRING NOT NULL COMMENT 'Customer',
  paid_at TIMESTAMP NOT NULL COMMENT 'When the payment was made (UTC)',
  amount_cents BIGINT NOT NULL COMMENT 'Amount in cents',
  currency STRING NOT NULL COMMENT 'Currency of the amount',
  score DOUBLE NOT NULL COMMENT 'Combined score',
  reason_codes ARRAY<STRING> NOT NULL COMMENT 'Rules that fired',
  alert_id STRING NOT NULL COMMENT 'The ops.alerts row it belongs to (one per card and day)',
  flagged_at TIMESTAMP NOT NULL COMMENT 'When it was flagged (UTC)'
)
USING DELTA
COMMENT 'One row per flagged payment, unique on payment_id'
