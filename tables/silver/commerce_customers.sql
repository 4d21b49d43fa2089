-- The shop's customers as a type 2 slowly changing dimension, loaded with
-- `bin/lakehouse load silver.commerce_customers FILE --as-of D` (user_id required, user_agent and
-- is_bot optional): a changed user agent closes the current version and opens a new one. browser and
-- device_class are derived from the user agent; is_bot defaults to what the user agent says.
CREATE TABLE IF NOT EXISTS silver.commerce_customers (
  user_id STRING NOT NULL COMMENT 'Customer id, e.g. u-00042',
  user_agent STRING COMMENT 'Browser user agent the customer uses',
  browser STRING COMMENT 'Browser family from the user agent',
  device_class STRING COMMENT 'desktop | mobile | tablet | bot | other',
  is_bot BOOLEAN NOT NULL COMMENT 'Whether the customer is a crawler or script',
  valid_from TIMESTAMP NOT NULL COMMENT 'Start of this version (UTC, inclusive)',
  valid_to TIMESTAMP COMMENT 'End of this version (UTC, exclusive); null while current',
  is_current BOOLEAN NOT NULL COMMENT 'Whether this is the current version of the customer',
  _loaded_at TIMESTAMP NOT NULL COMMENT 'When the load that wrote this version ran (UTC)'
)
USING DELTA
COMMENT 'One row per customer version (type 2 SCD), unique on (user_id, valid_from)'
TBLPROPERTIES (
  'lakehouse.load.mode' = 'scd2',
  'lakehouse.load.keys' = 'user_id',
  'lakehouse.load.derive.browser' = 'lakehouse_user_agent(user_agent).browser',
  'lakehouse.load.derive.device_class' = 'lakehouse_user_agent(user_agent).device_class',
  'lakehouse.load.default.is_bot' = 'coalesce(lakehouse_user_agent(user_agent).is_bot, false)'
)
