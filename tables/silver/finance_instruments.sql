-- The instrument universe of the market-risk jobs: what each instrument is and how it is grouped in
-- stress scenarios. Loaded with the market history (`finance market`).
CREATE TABLE IF NOT EXISTS silver.finance_instruments (
  instrument_id STRING NOT NULL COMMENT 'Ticker, e.g. AAPL, EURUSD, TLT; the key',
  name STRING NOT NULL COMMENT 'Display name',
  asset_class STRING NOT NULL COMMENT 'equity | fx | bond',
  sector STRING NOT NULL COMMENT 'technology | financials | healthcare | energy | industrials | consumer | currency | rates',
  currency STRING NOT NULL COMMENT 'ISO 4217 currency the instrument is quoted in',
  loaded_at TIMESTAMP NOT NULL COMMENT 'When the row was loaded (UTC)'
)
USING DELTA
COMMENT 'One row per instrument, unique on instrument_id'
