-- Watchfloor store on PostgreSQL, schema 72: the near-duplicate lookup's index holds each band
-- key's rows in the order they were stored (band_key, rowid), as SQLite's index on band_key does
-- through its implicit rowid.
--
-- Why: the lookup reads the newest rows of each band key (ORDER BY rowid DESC LIMIT n). With an
-- index on band_key alone, the server either sorts each key's rows or, when its statistics say the
-- table is small (a new store, before the first automatic ANALYZE), walks the whole table backwards
-- by rowid filtering on the key; a plan it then keeps for the statement, so that the lookup grew
-- with the store. This index answers the lookup in key and order whatever the statistics say.
CREATE INDEX article_bands_key_order ON article_bands(band_key, rowid);
DROP INDEX article_bands_key;
