-- Customers' names, for sanctions screening. Filled from the customer master with
-- `bin/lakehouse load silver.finance_customers FILE` (not generated: the synthetic payments carry
-- customer ids only); while empty, compliance skips name screening.
CREATE TABLE IF NOT EXISTS silver.finance_customers (
  customer_id STRING NOT NULL COMMENT 'Customer id as in silver.finance_payments; the key',
  full_name STRING NOT NULL COMMENT 'Name as registered',
  loaded_at TIMESTAMP NOT NULL COMMENT 'When the row was loaded (UTC)'
)
USING DELTA
COMMENT 'One row per customer, unique on customer_id'
TBLPROPERTIES (
  'lakehouse.load.keys' = 'customer_id',
  'lakehouse.load.derive.loaded_at' = '_load_time'
)
