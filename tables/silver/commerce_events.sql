-- Behaviour events parsed from bronze.commerce_events, deduplicated on event_id.
-- NOT NULL payload columns are required: a record without them goes to ops.quarantine.
-- Columns starting with '_' are lineage filled from bronze; lakehouse.derive.<column> computes a column.
-- brand and list_price_cents come from the silver.commerce_products version valid at event_at.
CREATE TABLE IF NOT EXISTS silver.commerce_events (
  event_id STRING NOT NULL COMMENT 'Unique id of the event; the merge key',
  event_type STRING NOT NULL COMMENT 'view | click | cart | purchase',
  user_id STRING NOT NULL COMMENT 'Customer who acted',
  session_id STRING COMMENT 'Browsing session the event belongs to',
  product_id STRING COMMENT 'Product the event concerns, when any',
  category STRING COMMENT 'Category of the product or page',
  page STRING COMMENT 'Page path',
  user_agent STRING COMMENT 'Raw browser user agent',
  browser STRING COMMENT 'Browser family from the user agent (derived)',
  device_class STRING COMMENT 'desktop | mobile | tablet | bot | other, from the user agent (derived)',
  is_bot BOOLEAN COMMENT 'Whether the user agent is a crawler, scanner or script (derived)',
  brand STRING COMMENT 'Brand of the product, from the products version valid at event_at; null when unknown (derived)',
  list_price_cents BIGINT COMMENT 'List price of the product at event_at, from silver.commerce_products (derived)',
  event_at TIMESTAMP NOT NULL COMMENT 'When the event happened (UTC)',
  event_date DATE NOT NULL COMMENT 'UTC date of event_at; the partition (derived)',
  _kafka_topic STRING NOT NULL COMMENT 'Source topic',
  _kafka_partition INT NOT NULL COMMENT 'Source partition',
  _kafka_offset BIGINT NOT NULL COMMENT 'Source offset of the first copy seen',
  _ingested_at TIMESTAMP NOT NULL COMMENT 'When bronze received the record (UTC)',
  _refined_at TIMESTAMP NOT NULL COMMENT 'When the refine micro-batch merged the row (UTC)'
)
USING DELTA
PARTITIONED BY (event_date)
COMMENT 'One row per behaviour event (view, click, cart, purchase), unique on event_id'
TBLPROPERTIES (
  'lakehouse.refine.source' = 'bronze.commerce_events',
  'lakehouse.refine.format' = 'json',
  'lakehouse.refine.merge-keys' = 'event_id',
  'lakehouse.refine.lookup._product' = 'silver.commerce_products ON product_id AS OF event_at',
  'lakehouse.derive.event_date' = 'CAST(event_at AS DATE)',
  'lakehouse.derive.browser' = 'lakehouse_user_agent(user_agent).browser',
  'lakehouse.derive.device_class' = 'lakehouse_user_agent(user_agent).device_class',
  'lakehouse.derive.is_bot' = 'lakehouse_user_agent(user_agent).is_bot',
  'lakehouse.derive.brand' = '_product.brand',
  'lakehouse.derive.list_price_cents' = '_product.list_price_cents'
)
