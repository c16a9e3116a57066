-- Watchfloor store, schema 9: candidate lookup for resolution bounded on both sides of the date.
-- The (type, date_earliest, date_latest) index alone answers "starts before the window's end and
-- ends after its start" by walking every earlier event of the type, so its cost grew with the
-- store. Resolution now looks up events that span at most 400 days by a date_earliest range
-- (they must start within 400 days before the window), and the rare wider ones (a year, "2021-2025")
-- through this partial index, whose WHERE term the query repeats word for word.

CREATE INDEX events_type_wide ON events(type, date_latest)
  WHERE julianday(date_latest) - julianday(date_earliest) > 400;

-- events with no date, drawn as candidates by reports with no date
CREATE INDEX events_type_undated ON events(type) WHERE date_precision = 'UNKNOWN';
