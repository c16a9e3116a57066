-- Watchfloor store, schema 8: the figures of each sketched article (its words holding a digit,
-- space-separated), so that checking a near-duplicate candidate's figures reads one short column
-- instead of the candidate's whole text. Rows written before this version hold NULL: their
-- figures are read from the article's text as before.

ALTER TABLE article_sketches ADD COLUMN figures TEXT;
