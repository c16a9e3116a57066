-- Watchfloor store, schema 11: the generation of the search index the database asks for.
-- Re-processing changes what is derived from articles already indexed (their text, the types
-- and weapons of their reports), so the index must then be built again whole: the swap raises
-- this number in its own transaction, and every process that opens the store treats an index
-- whose commit names another generation as stale until it has been rebuilt. An index written
-- before this schema names none, which counts as generation 0.

CREATE TABLE index_state (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  generation  INTEGER NOT NULL
);
INSERT INTO index_state(id, generation) VALUES (1, 0);
