-- Stress test results: scenarios of the library (finance/stress-scenarios.yaml) applied to each
-- portfolio's positions of a date (`risk stress --date D [--scenario S]`).
CREATE TABLE IF NOT EXISTS gold.finance_stress_results (
  stress_date DATE NOT NULL COMMENT 'As-of date of the positions and prices',
  portfolio_id STRING NOT NULL COMMENT 'Portfolio',
  scenario STRING NOT NULL COMMENT 'Scenario name in the library',
  scenario_kind STRING NOT NULL COMMENT 'hypothetical | historical',
  pnl DOUBLE NOT NULL COMMENT 'Profit (positive) or loss (negative) of the scenario',
  pnl_pct DOUBLE NOT NULL COMMENT 'pnl / portfolio_value',
  portfolio_value DOUBLE NOT NULL COMMENT 'Market value of the positions',
  worst_instrument STRING COMMENT 'Instrument with the largest loss in the scenario',
  worst_instrument_pnl DOUBLE COMMENT 'Its P&L',
  window_start DATE COMMENT 'First day of a historical window',
  window_end DATE COMMENT 'Last day of a historical window',
  detail STRING COMMENT 'What the scenario did, in words',
  computed_at TIMESTAMP NOT NULL COMMENT 'When it was computed (UTC)'
)
USING DELTA
PARTITIONED BY (stress_date)
COMMENT 'One row per date, portfolio and scenario, unique on (stress_date, portfolio_id, scenario)'
