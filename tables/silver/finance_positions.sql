-- Portfolio holdings per date: what the risk jobs value and stress. Loaded by `finance market`.
CREATE TABLE IF NOT EXISTS silver.finance_positions (
  as_of_date DATE NOT NULL COMMENT 'Date the holdings are as of',
  portfolio_id STRING NOT NULL COMMENT 'Portfolio, e.g. global-equity',
  instrument_id STRING NOT NULL COMMENT 'Instrument held (silver.finance_instruments)',
  quantity DOUBLE NOT NULL COMMENT 'Units held; negative for a short position',
  loaded_at TIMESTAMP NOT NULL COMMENT 'When the row was loaded (UTC)'
)
USING DELTA
COMMENT 'One row per date, portfolio and instrument, unique on (as_of_date, portfolio_id, instrument_id)'
