-- Sales of one UTC day from silver.commerce_orders, written by `commerce publish --date D` behind
-- quality/gold/commerce_sales_daily.yaml; publishing a date again replaces that date only.
CREATE TABLE IF NOT EXISTS gold.commerce_sales_daily (
  sales_date DATE NOT NULL COMMENT 'UTC date of ordered_at',
  revenue_cents BIGINT NOT NULL COMMENT 'Sum of the lines revenue_cents (after discount)',
  orders BIGINT NOT NULL COMMENT 'Distinct orders',
  order_lines BIGINT NOT NULL COMMENT 'Order lines',
  units BIGINT NOT NULL COMMENT 'Units sold',
  customers BIGINT NOT NULL COMMENT 'Distinct customers who ordered',
  average_order_value_cents DOUBLE COMMENT 'revenue_cents / orders; null without orders',
  flagged_lines BIGINT NOT NULL COMMENT 'Lines flagged unknown_product or no_stock_record (counted in the figures)',
  top_products ARRAY<STRUCT<product_id: STRING, revenue_cents: BIGINT, units: BIGINT>> NOT NULL COMMENT 'The 5 products with the most revenue, best first (ties by product_id)',
  top_categories ARRAY<STRUCT<category: STRING, revenue_cents: BIGINT, orders: BIGINT>> NOT NULL COMMENT 'The 5 categories with the most revenue, best first; unknown products count as category unknown',
  published_at TIMESTAMP NOT NULL COMMENT 'When the row was published (UTC)'
)
USING DELTA
COMMENT 'One row per UTC day: revenue, orders, average order value, top products and categories'
