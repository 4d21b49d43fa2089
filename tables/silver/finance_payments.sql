-- Card payments parsed from bronze.finance_payments, deduplicated on payment_id. NOT NULL payload
-- columns are required; a non-numeric amount fails parsing; the quality suite
-- (quality/silver/finance_payments.yaml) sets aside negative amounts, unknown currencies and
-- payments dated in the future. The fraud label comes from the generator (for training and evaluation).
CREATE TABLE IF NOT EXISTS silver.finance_payments (
  payment_id STRING NOT NULL COMMENT 'Unique id of the payment; the merge key',
  customer_id STRING NOT NULL COMMENT 'Customer who paid',
  customer_country STRING COMMENT 'ISO 3166 home country of the customer; the unusual-hour rule judges night in its time zone',
  card_id STRING NOT NULL COMMENT 'Card used; the key of the fraud state',
  merchant_id STRING NOT NULL COMMENT 'Merchant paid',
  merchant_category STRING COMMENT 'Merchant category, e.g. electronics, online_services',
  merchant_country STRING COMMENT 'ISO 3166 country of the merchant',
  amount_cents BIGINT NOT NULL COMMENT 'Amount in cents of currency; > 0',
  currency STRING NOT NULL COMMENT 'ISO 4217 currency: EUR, USD, GBP',
  device_id STRING COMMENT 'Device the payment came from',
  lat DOUBLE COMMENT 'Latitude of the payment (merchant or device)',
  lon DOUBLE COMMENT 'Longitude of the payment',
  paid_at TIMESTAMP NOT NULL COMMENT 'When the payment was made (UTC)',
  paid_date DATE NOT NULL COMMENT 'UTC date of paid_at; the partition (derived)',
  is_fraud BOOLEAN COMMENT 'Label: whether the payment was fraud (known later, from chargebacks; generated here)',
  fraud_pattern STRING COMMENT 'Label detail: card_testing, impossible_travel, ... when is_fraud',
  _kafka_topic STRING NOT NULL COMMENT 'Source topic',
  _kafka_partition INT NOT NULL COMMENT 'Source partition',
  _kafka_offset BIGINT NOT NULL COMMENT 'Source offset',
  _ingested_at TIMESTAMP NOT NULL COMMENT 'When bronze received the record (UTC)',
  _refined_at TIMESTAMP NOT NULL COMMENT 'When the refine micro-batch merged the row (UTC)'
)
USING DELTA
PARTITIONED BY (paid_date)
COMMENT 'One row per payment, unique on payment_id'
TBLPROPERTIES (
  'lakehouse.refine.source' = 'bronze.finance_payments',
  'lakehouse.refine.format' = 'json',
  'lakehouse.refine.merge-keys' = 'payment_id',
  'lakehouse.derive.paid_date' = 'CAST(paid_at AS DATE)'
)
