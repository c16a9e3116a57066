-- Watchfloor store, schema 75: a version of the event table that every write of it raises, so
-- that the server's caches of what it reads from all of it (the timeline's filter values, an
-- entity's months) ask one row whether they still hold, instead of reading MAX, COUNT and SUM of
-- the change sequences over every event on each page.
--
-- Kept by triggers, like the entity index of schema 7: events are written by the resolver,
-- analyst edits, the re-processing swap and store copy, and a trigger raises the version for all
-- of them in the transaction that writes the row, so a reader sees the new rows and the new
-- version together or neither. SQLite has one writer at a time, so raising the one row on each
-- write of an event makes no writer wait; PostgreSQL's V75 raises it once per transaction, at its
-- commit, for the writers there that run side by side.
CREATE TABLE event_table_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO event_table_version(id, version) VALUES (1, 0);

CREATE TRIGGER event_table_version_insert AFTER INSERT ON events
BEGIN
  UPDATE event_table_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER event_table_version_update AFTER UPDATE ON events
BEGIN
  UPDATE event_table_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER event_table_version_delete AFTER DELETE ON events
BEGIN
  UPDATE event_table_version SET version = version + 1 WHERE id = 1;
END;
