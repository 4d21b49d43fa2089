-- Current stock per product, kept by MERGE from the inventory changes in bronze.commerce_inventory.
-- The latest change by (changed_at, sequence) wins, whatever order the changes arrive in: a late
-- older change never rolls the stock back (lakehouse.refine.latest-by).
CREATE TABLE IF NOT EXISTS silver.commerce_inventory (
  product_id STRING NOT NULL COMMENT 'Product; the merge key',
  stock_after INT NOT NULL COMMENT 'Units in stock after the latest change: the current stock',
  sequence BIGINT NOT NULL COMMENT 'Sequence number of the latest change',
  change_id STRING NOT NULL COMMENT 'Id of the latest change',
  quantity_delta INT COMMENT 'Units the latest change added or removed',
  reason STRING COMMENT 'Reason of the latest change: sale | restock | adjustment',
  changed_at TIMESTAMP NOT NULL COMMENT 'When the latest change happened (UTC)',
  is_out_of_stock BOOLEAN NOT NULL COMMENT 'Whether the product has no units left (derived)',
  _kafka_topic STRING NOT NULL COMMENT 'Source topic of the latest change',
  _kafka_partition INT NOT NULL COMMENT 'Source partition of the latest change',
  _kafka_offset BIGINT NOT NULL COMMENT 'Source offset of the latest change',
  _ingested_at TIMESTAMP NOT NULL COMMENT 'When bronze received the latest change (UTC)',
  _refined_at TIMESTAMP NOT NULL COMMENT 'When the refine micro-batch merged the row (UTC)'
)
USING DELTA
COMMENT 'One row per product with a stock record: its current stock'
TBLPROPERTIES (
  'lakehouse.refine.source' = 'bronze.commerce_inventory',
  'lakehouse.refine.format' = 'json',
  'lakehouse.refine.merge-keys' = 'product_id',
  'lakehouse.refine.latest-by' = 'changed_at, sequence',
  'lakehouse.derive.is_out_of_stock' = 'stock_after <= 0'
)
