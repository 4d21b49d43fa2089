-- Compliance findings per date (`finance compliance --date D`): payments at or above the reporting
-- threshold, structuring episodes (several payments just below it within 24 hours that together
-- exceed it) and sanctions-list name matches, each with the payment ids that are the evidence.
CREATE TABLE IF NOT EXISTS gold.finance_compliance_findings (
  finding_id STRING NOT NULL COMMENT 'sha-256 of kind, customer, currency and evidence ids; the key',
  finding_date DATE NOT NULL COMMENT 'UTC date of the last payment of the evidence; the partition',
  kind STRING NOT NULL COMMENT 'large_transaction | structuring | sanctions_match',
  customer_id STRING NOT NULL COMMENT 'Customer',
  first_at TIMESTAMP NOT NULL COMMENT 'First payment of the evidence (UTC)',
  last_at TIMESTAMP NOT NULL COMMENT 'Last payment of the evidence (UTC)',
  total_amount DECIMAL(18, 2) NOT NULL COMMENT 'Sum of the evidence, in currency',
  currency STRING NOT NULL COMMENT 'Currency of every payment of the evidence',
  payment_ids ARRAY<STRING> NOT NULL COMMENT 'The evidence: payment ids, sorted',
  payments INT NOT NULL COMMENT 'How many payments',
  detail STRING NOT NULL COMMENT 'What was seen, in words',
  match_score DOUBLE COMMENT 'Name similarity of a sanctions match, in (0, 1]',
  computed_at TIMESTAMP NOT NULL COMMENT 'When it was computed (UTC)'
)
USING DELTA
PARTITIONED BY (finding_date)
COMMENT 'One row per finding, unique on finding_id'
