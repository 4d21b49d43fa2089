-- Explicit ratings of products by customers (MovieLens-style), for the recommender's explicit mode
-- (`bin/lakehouse recommend train --explicit`). Loaded with
-- `bin/lakehouse load silver.commerce_ratings FILE`: user_id, product_id, rating and rated_at are
-- required (rated_at as an ISO timestamp or epoch seconds); a later load of the same pair updates it.
CREATE TABLE IF NOT EXISTS silver.commerce_ratings (
  user_id STRING NOT NULL COMMENT 'Customer who rated',
  product_id STRING NOT NULL COMMENT 'Product rated',
  rating DOUBLE NOT NULL COMMENT 'The rating, e.g. 1 to 5 stars; >= 0',
  rated_at TIMESTAMP NOT NULL COMMENT 'When the rating was given (UTC)',
  loaded_at TIMESTAMP NOT NULL COMMENT 'When the row was loaded (UTC)'
)
USING DELTA
COMMENT 'One row per customer and product rated, unique on (user_id, product_id)'
TBLPROPERTIES (
  'lakehouse.load.keys' = 'user_id, product_id',
  'lakehouse.load.check.rating_not_negative' = 'rating >= 0',
  'lakehouse.load.check.rating_not_negative.reason' = 'rating must be 0 or more',
  'lakehouse.load.derive.loaded_at' = '_load_time'
)
