-- Stock changes parsed from bronze.commerce_inventory, deduplicated on change_id (every change is kept;
-- silver.commerce_inventory holds the resulting current stock).
CREATE TABLE IF NOT EXISTS silver.commerce_inventory_changes (
  change_id STRING NOT NULL COMMENT 'Unique id of the change; the merge key',
  product_id STRING NOT NULL COMMENT 'Product whose stock changed',
  sequence BIGINT NOT NULL COMMENT 'Per-product sequence number of the change, increasing',
  quantity_delta INT NOT NULL COMMENT 'Units added (restock) or removed (sale), signed',
  stock_after INT NOT NULL COMMENT 'Units in stock after the change; >= 0',
  reason STRING COMMENT 'sale | restock | adjustment',
  changed_at TIMESTAMP NOT NULL COMMENT 'When the stock changed (UTC)',
  changed_date DATE NOT NULL COMMENT 'UTC date of changed_at; the partition (derived)',
  _kafka_topic STRING NOT NULL COMMENT 'Source topic',
  _kafka_partition INT NOT NULL COMMENT 'Source partition',
  _kafka_offset BIGINT NOT NULL COMMENT 'Source offset of the first copy seen',
  _ingested_at TIMESTAMP NOT NULL COMMENT 'When bronze received the record (UTC)',
  _refined_at TIMESTAMP NOT NULL COMMENT 'When the refine micro-batch merged the row (UTC)'
)
USING DELTA
PARTITIONED BY (changed_date)
COMMENT 'One row per inventory change, unique on change_id'
TBLPROPERTIES (
  'lakehouse.refine.source' = 'bronze.commerce_inventory',
  'lakehouse.refine.format' = 'json',
  'lakehouse.refine.merge-keys' = 'change_id',
  'lakehouse.derive.changed_date' = 'CAST(changed_at AS DATE)'
)
