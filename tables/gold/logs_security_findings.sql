-- Security findings per day and client address: scanners, brute force, injection probes, attack
-- tools, and (from the streaming detector) minutes over the request thresholds. Daily rows are
-- replaced when the date is published again; streaming rows are merged on finding_id.
CREATE TABLE IF NOT EXISTS gold.logs_security_findings (
  finding_id STRING NOT NULL COMMENT 'sha-256 of date, kind, ip and detector; the key',
  finding_date DATE NOT NULL COMMENT 'UTC date of the evidence; the partition',
  kind STRING NOT NULL COMMENT 'scanner | brute_force | sql_injection | xss | path_traversal | bad_agent | request_rate',
  ip STRING NOT NULL COMMENT 'Client address',
  severity STRING NOT NULL COMMENT 'critical | warning | info',
  events BIGINT NOT NULL COMMENT 'Requests that are the evidence',
  distinct_paths BIGINT NOT NULL COMMENT 'Distinct paths among them',
  first_seen_at TIMESTAMP NOT NULL COMMENT 'First such request (UTC)',
  last_seen_at TIMESTAMP NOT NULL COMMENT 'Last such request (UTC)',
  detail STRING NOT NULL COMMENT 'What was seen, in words',
  samples ARRAY<STRING> COMMENT 'Up to 5 of the paths (or agents) that are the evidence',
  detector STRING NOT NULL COMMENT 'daily (publish / analyze) | stream (logs detect)',
  source STRING NOT NULL COMMENT 'silver.logs_web_requests, or the files analyzed',
  published_at TIMESTAMP NOT NULL COMMENT 'When it was written (UTC)'
)
USING DELTA
PARTITIONED BY (finding_date)
COMMENT 'One row per finding (date, kind, ip, detector), unique on finding_id'
