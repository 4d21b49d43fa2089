-- Each day's 1-day 99% historical VaR against the next trading day's realised P&L of the same
-- positions (those of the latest backtest run, held constant over its window) (`risk backtest --date D`): the series a VaR backtest counts exceptions in.
CREATE TABLE IF NOT EXISTS gold.finance_backtest_days (
  forecast_date DATE NOT NULL COMMENT 'Day the VaR was computed for (positions and history up to it)',
  pnl_date DATE NOT NULL COMMENT 'Next trading day, whose P&L is compared',
  portfolio_id STRING NOT NULL COMMENT 'Portfolio',
  value_at_risk DOUBLE NOT NULL COMMENT '1-day 99% VaR (loss, positive)',
  realised_pnl DOUBLE NOT NULL COMMENT 'P&L of the forecast-date positions over the next day',
  is_exception BOOLEAN NOT NULL COMMENT 'Whether the loss exceeded the VaR (-realised_pnl > value_at_risk)',
  computed_at TIMESTAMP NOT NULL COMMENT 'When it was computed (UTC)'
)
USING DELTA
COMMENT 'One row per forecast date and portfolio, unique on (forecast_date, portfolio_id)'
