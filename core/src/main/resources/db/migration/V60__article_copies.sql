-- Watchfloor store, schema 60: the copies of each article (syndicated copies and re-ingests,
-- copy_of pointing at the first stored), found through an index, so the article browser lists a
-- page of originals with their copies without scanning every article for each page.
CREATE INDEX articles_copy_of ON articles(copy_of) WHERE copy_of IS NOT NULL;
