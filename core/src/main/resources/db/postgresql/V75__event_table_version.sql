-- Watchfloor store on PostgreSQL, schema 75 (as SQLite's V75): a version of the event table that
-- every transaction writing it raises, for the server's caches of what it reads from all of it, in
-- place of MAX, COUNT and SUM of the change sequences over every event on each page.
--
-- Why a row raised at commit: several writers share a PostgreSQL store, each holding a batch open
-- for seconds. A row raised when an event is written would be locked from the first event of a
-- batch to its commit, and every other writer's batch would wait on it. A sequence raised then
-- never waits, but it is not transactional: a reader could read the new number before the writer's
-- commit is visible, read the rows without it, and keep the old rows under the new number for good.
-- Here the row is raised by a deferred trigger, which runs as its transaction commits, after all
-- its statements: a writer holds the row only while it commits, so writers wait on each other's
-- commit at most, never on each other's batch (no other trigger or constraint of the schema is
-- deferred, so the row is the last lock a writer takes and two writers cannot deadlock on it).
-- Being a row written in the same transaction as the events, it becomes visible with them: a
-- reader that sees a version sees every change of events committed before it was raised. A
-- reader reads the version before the rows (READ COMMITTED, each statement a later snapshot), so
-- at worst it keeps rows newer than the version it read under that version, which the next read
-- of the version (raised by that newer commit) replaces; never older rows under a newer version.
CREATE TABLE event_table_version (
  id      BIGINT PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
);
INSERT INTO event_table_version(id, version) VALUES (1, 0);

-- Runs once per changed row at commit (a constraint trigger is a row trigger); the first run in a
-- transaction raises the version and marks the transaction (a setting local to it), the others
-- return at once: a re-processing or a store copy writes tens of thousands of events in one.
CREATE FUNCTION event_table_version_raise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('watchfloor.event_table_version_raised', true) IS DISTINCT FROM 'on' THEN
    UPDATE event_table_version SET version = version + 1 WHERE id = 1;
    PERFORM set_config('watchfloor.event_table_version_raised', 'on', true);
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER event_table_version AFTER INSERT OR UPDATE OR DELETE ON events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION event_table_version_raise();
