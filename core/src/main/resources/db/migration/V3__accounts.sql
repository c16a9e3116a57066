-- Watchfloor store, schema 3: analyst accounts, their API tokens and their web sessions.
-- Nothing secret is stored as given: passwords as PBKDF2 hashes with a salt per account,
-- API tokens and session ids as SHA-256 digests (they are random 256-bit values, so a fast
-- digest is enough to make a stolen database useless for logging in).

CREATE TABLE accounts (
  name          TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL
);

CREATE TABLE api_tokens (
  token_hash    TEXT PRIMARY KEY,
  account       TEXT NOT NULL REFERENCES accounts(name) ON DELETE CASCADE,
  created_at    TEXT NOT NULL
);
CREATE INDEX api_tokens_account ON api_tokens(account);

CREATE TABLE sessions (
  id_hash       TEXT PRIMARY KEY,
  account       TEXT NOT NULL REFERENCES accounts(name) ON DELETE CASCADE,
  csrf_token    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  expires_at    TEXT NOT NULL
);
CREATE INDEX sessions_account ON sessions(account);
