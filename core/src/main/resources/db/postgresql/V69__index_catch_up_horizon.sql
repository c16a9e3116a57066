-- Watchfloor store on PostgreSQL, schema 69 (SQLite's V69 changes nothing): each article row and
-- each version of an event row records the transaction that wrote it (written_by, an xid8), so
-- that a process's local search index catches up from the database correctly while several
-- processes write it (see Dialect#changedSince).
--
-- Why: articles.seq (an identity) and events.change_seq (MAX + 1) are taken when a row is written
-- but committed when its transaction ends, so writer A may hold seq 7 in an open batch while
-- writer B commits seq 8 (and two writers may even take the same change_seq). A process that has
-- indexed "everything up to 8" and then asks for "seq > 8" never sees A's row. A transaction id
-- answers what a number cannot: whether its writer had committed when a catch-up looked. A
-- catch-up records the snapshot it read under (pg_current_snapshot(), taken before its reads);
-- the next one reads again the rows whose writer that snapshot does not show as committed (in
-- progress then, or begun since), and no others.
--
-- Existing rows take the migrating transaction's id (a default computed once for the table),
-- so an index from before this schema reads them all again once.
ALTER TABLE articles ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE events ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX articles_written_by ON articles(written_by);
CREATE INDEX events_written_by ON events(written_by);

-- A default is applied on insert only; an event is rewritten in place (an upsert, an edit), and
-- each version must name its own writer.
CREATE FUNCTION stamp_writer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.written_by := pg_current_xact_id();
  RETURN NEW;
END
$$;
CREATE TRIGGER events_written_by BEFORE UPDATE ON events
  FOR EACH ROW EXECUTE FUNCTION stamp_writer();
