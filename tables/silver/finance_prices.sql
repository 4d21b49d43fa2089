-- Daily closing prices (end of day) of the instrument universe; the market history VaR, stress and
-- backtests read. Loaded with `bin/lakehouse load silver.finance_prices FILE...`: price_date,
-- instrument_id and close are required; currency defaults to the instrument's (silver.finance_instruments)
-- and must agree with it; source defaults to the file the row came from. A second close for the same
-- (price_date, instrument_id) in one load is a conflict; loading a close again updates it.
CREATE TABLE IF NOT EXISTS silver.finance_prices (
  price_date DATE NOT NULL COMMENT 'Trading date',
  instrument_id STRING NOT NULL COMMENT 'Instrument (silver.finance_instruments)',
  close DOUBLE NOT NULL COMMENT 'Closing price in the instrument currency; > 0',
  currency STRING NOT NULL COMMENT 'ISO 4217 currency of close',
  source STRING NOT NULL COMMENT 'Where the price came from, e.g. generated:seed=42',
  loaded_at TIMESTAMP NOT NULL COMMENT 'When the row was loaded (UTC)'
)
USING DELTA
COMMENT 'One row per trading date and instrument, unique on (price_date, instrument_id)'
TBLPROPERTIES (
  'lakehouse.load.keys' = 'price_date, instrument_id',
  'lakehouse.load.lookup._instrument' = 'silver.finance_instruments ON instrument_id',
  'lakehouse.load.allowed.currency' = 'iso-4217',
  'lakehouse.load.default.currency' = '_instrument.currency',
  'lakehouse.load.default.source' = '_source_file',
  'lakehouse.load.check.close_positive' = 'close > 0',
  'lakehouse.load.check.close_positive.reason' = 'close must be a price greater than 0',
  'lakehouse.load.check.instrument_currency' = '_instrument IS NULL OR upper(currency) = upper(_instrument.currency)',
  'lakehouse.load.check.instrument_currency.reason' = 'the close must be in the currency silver.finance_instruments gives the instrument',
  'lakehouse.load.derive.loaded_at' = '_load_time'
)
