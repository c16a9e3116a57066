-- Watchfloor store on PostgreSQL, schema 74 (SQLite's V74 changes nothing): an event's change
-- sequence comes from a sequence of its own instead of the table's MAX(change_seq) + 1.
--
-- Why: MAX + 1 reads what is committed, and several writers each in their own transaction read
-- the same MAX: two events took one number, and an event that a writer changed after waiting on
-- another writer's change of it could be left under the number that change gave it, or a lower one
-- (its statement took MAX + 1 before the wait). The server's caches of an event's JSON hold while
-- its number stays the same, so they went on serving the earlier change. A sequence gives every
-- write a number no other write has; see EventRows#upsert for why an update takes its number only
-- once it holds the event's row, and Dialect#committedSnapshot for how local indexes find rows
-- committed after others with higher numbers (a sequence, like MAX + 1, does not number in commit
-- order, and nothing here needs it to).

-- Events that share a number with an earlier row take new ones above every number there is, in
-- the order of their numbers (each still above its old one, as a change would make it).
WITH top AS (SELECT COALESCE(MAX(change_seq), 0) AS last FROM events),
shared AS (
  SELECT e.seq, ROW_NUMBER() OVER (ORDER BY e.change_seq, e.seq) AS n
  FROM events e
  WHERE EXISTS (SELECT 1 FROM events o WHERE o.change_seq = e.change_seq AND o.seq < e.seq)
)
UPDATE events SET change_seq = top.last + shared.n FROM shared, top WHERE events.seq = shared.seq;

-- Owned by the column, so that it goes with the table and pg_get_serial_sequence finds it (store
-- copy continues it after the largest number copied); the column's default, so that no insert
-- leaves an event at 0.
CREATE SEQUENCE events_change_seq_seq AS BIGINT OWNED BY events.change_seq;
SELECT setval('events_change_seq_seq', COALESCE(MAX(change_seq), 0) + 1, false) FROM events;
ALTER TABLE events ALTER COLUMN change_seq SET DEFAULT nextval('events_change_seq_seq');
