-- The instrument universe of the market-risk jobs: what each instrument is and how it is grouped in
-- stress scenarios. Loaded from a file with `bin/lakehouse load silver.finance_instruments FILE`
-- (docs/bring-your-own-data.md): instrument_id, name, asset_class, sector and currency are required;
-- fx_currency is required for an fx instrument unless its id is a currency pair (EURUSD, EUR/USD);
-- loaded_at is set by the load.
CREATE TABLE IF NOT EXISTS silver.finance_instruments (
  instrument_id STRING NOT NULL COMMENT 'Ticker, e.g. AAPL, EURUSD, TLT; the key',
  name STRING NOT NULL COMMENT 'Display name',
  asset_class STRING NOT NULL COMMENT 'equity | fx | bond',
  sector STRING NOT NULL COMMENT 'technology | financials | healthcare | energy | industrials | consumer | currency | rates',
  currency STRING NOT NULL COMMENT 'ISO 4217 currency the instrument is quoted in',
  fx_currency STRING COMMENT 'fx instruments only: the ISO 4217 currency the instrument is the price of (EUR for EURUSD, quoted in USD); currency scenarios move the position with it',
  loaded_at TIMESTAMP NOT NULL COMMENT 'When the row was loaded (UTC)'
)
USING DELTA
COMMENT 'One row per instrument, unique on instrument_id'
TBLPROPERTIES (
  'lakehouse.load.keys' = 'instrument_id',
  'lakehouse.load.allowed.asset_class' = 'equity, fx, bond, commodity',
  'lakehouse.load.allowed.sector' = 'technology, financials, healthcare, energy, industrials, consumer, materials, utilities, real_estate, communication, currency, rates, other',
  'lakehouse.load.allowed.currency' = 'iso-4217',
  'lakehouse.load.allowed.fx_currency' = 'iso-4217',
  'lakehouse.load.default.fx_currency' = 'CASE WHEN lower(asset_class) = "fx" THEN nullif(regexp_extract(upper(instrument_id), "^([A-Z]{3})[/._ -]?[A-Z]{3}$", 1), "") END',
  'lakehouse.load.check.fx_currency_known' = 'lower(asset_class) <> "fx" OR fx_currency IS NOT NULL',
  'lakehouse.load.check.fx_currency_known.reason' = 'an fx instrument needs fx_currency, the currency it is the price of (EUR for a euro quoted in dollars); it is derived only from an id that is a currency pair such as EURUSD or EUR/USD',
  'lakehouse.load.derive.loaded_at' = '_load_time'
)
