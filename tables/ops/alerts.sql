-- Alerts raised by quality gates, anomaly detectors and monitors; acknowledged by people.
CREATE TABLE IF NOT EXISTS ops.alerts (
  alert_id STRING NOT NULL COMMENT 'Deterministic id of the condition (domain, rule, subject, window), so one anomaly is alerted once',
  domain STRING NOT NULL COMMENT 'commerce | logs | finance | platform',
  rule STRING NOT NULL COMMENT 'What fired, e.g. quality.gate_failed, revenue_zscore',
  severity STRING NOT NULL COMMENT 'critical | warning | info',
  subject STRING NOT NULL COMMENT 'What it is about: a table, a product, an IP, a card',
  message STRING NOT NULL COMMENT 'What happened and where to look, in words',
  value DOUBLE COMMENT 'Observed value',
  expected_range STRING COMMENT 'What was expected, e.g. [120.0, 480.0]',
  window_start TIMESTAMP COMMENT 'Start of the window the alert is about (UTC)',
  window_end TIMESTAMP COMMENT 'End of the window the alert is about (UTC)',
  first_seen_at TIMESTAMP NOT NULL COMMENT 'When the condition was first detected (UTC)',
  status STRING NOT NULL COMMENT 'open | acknowledged',
  acknowledged_at TIMESTAMP COMMENT 'When someone acknowledged it (UTC)',
  acknowledged_by STRING COMMENT 'Who acknowledged it'
)
USING DELTA
COMMENT 'One row per distinct alert condition, unique on alert_id'
