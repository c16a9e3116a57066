-- Watchfloor store on PostgreSQL, schema 73: the indexes of SQLite's V73, for the same reads (the
-- timeline's count of the events it shows by default, an entity's events per month).
CREATE INDEX events_visible ON events(planned, news_reports, type);
CREATE INDEX events_id_month ON events(id, date_precision, date_earliest);
