-- The overall most popular products of the promoted recommender's training data: what a user nobody knows gets.
CREATE TABLE IF NOT EXISTS gold.commerce_popular_items (
  rank INT NOT NULL COMMENT 'Position, 1 = most popular',
  product_id STRING NOT NULL COMMENT 'Product',
  category STRING COMMENT 'Category of the product',
  score DOUBLE NOT NULL COMMENT 'Popularity: summed implicit weight over users',
  model_name STRING NOT NULL COMMENT 'Model whose training data it comes from',
  model_version INT NOT NULL COMMENT 'Its version',
  generated_at TIMESTAMP NOT NULL COMMENT 'When it was generated (UTC)'
)
USING DELTA
COMMENT 'One row per rank of the overall popular products list, unique on rank'
