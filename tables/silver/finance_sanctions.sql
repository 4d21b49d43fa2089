-- The sanctions list names are screened against: one row per name or alias of a listed party.
-- Loaded with `bin/lakehouse load silver.finance_sanctions FILE`.
CREATE TABLE IF NOT EXISTS silver.finance_sanctions (
  entry_id STRING NOT NULL COMMENT 'Listed party; its names and aliases share the id',
  name STRING NOT NULL COMMENT 'A name or alias as published',
  list_source STRING NOT NULL COMMENT 'Which list, e.g. EU, OFAC, UN',
  loaded_at TIMESTAMP NOT NULL COMMENT 'When the row was loaded (UTC)'
)
USING DELTA
COMMENT 'One row per listed name or alias, unique on (entry_id, name)'
TBLPROPERTIES (
  'lakehouse.load.keys' = 'entry_id, name',
  'lakehouse.load.derive.loaded_at' = '_load_time'
)
