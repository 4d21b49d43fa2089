-- Daily closing prices (end of day) of the instrument universe; the market history VaR, stress and
-- backtests read. Loaded per date range by `finance market`; loading a range again replaces it.
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
