-- Watchfloor store, schema 71: daily digests. A rule may name addresses that get its alerts in one
-- e-mail a day (per address, of every rule naming it) instead of one message per alert.
--
-- Each alert a rule decides for a digest address is an item here, written in the transaction that
-- decides the alert (the outbox's guarantee holds for digests too). Once a day the deliverer
-- claims, in one transaction, every item of an address not yet in a digest and decided before the
-- end of the day just closed, into one digest row per address and day; then sends it, and marks it
-- sent. A crash between sending and marking sends the same digest again (the same items, the same
-- Message-ID, derived from address and day); an item committed after its day's digest was claimed
-- goes into the next one; a day with nothing makes no row and no message.

ALTER TABLE alert_rules ADD COLUMN digests TEXT NOT NULL DEFAULT '[]';

CREATE TABLE alert_digests (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  address         TEXT NOT NULL,
  -- the day the digest closes (ISO date in the digest's time zone, alerts.digest.zone)
  day             TEXT NOT NULL,
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  -- epoch milliseconds, so that due rows compare as numbers
  next_attempt_at INTEGER NOT NULL,
  last_error      TEXT,
  delivered_at    TEXT,
  UNIQUE (address, day)
);
CREATE INDEX alert_digests_due ON alert_digests(state, next_attempt_at);

CREATE TABLE alert_digest_items (
  alert_seq  INTEGER NOT NULL REFERENCES alerts(seq) ON DELETE CASCADE,
  address    TEXT NOT NULL,
  -- the alert's decided_at in epoch milliseconds: which day's digest it belongs to, at the latest
  decided_ms INTEGER NOT NULL,
  -- the digest it was claimed into; NULL while it waits for its day to close
  digest_seq INTEGER REFERENCES alert_digests(seq) ON DELETE CASCADE,
  PRIMARY KEY (alert_seq, address)
);
CREATE INDEX alert_digest_items_open ON alert_digest_items(address, digest_seq, decided_ms);
CREATE INDEX alert_digest_items_digest ON alert_digest_items(digest_seq);
