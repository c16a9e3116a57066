-- Watchfloor store on PostgreSQL, schema 61 (as SQLite's V61): how many of an event's reports tell
-- it as news, kept by triggers on reports and events, so that the timeline hides background-only
-- events (news_reports = 0) from a column of the event row. Each trigger counts again rather than
-- adding one, so the order in which an event and its reports are written does not matter.
ALTER TABLE events ADD COLUMN news_reports BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION event_news_recount(event TEXT) RETURNS void LANGUAGE sql AS $$
  UPDATE events SET news_reports = (SELECT COUNT(*) FROM reports r WHERE r.event_id = event AND r.background = 0)
    WHERE id = event;
$$;

CREATE FUNCTION events_news_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM event_news_recount(NEW.id);
  RETURN NULL;
END;
$$;

CREATE FUNCTION reports_news_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.background = 0 THEN
      PERFORM event_news_recount(NEW.event_id);
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.background = 0 THEN
      PERFORM event_news_recount(OLD.event_id);
    END IF;
  ELSE
    PERFORM event_news_recount(OLD.event_id);
    IF NEW.event_id IS DISTINCT FROM OLD.event_id THEN
      PERFORM event_news_recount(NEW.event_id);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER events_news_insert AFTER INSERT ON events
  FOR EACH ROW EXECUTE FUNCTION events_news_sync();
CREATE TRIGGER reports_news_insert AFTER INSERT ON reports
  FOR EACH ROW EXECUTE FUNCTION reports_news_sync();
CREATE TRIGGER reports_news_delete AFTER DELETE ON reports
  FOR EACH ROW EXECUTE FUNCTION reports_news_sync();
CREATE TRIGGER reports_news_update AFTER UPDATE OF event_id, background ON reports
  FOR EACH ROW EXECUTE FUNCTION reports_news_sync();

-- Existing stores: count the reports already there.
UPDATE events SET news_reports = (SELECT COUNT(*) FROM reports r WHERE r.event_id = events.id AND r.background = 0);
