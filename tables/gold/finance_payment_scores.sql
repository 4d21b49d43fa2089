-- Every payment scored as it arrives (`finance score`): the rules' reasons and the combined score.
CREATE TABLE IF NOT EXISTS gold.finance_payment_scores (
  payment_id STRING NOT NULL COMMENT 'Payment scored; the key',
  card_id STRING NOT NULL COMMENT 'Card, the key of the scoring state',
  customer_id STRING NOT NULL COMMENT 'Customer',
  paid_at TIMESTAMP NOT NULL COMMENT 'When the payment was made (UTC)',
  paid_date DATE NOT NULL COMMENT 'UTC date of paid_at; the partition',
  amount_cents BIGINT NOT NULL COMMENT 'Amount in cents',
  currency STRING NOT NULL COMMENT 'Currency of the amount',
  rules_score DOUBLE NOT NULL COMMENT 'Score of the rules, 1 - prod(1 - weight) over the rules that fired, in [0, 1]',
  ml_score DOUBLE COMMENT 'Score of the trained model, when one is promoted (null until then)',
  score DOUBLE NOT NULL COMMENT 'Combined score: (1 - fraud.ml-weight) * rules_score + fraud.ml-weight * ml_score; rules_score alone while no model is promoted',
  reason_codes ARRAY<STRING> NOT NULL COMMENT 'Rules that fired, e.g. VELOCITY_1M, SMALL_AMOUNT_BURST',
  is_alert BOOLEAN NOT NULL COMMENT 'Whether score reached fraud.alert-score',
  is_fraud BOOLEAN COMMENT 'Label from silver, for evaluation',
  scored_at TIMESTAMP NOT NULL COMMENT 'When the micro-batch scored it (UTC)'
)
USING DELTA
PARTITIONED BY (paid_date)
COMMENT 'One row per payment, unique on payment_id'
