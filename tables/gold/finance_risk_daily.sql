-- Market risk per portfolio and date: Value at Risk and Expected Shortfall by method, confidence
-- and horizon (`risk var --date D`). Losses are positive numbers in the portfolio's base currency.
CREATE TABLE IF NOT EXISTS gold.finance_risk_daily (
  risk_date DATE NOT NULL COMMENT 'As-of date: positions and prices of this date, history up to it',
  portfolio_id STRING NOT NULL COMMENT 'Portfolio',
  method STRING NOT NULL COMMENT 'historical | parametric | parametric_ewma | monte_carlo_normal | monte_carlo_t',
  confidence DOUBLE NOT NULL COMMENT 'e.g. 0.95, 0.99, 0.975',
  horizon_days INT NOT NULL COMMENT '1 or 10 (square-root-of-time scaling from 1 day)',
  value_at_risk DOUBLE NOT NULL COMMENT 'Loss not exceeded with the given confidence',
  expected_shortfall DOUBLE NOT NULL COMMENT 'Mean loss beyond the VaR',
  portfolio_value DOUBLE NOT NULL COMMENT 'Market value of the positions on risk_date',
  scenarios BIGINT NOT NULL COMMENT 'Historical days or Monte Carlo trials behind the figure (0 for closed form)',
  detail STRING COMMENT 'Parameters, e.g. lookback 500 days, lambda 0.94, seed 42, df 4',
  computed_at TIMESTAMP NOT NULL COMMENT 'When it was computed (UTC)'
)
USING DELTA
PARTITIONED BY (risk_date)
COMMENT 'One row per date, portfolio, method, confidence and horizon, unique on (risk_date, portfolio_id, method, confidence, horizon_days)'
