-- Portfolio holdings per date: what the risk jobs value and stress. Loaded with
-- `bin/lakehouse load silver.finance_positions FILE [--as-of D]`: portfolio_id, instrument_id and
-- quantity are required; as_of_date comes from the file or from --as-of. The risk jobs of a date use
-- each portfolio's latest holdings at or before it.
CREATE TABLE IF NOT EXISTS silver.finance_positions (
  as_of_date DATE NOT NULL COMMENT 'Date the holdings are as of',
  portfolio_id STRING NOT NULL COMMENT 'Portfolio, e.g. global-equity',
  instrument_id STRING NOT NULL COMMENT 'Instrument held (silver.finance_instruments)',
  quantity DOUBLE NOT NULL COMMENT 'Units held; negative for a short position',
  loaded_at TIMESTAMP NOT NULL COMMENT 'When the row was loaded (UTC)'
)
USING DELTA
COMMENT 'One row per date, portfolio and instrument, unique on (as_of_date, portfolio_id, instrument_id)'
TBLPROPERTIES (
  'lakehouse.load.keys' = 'as_of_date, portfolio_id, instrument_id',
  'lakehouse.load.default.as_of_date' = '_as_of',
  'lakehouse.load.derive.loaded_at' = '_load_time'
)
