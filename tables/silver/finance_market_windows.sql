-- Named periods of the market history that historical stress scenarios refer to (a scenario with
-- `window: crash` replays the moves of the window named crash). Loaded with
-- `bin/lakehouse load silver.finance_market_windows FILE`, e.g. a row crash,2020-02-19,2020-03-23.
CREATE TABLE IF NOT EXISTS silver.finance_market_windows (
  window_name STRING NOT NULL COMMENT 'Name a scenario refers to, e.g. crash; the key',
  from_date DATE NOT NULL COMMENT 'First trading day of the window',
  to_date DATE NOT NULL COMMENT 'Last trading day of the window',
  description STRING COMMENT 'What happened',
  loaded_at TIMESTAMP NOT NULL COMMENT 'When the row was loaded (UTC)'
)
USING DELTA
COMMENT 'One row per named window, unique on window_name'
TBLPROPERTIES (
  'lakehouse.load.keys' = 'window_name',
  'lakehouse.load.check.dates_in_order' = 'from_date <= to_date',
  'lakehouse.load.check.dates_in_order.reason' = 'from_date must not be after to_date',
  'lakehouse.load.derive.loaded_at' = '_load_time'
)
