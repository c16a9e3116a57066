-- Watchfloor store, schema 5: each event write takes the next change sequence number, MAX over
-- this index instead of a scan of every event, so the cost of a write does not grow with the store.
CREATE INDEX events_change_seq ON events(change_seq);
