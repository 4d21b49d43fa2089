-- Order lines parsed from bronze.commerce_orders, deduplicated on (order_id, line_no).
-- quality/silver/commerce_orders.yaml quarantines negative quantities or prices and discounts outside
-- [0, 1]. An unknown product (no silver.commerce_products version valid at ordered_at) or a product
-- without a stock record (none in silver.commerce_inventory) is kept and flagged in flags.
-- Refined after the inventory tables, so `refine --available-now` sees the stock first.
CREATE TABLE IF NOT EXISTS silver.commerce_orders (
  order_id STRING NOT NULL COMMENT 'Order id; with line_no the merge key',
  line_no INT NOT NULL COMMENT 'Line of the order, from 1',
  user_id STRING NOT NULL COMMENT 'Customer who ordered',
  product_id STRING NOT NULL COMMENT 'Product ordered',
  quantity INT NOT NULL COMMENT 'Units ordered; >= 1',
  unit_price_cents BIGINT NOT NULL COMMENT 'Price per unit in cents of currency, before discount; >= 0',
  discount DOUBLE NOT NULL COMMENT 'Discount as a fraction, in [0, 1]',
  payment_method STRING COMMENT 'card | paypal | bank_transfer | gift_card',
  currency STRING COMMENT 'ISO 4217 currency of the prices',
  ordered_at TIMESTAMP NOT NULL COMMENT 'When the order was placed (UTC)',
  ordered_date DATE NOT NULL COMMENT 'UTC date of ordered_at; the partition (derived)',
  revenue_cents BIGINT NOT NULL COMMENT 'quantity * unit_price_cents * (1 - discount), rounded half up to the cent (derived)',
  category STRING COMMENT 'Category of the product at ordered_at; null when unknown (derived)',
  brand STRING COMMENT 'Brand of the product at ordered_at; null when unknown (derived)',
  list_price_cents BIGINT COMMENT 'List price of the product at ordered_at (derived)',
  flags ARRAY<STRING> NOT NULL COMMENT 'Why the line is doubtful: unknown_product, no_stock_record; empty when none (derived)',
  is_flagged BOOLEAN NOT NULL COMMENT 'Whether flags is not empty (derived)',
  _kafka_topic STRING NOT NULL COMMENT 'Source topic',
  _kafka_partition INT NOT NULL COMMENT 'Source partition',
  _kafka_offset BIGINT NOT NULL COMMENT 'Source offset of the first copy seen',
  _ingested_at TIMESTAMP NOT NULL COMMENT 'When bronze received the record (UTC)',
  _refined_at TIMESTAMP NOT NULL COMMENT 'When the refine micro-batch merged the row (UTC)'
)
USING DELTA
PARTITIONED BY (ordered_date)
COMMENT 'One row per order line, unique on (order_id, line_no)'
TBLPROPERTIES (
  'lakehouse.refine.source' = 'bronze.commerce_orders',
  'lakehouse.refine.format' = 'json',
  'lakehouse.refine.merge-keys' = 'order_id, line_no',
  'lakehouse.refine.after' = 'silver.commerce_inventory, silver.commerce_inventory_changes',
  'lakehouse.refine.lookup._product' = 'silver.commerce_products ON product_id AS OF ordered_at',
  'lakehouse.refine.lookup._stock' = 'silver.commerce_inventory ON product_id',
  'lakehouse.derive.ordered_date' = 'CAST(ordered_at AS DATE)',
  'lakehouse.derive.revenue_cents' = 'CAST(round(quantity * unit_price_cents * (1 - CAST(discount AS DECIMAL(12, 6))), 0) AS BIGINT)',
  'lakehouse.derive.category' = '_product.category',
  'lakehouse.derive.brand' = '_product.brand',
  'lakehouse.derive.list_price_cents' = '_product.list_price_cents',
  'lakehouse.derive.flags' = 'filter(array(if(_product IS NULL, "unknown_product", NULL), if(_stock IS NULL, "no_stock_record", NULL)), f -> f IS NOT NULL)',
  'lakehouse.derive.is_flagged' = '_product IS NULL OR _stock IS NULL'
)
