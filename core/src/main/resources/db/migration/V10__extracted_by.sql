-- Watchfloor store, schema 10: which extractor made an article's mentions and reports.
-- The value is the extractor's version (`rules+relevance-1`, `event-2+relevance-1`: the event
-- reading and the relevance model); `reprocess` sets it anew for every article. NULL for articles
-- extracted before versions were recorded.

ALTER TABLE articles ADD COLUMN extracted_by TEXT;
