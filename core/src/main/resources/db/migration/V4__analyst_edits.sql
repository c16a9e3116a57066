-- Watchfloor store, schema 4: analyst edits, kept append-only as inputs to resolution.
-- An edit names the event it was made on, and also pins: the (article, report type) pairs
-- behind the events at the time, with the event each must belong to. Article ids are
-- content hashes, so the pins survive re-processing with another extractor, where report
-- and event ids may not. Only status and reason change after insertion: they are derived
-- from the whole log (an edit that a later one contradicts is marked superseded). A merge
-- keeps the event it absorbed, as it was (JSON), so that later reports like it join the survivor.

CREATE TABLE edits (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  kind          TEXT NOT NULL CHECK (kind IN ('confirm', 'reject', 'merge', 'split', 'correct')),
  target_event  TEXT NOT NULL,
  other_event   TEXT,
  articles      TEXT NOT NULL DEFAULT '[]',
  pins          TEXT NOT NULL DEFAULT '[]',
  field         TEXT,
  value         TEXT,
  analyst       TEXT NOT NULL,
  at            TEXT NOT NULL,
  note          TEXT,
  status        TEXT NOT NULL DEFAULT 'applied' CHECK (status IN ('applied', 'superseded', 'not_applied')),
  reason        TEXT,
  absorbed      TEXT
);
CREATE INDEX edits_target ON edits(target_event);
CREATE INDEX edits_other ON edits(other_event);
