-- Watchfloor store, schema 12: API tokens with an id to name them by (to list and revoke them
-- without their secret: the first 12 hex digits of their digest), an expiry, and their last use.
-- Tokens issued before expired never; they now expire 90 days after this upgrade, the default
-- lifetime of a new token.

ALTER TABLE api_tokens ADD COLUMN id TEXT;
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN last_used_at TEXT;
UPDATE api_tokens SET id = substr(token_hash, 1, 12), expires_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+90 days');
CREATE UNIQUE INDEX api_tokens_id ON api_tokens(id);
