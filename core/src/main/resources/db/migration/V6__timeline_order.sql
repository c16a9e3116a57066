-- Watchfloor store, schema 6: the timeline's order (newest first, undated last) as indexes, so a
-- page of events is read in index order instead of sorting every event for each request.
CREATE INDEX events_timeline ON events((date_latest IS NULL), date_latest DESC, date_earliest DESC, id);
CREATE INDEX events_type_timeline ON events(type, (date_latest IS NULL), date_latest DESC, date_earliest DESC, id);
