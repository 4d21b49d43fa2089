-- Behaviour events parsed from bronze.commerce_events, deduplicated on event_id.
-- NOT NULL payload columns are required: a record without them goes to ops.quarantine.
-- Columns starting with '_' are lineage filled from bronze; lakehouse.derive.<column> computes a column.
CREATE TABLE IF NOT EXISTS silver.commerce_events (
  event_id STRING NOT NULL COMMENT 'Unique id of the event; the merge key',
  event_type STRING NOT NULL COMMENT 'view | click | cart | purchase',
  user_id STRING NOT NULL COMMENT 'Customer who acted',
  session_id STRING COMMENT 'Browsing session the event belongs to',
  product_id STRING COMMENT 'Product the event concerns, when any',
  category STRING COMMENT 'Category of the product or page',
  page STRING COMMENT 'Page path',
  user_agent STRING COMMENT 'Raw browser user agent',
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
  'lakehouse.derive.event_date' = 'CAST(event_at AS DATE)'
)
