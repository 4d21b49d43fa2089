-- Sales per 5-minute window and product from order lines (silver.commerce_orders by default), kept by
-- the streaming gold query (`commerce stream`, watermark commerce.watermark on ordered_at). The window
-- totals of revenue feed the revenue anomaly detector (commerce.revenue_anomaly in ops.alerts).
CREATE TABLE IF NOT EXISTS gold.commerce_sales_5m (
  window_start TIMESTAMP NOT NULL COMMENT 'Start of the 5-minute window (UTC)',
  window_end TIMESTAMP NOT NULL COMMENT 'End of the window (UTC)',
  sales_date DATE NOT NULL COMMENT 'UTC date of window_start; the partition',
  product_id STRING NOT NULL COMMENT 'Product sold',
  category STRING COMMENT 'Category of the product (of its latest line in the window)',
  revenue DOUBLE NOT NULL COMMENT 'Sum of the revenue of the lines (after discount)',
  quantity BIGINT NOT NULL COMMENT 'Units sold',
  orders BIGINT NOT NULL COMMENT 'Distinct orders with a line of the product',
  avg_price DOUBLE COMMENT 'Average price paid per unit: revenue / quantity (null when quantity is 0)',
  updated_at TIMESTAMP NOT NULL COMMENT 'When the streaming query last recomputed the row (UTC)'
)
USING DELTA
PARTITIONED BY (sales_date)
COMMENT 'One row per 5-minute window and product, unique on (window_start, product_id)'
