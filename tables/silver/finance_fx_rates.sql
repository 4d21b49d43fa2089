-- Daily FX rates the market-risk jobs convert prices with: how many units of base_currency one unit
-- of currency is worth on a date (1.08 for EUR in USD). Loaded with
-- `bin/lakehouse load silver.finance_fx_rates FILE`: rate_date, currency and rate are required;
-- base_currency defaults to USD, the base currency of the risk jobs; source defaults to the file.
-- A price in EUR is converted with the EUR rate in USD of its day; without one, with the close of an
-- fx instrument whose fx_currency is EUR and currency USD (silver.finance_instruments).
CREATE TABLE IF NOT EXISTS silver.finance_fx_rates (
  rate_date DATE NOT NULL COMMENT 'Date of the rate (end of day)',
  currency STRING NOT NULL COMMENT 'ISO 4217 currency priced, e.g. EUR',
  base_currency STRING NOT NULL COMMENT 'ISO 4217 currency the rate is in, e.g. USD',
  rate DOUBLE NOT NULL COMMENT 'Units of base_currency for one unit of currency; > 0',
  source STRING NOT NULL COMMENT 'Where the rate came from, e.g. the file it was loaded from',
  loaded_at TIMESTAMP NOT NULL COMMENT 'When the row was loaded (UTC)'
)
USING DELTA
COMMENT 'One row per date and currency pair, unique on (rate_date, currency, base_currency)'
TBLPROPERTIES (
  'lakehouse.load.keys' = 'rate_date, currency, base_currency',
  'lakehouse.load.allowed.currency' = 'iso-4217',
  'lakehouse.load.allowed.base_currency' = 'iso-4217',
  'lakehouse.load.default.base_currency' = '"USD"',
  'lakehouse.load.default.source' = '_source_file',
  'lakehouse.load.check.rate_positive' = 'rate > 0',
  'lakehouse.load.check.rate_positive.reason' = 'rate must be greater than 0',
  'lakehouse.load.check.two_currencies' = 'upper(currency) <> upper(base_currency)',
  'lakehouse.load.check.two_currencies.reason' = 'a currency has no rate against itself',
  'lakehouse.load.derive.loaded_at' = '_load_time'
)
