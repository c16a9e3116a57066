-- Watchfloor store, schema 73: indexes for the workbench's reads (issue 17), found by EXPLAIN QUERY
-- PLAN on a 100,000-article store.
--
-- The timeline hides planned and background-only events by default, and its count of them
-- (planned = 0 AND news_reports > 0, with or without a type) read every row of the events table,
-- summaries and JSON columns and all; this index counts them from its own entries. The pages of
-- the timeline keep walking events_timeline in order (their visibility terms are kept off this
-- index: see EventRows#where), so that a page reads about offset + limit rows, not every visible event.
CREATE INDEX events_visible ON events(planned, news_reports, type);

-- An entity's chart counts its events per month by joining the entity index to the events by id:
-- for an entity named in most events (the country itself) that read most rows of the table. The
-- date columns beside the id let the join read this index alone.
CREATE INDEX events_id_month ON events(id, date_precision, date_earliest);
