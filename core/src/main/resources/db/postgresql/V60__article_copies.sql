-- Watchfloor store on PostgreSQL, schema 60 (as SQLite's V60): the copies of each article found
-- through an index, for the article browser's page of originals with their copies.
CREATE INDEX articles_copy_of ON articles(copy_of) WHERE copy_of IS NOT NULL;
