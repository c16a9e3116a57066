-- Watchfloor store, schema 20: alert rules, the alerts they decided (a transactional outbox) and
-- the deliveries of each alert, and the settings of the transports (SMTP, retries).
--
-- An alert is written in the same transaction that creates or changes the event it is about, so
-- no event change is ever committed without its alerts, nor an alert without its change. The
-- unique (rule_id, event_id, reason) is the idempotency key: deciding again (after a crash, a
-- re-run, a second report of the same event) finds the row there and adds nothing. Deliveries are
-- marked once sent; a crash between sending and marking sends again, with the same key.

CREATE TABLE alert_rules (
  id                 TEXT PRIMARY KEY,
  -- what the rule selects: JSON lists as the analyst gave them (weapons as typed, classes included)
  event_types        TEXT NOT NULL DEFAULT '[]',
  weapons            TEXT NOT NULL DEFAULT '[]',
  actors             TEXT NOT NULL DEFAULT '[]',
  places             TEXT NOT NULL DEFAULT '[]',
  -- the canonical weapon names the rule fires on: the weapons given, and the systems of each class
  -- given, as the watch profile's gazetteer said when the rule was added
  weapon_names       TEXT NOT NULL DEFAULT '[]',
  min_origins        INTEGER NOT NULL DEFAULT 1,
  min_confidence     REAL NOT NULL DEFAULT 0,
  include_background INTEGER NOT NULL DEFAULT 0,
  include_planned    INTEGER NOT NULL DEFAULT 0,
  query              TEXT,
  fire_on            TEXT NOT NULL DEFAULT '["new"]',
  webhook_url        TEXT,
  -- the HMAC key of the webhook's signature: kept as given, since signing needs it
  webhook_secret     TEXT,
  emails             TEXT NOT NULL DEFAULT '[]',
  -- SHA-256 of the Atom feed's token, as API tokens are kept
  feed_token_hash    TEXT NOT NULL,
  created_at         TEXT NOT NULL
);

CREATE TABLE alerts (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  rule_id         TEXT NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
  event_id        TEXT NOT NULL,
  reason          TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  -- the body every transport sends: the event contract as it stood when the alert was decided
  payload         TEXT NOT NULL,
  -- what the rule knew of the event then, so that an update fires only for what is new
  origins         INTEGER NOT NULL,
  conflicts       TEXT NOT NULL DEFAULT '[]',
  decided_at      TEXT NOT NULL,
  UNIQUE (rule_id, event_id, reason)
);
CREATE INDEX alerts_event ON alerts(event_id);

CREATE TABLE alert_deliveries (
  alert_seq       INTEGER NOT NULL REFERENCES alerts(seq) ON DELETE CASCADE,
  channel         TEXT NOT NULL CHECK (channel IN ('webhook', 'email')),
  target          TEXT NOT NULL,
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  -- epoch milliseconds, so that due rows compare as numbers
  next_attempt_at INTEGER NOT NULL,
  last_error      TEXT,
  delivered_at    TEXT,
  PRIMARY KEY (alert_seq, channel, target)
);
CREATE INDEX alert_deliveries_due ON alert_deliveries(state, next_attempt_at);

-- Settings of the alert transports, by key (see AlertSettings for the keys, types and defaults).
CREATE TABLE alert_settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
