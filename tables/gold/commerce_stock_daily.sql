-- Stock of each product at the end of one UTC day, from silver.commerce_inventory_changes (so a
-- past day can be published again with the same result). Low stock: at most commerce.low-stock-units.
CREATE TABLE IF NOT EXISTS gold.commerce_stock_daily (
  stock_date DATE NOT NULL COMMENT 'UTC date',
  product_id STRING NOT NULL COMMENT 'Product with a stock record by the end of the day',
  stock_units INT NOT NULL COMMENT 'Units in stock at the end of the day (latest change by changed_at, sequence)',
  min_stock_units INT NOT NULL COMMENT 'Fewest units in stock during the day',
  changes BIGINT NOT NULL COMMENT 'Stock changes during the day',
  units_sold BIGINT NOT NULL COMMENT 'Units removed by sales during the day',
  units_restocked BIGINT NOT NULL COMMENT 'Units added by restocks during the day',
  stock_outs BIGINT NOT NULL COMMENT 'Changes during the day that left the product with no units',
  is_out_of_stock BOOLEAN NOT NULL COMMENT 'Whether the day ended with no units',
  is_low_stock BOOLEAN NOT NULL COMMENT 'Whether the day ended with 1 to commerce.low-stock-units units',
  low_stock_units INT NOT NULL COMMENT 'The commerce.low-stock-units threshold the row was computed with',
  published_at TIMESTAMP NOT NULL COMMENT 'When the row was published (UTC)'
)
USING DELTA
COMMENT 'One row per UTC day and product: end-of-day stock, stock-outs and low stock'
