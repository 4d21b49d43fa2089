-- VaR backtest summary per portfolio and as-of date over the last 250 forecasts: exceptions,
-- Kupiec proportion of failures, Christoffersen independence and the Basel traffic-light zone.
CREATE TABLE IF NOT EXISTS gold.finance_backtest (
  backtest_date DATE NOT NULL COMMENT 'Last P&L date in the window',
  portfolio_id STRING NOT NULL COMMENT 'Portfolio',
  days INT NOT NULL COMMENT 'Forecasts in the window (250 when the history allows)',
  exceptions INT NOT NULL COMMENT 'Days whose loss exceeded the 1-day 99% VaR',
  expected_exceptions DOUBLE NOT NULL COMMENT 'days * 0.01',
  kupiec_lr DOUBLE NOT NULL COMMENT 'Kupiec proportion-of-failures likelihood ratio (chi-square, 1 df)',
  kupiec_p_value DOUBLE NOT NULL COMMENT 'Its p-value',
  christoffersen_lr DOUBLE NOT NULL COMMENT 'Christoffersen independence likelihood ratio (chi-square, 1 df)',
  christoffersen_p_value DOUBLE NOT NULL COMMENT 'Its p-value',
  zone STRING NOT NULL COMMENT 'Basel traffic light over 250 days: green (0-4) | yellow (5-9) | red (10+); n/a for a shorter window',
  computed_at TIMESTAMP NOT NULL COMMENT 'When it was computed (UTC)'
)
USING DELTA
COMMENT 'One row per backtest date and portfolio, unique on (backtest_date, portfolio_id)'
