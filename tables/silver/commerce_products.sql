-- The product catalogue as a type 2 slowly changing dimension, loaded with
-- `bin/lakehouse load silver.commerce_products FILE --as-of D` (product_id, category, brand and
-- list_price_cents are required): a changed category, brand or list price closes the current version (valid_to = the load date)
-- and opens a new one, so every past price stays queryable. Events and orders join the version
-- valid at their time: valid_from <= t < valid_to (valid_to null while current).
CREATE TABLE IF NOT EXISTS silver.commerce_products (
  product_id STRING NOT NULL COMMENT 'Product id, e.g. p-0042',
  category STRING NOT NULL COMMENT 'Category: electronics, books, fashion, ...',
  brand STRING NOT NULL COMMENT 'Brand of the product',
  list_price_cents BIGINT NOT NULL COMMENT 'List price in euro cents while this version is valid',
  valid_from TIMESTAMP NOT NULL COMMENT 'Start of this version (UTC, inclusive)',
  valid_to TIMESTAMP COMMENT 'End of this version (UTC, exclusive); null while current',
  is_current BOOLEAN NOT NULL COMMENT 'Whether this is the current version of the product',
  _loaded_at TIMESTAMP NOT NULL COMMENT 'When the load that wrote this version ran (UTC)'
)
USING DELTA
COMMENT 'One row per product version (type 2 SCD), unique on (product_id, valid_from)'
TBLPROPERTIES (
  'lakehouse.load.mode' = 'scd2',
  'lakehouse.load.keys' = 'product_id',
  'lakehouse.load.check.price_not_negative' = 'list_price_cents >= 0',
  'lakehouse.load.check.price_not_negative.reason' = 'list_price_cents must be 0 or more'
)
