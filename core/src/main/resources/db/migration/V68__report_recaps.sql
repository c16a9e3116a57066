-- Watchfloor store, schema 68: a report that tells its event as news days after it happened (a
-- late report, a follow-up) is a recap: news of the event, but no new confirmation of it, so it
-- does not count toward the event's independent origins. Stores migrated from an older schema
-- keep their reports as they were read then (0), until `reprocess` reads them again.
ALTER TABLE reports ADD COLUMN recap INTEGER NOT NULL DEFAULT 0;
