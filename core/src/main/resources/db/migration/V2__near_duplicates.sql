-- Watchfloor store, schema 2: MinHash sketches of article texts and their LSH band keys, so a
-- new article finds the stored articles it nearly copies by looking up a fixed number of keys.

CREATE TABLE article_sketches (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  minhash    BLOB NOT NULL
);

CREATE TABLE article_bands (
  band_key   TEXT NOT NULL,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX article_bands_key ON article_bands(band_key);
CREATE INDEX article_bands_article ON article_bands(article_id);
