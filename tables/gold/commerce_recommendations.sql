-- The current top-N recommendation list of every user, as `recommend push` last wrote it (and pushed to Redis).
-- Replaced whole by each push: the lists of one model version, generated together.
CREATE TABLE IF NOT EXISTS gold.commerce_recommendations (
  user_id STRING NOT NULL COMMENT 'Customer the list is for',
  rank INT NOT NULL COMMENT 'Position in the list, 1 = best',
  product_id STRING NOT NULL COMMENT 'Recommended product',
  category STRING COMMENT 'Category of the product',
  score DOUBLE NOT NULL COMMENT 'als: predicted preference (dot product of factors); popular-category: popularity x the weight of the user in the category',
  source STRING NOT NULL COMMENT 'als (the user is in the model) | popular-category (cold start: popular items of the categories the user touched)',
  model_name STRING NOT NULL COMMENT 'Model of ops.model_registry that produced it, e.g. recommend-als',
  model_version INT NOT NULL COMMENT 'Its version',
  generated_at TIMESTAMP NOT NULL COMMENT 'When the list was generated (UTC)'
)
USING DELTA
COMMENT 'One row per user and rank of the current recommendation lists, unique on (user_id, rank)'
