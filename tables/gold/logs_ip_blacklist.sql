-- Addresses and CIDR blocks whose requests are flagged in silver.logs_web_requests (is_blacklisted).
-- Filled by the streaming detector (`logs detect`), the analyzer's security findings and by hand
-- (`logs blacklist add|remove|list`). An entry with expires_at in the past no longer flags anything.
CREATE TABLE IF NOT EXISTS gold.logs_ip_blacklist (
  entry STRING NOT NULL COMMENT 'Address or CIDR block as normalised text, e.g. 198.51.100.23 or 2001:db8::/32; the key',
  range_start STRING NOT NULL COMMENT 'First address of the block as 32 hex digits (IPv4 as ::ffff:a.b.c.d), for range matching',
  range_end STRING NOT NULL COMMENT 'Last address of the block as 32 hex digits',
  reason STRING NOT NULL COMMENT 'Why it is listed, in words',
  source STRING NOT NULL COMMENT 'manual | detector rule that listed it, e.g. logs.ip_scanner',
  first_seen_at TIMESTAMP NOT NULL COMMENT 'When it was first listed (UTC)',
  updated_at TIMESTAMP NOT NULL COMMENT 'When the entry last changed (UTC)',
  expires_at TIMESTAMP COMMENT 'When it stops flagging (UTC); null for never',
  hits BIGINT NOT NULL COMMENT 'Times a detector or a person listed it'
)
USING DELTA
COMMENT 'One row per blacklisted address or CIDR block, unique on entry'
