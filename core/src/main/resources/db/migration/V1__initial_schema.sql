-- Watchfloor store, schema 1: articles with their raw bytes, mentions, origins, events,
-- reports and claims. Lists and maps are JSON text; dates are ISO text.

CREATE TABLE articles (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,
  id             TEXT NOT NULL UNIQUE,
  url            TEXT,
  source_path    TEXT,
  source         TEXT NOT NULL,
  outlet         TEXT,
  title          TEXT,
  byline         TEXT,
  published      TEXT,
  published_utc  TEXT,
  language       TEXT,
  text           TEXT NOT NULL,
  content_hash   TEXT NOT NULL,
  flags          TEXT NOT NULL DEFAULT '[]',
  copy_of        TEXT,
  extra          TEXT NOT NULL DEFAULT '{}',
  problems       TEXT NOT NULL DEFAULT '[]',
  raw            BLOB NOT NULL,
  raw_format     TEXT NOT NULL,
  raw_metadata   TEXT NOT NULL DEFAULT '{}',
  ingested_at    TEXT NOT NULL
);
CREATE INDEX articles_url_hash ON articles(url, content_hash);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_published ON articles(published_utc);

CREATE TABLE mentions (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL,
  start_pos  INTEGER NOT NULL,
  end_pos    INTEGER NOT NULL,
  text       TEXT NOT NULL,
  value      TEXT
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_value ON mentions(kind, value);

CREATE TABLE origins (
  id   TEXT PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE events (
  seq                 INTEGER PRIMARY KEY AUTOINCREMENT,
  id                  TEXT NOT NULL UNIQUE,
  type                TEXT NOT NULL,
  date_earliest       TEXT,
  date_latest         TEXT,
  date_precision      TEXT NOT NULL,
  planned             INTEGER NOT NULL DEFAULT 0,
  actors              TEXT NOT NULL DEFAULT '[]',
  weapons             TEXT NOT NULL DEFAULT '[]',
  locations           TEXT NOT NULL DEFAULT '[]',
  attributes          TEXT NOT NULL DEFAULT '{}',
  summary             TEXT NOT NULL,
  confidence          REAL NOT NULL,
  report_count        INTEGER NOT NULL,
  independent_origins INTEGER NOT NULL,
  conflicts           TEXT NOT NULL DEFAULT '[]',
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  change_seq          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_type_date ON events(type, date_earliest, date_latest);

CREATE TABLE reports (
  id             TEXT PRIMARY KEY,
  article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  event_id       TEXT NOT NULL REFERENCES events(id),
  type           TEXT NOT NULL,
  date_earliest  TEXT,
  date_latest    TEXT,
  date_precision TEXT NOT NULL,
  planned        INTEGER NOT NULL DEFAULT 0,
  background     INTEGER NOT NULL DEFAULT 0,
  actors         TEXT NOT NULL DEFAULT '[]',
  weapons        TEXT NOT NULL DEFAULT '[]',
  locations      TEXT NOT NULL DEFAULT '[]',
  attributes     TEXT NOT NULL DEFAULT '{}',
  evidence       TEXT NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end   INTEGER NOT NULL,
  attribution    TEXT,
  certainty      TEXT NOT NULL,
  origin         TEXT NOT NULL REFERENCES origins(id)
);
CREATE INDEX reports_event ON reports(event_id);
CREATE INDEX reports_article ON reports(article_id);

CREATE TABLE claims (
  report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  field     TEXT NOT NULL,
  value     TEXT NOT NULL,
  start_pos INTEGER NOT NULL,
  end_pos   INTEGER NOT NULL
);
CREATE INDEX claims_report ON claims(report_id);

-- Inputs that could not be used, with the reason: nothing bad is dropped silently.
CREATE TABLE quarantine (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  source      TEXT NOT NULL,
  reason      TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
